import { susItems1to8 } from './sus-2021-04-06-items-1-8';
import { susItems9to17 } from './sus-2021-04-06-items-9-17';
import type { SeedMeeting } from './types';

const members = ['lolan-ottesen', 'kaare-harder-olesen', 'dennis-soerensen', 'maria-lundahl-assov', 'jack-noer', 'ali-abbasi', 'birgitte-dahl'];

/** Seed 003: the published referat of Social- og Sundhedsudvalget, 6 April 2021. Time and place are not in the seed; invented plainly. */
export const sus20210406: SeedMeeting = {
  key: 'sus-2021-04-06',
  committee: 'sus',
  startsAt: '2021-04-06T14:00',
  endsAt: '2021-04-06T17:00',
  location: 'Mødelokale 1, Ballerup Rådhus',
  status: 'minutes_published',
  attendance: members.map((person) => ({ person, status: 'present' as const })),
  items: [...susItems1to8, ...susItems9to17],
};
