import type { SeedBody, SeedCommittee, SeedMembership, SeedPerson } from './types';

/** Ballerup's committees as named in seed 003 (2021). Further committees, boards and parties live in consultation-parties.ts and albertslund.ts. */
export const bodies: SeedBody[] = [
  { key: 'ballerup', name: 'Ballerup Kommune', slug: 'ballerup', primary: true },
  { key: 'albertslund', name: 'Albertslund Kommune', slug: 'albertslund', primary: false },
];

export const ballerupCommittees: SeedCommittee[] = [
  { key: 'kb', body: 'ballerup', kind: 'council', name: 'Kommunalbestyrelsen', shortName: 'KB' },
  { key: 'oeu', body: 'ballerup', kind: 'committee', name: 'Økonomiudvalget', shortName: 'ØU' },
  { key: 'sus', body: 'ballerup', kind: 'committee', name: 'Social- og Sundhedsudvalget', shortName: 'SUS' },
  { key: 'ebu', body: 'ballerup', kind: 'committee', name: 'Erhvervs- og Beskæftigelsesudvalget', shortName: 'EBU' },
  { key: 'kfu', body: 'ballerup', kind: 'committee', name: 'Kultur- og Fritidsudvalget', shortName: 'KFU' },
  { key: 'bsu', body: 'ballerup', kind: 'committee', name: 'Børne- og Skoleudvalget', shortName: 'BSU' },
  { key: 'tmu', body: 'ballerup', kind: 'committee', name: 'Teknik- og Miljøudvalget', shortName: 'TMU' },
];

/** The seven members of Social- og Sundhedsudvalget who voted on punkt 14 of 6 April 2021. */
export const susPeople: SeedPerson[] = [
  { key: 'lolan-ottesen', body: 'ballerup', name: 'Lolan Ottesen', email: 'lolan.ottesen@demo.test' },
  { key: 'dennis-soerensen', body: 'ballerup', name: 'Dennis Sørensen', email: 'dennis.soerensen@demo.test' },
  { key: 'maria-lundahl-assov', body: 'ballerup', name: 'Maria Lundahl Assov', email: 'maria.lundahl.assov@demo.test' },
  { key: 'jack-noer', body: 'ballerup', name: 'Jack Nør', email: 'jack.noer@demo.test' },
  { key: 'ali-abbasi', body: 'ballerup', name: 'Ali Abbasi', email: 'ali.abbasi@demo.test' },
  { key: 'kaare-harder-olesen', body: 'ballerup', name: 'Kåre Harder Olesen', email: 'kaare.harder.olesen@demo.test' },
  { key: 'birgitte-dahl', body: 'ballerup', name: 'Birgitte Dahl', email: 'birgitte.dahl@demo.test' },
];

const term = { from: '2018-01-01', to: '2021-12-31' };

export const susMemberships: SeedMembership[] = [
  { committee: 'sus', person: 'lolan-ottesen', role: 'chair', party: 'A', ...term },
  { committee: 'sus', person: 'kaare-harder-olesen', role: 'vice_chair', party: 'V', ...term },
  { committee: 'sus', person: 'dennis-soerensen', role: 'member', party: 'A', ...term },
  { committee: 'sus', person: 'maria-lundahl-assov', role: 'member', party: 'A', ...term },
  { committee: 'sus', person: 'jack-noer', role: 'member', party: 'A', ...term },
  { committee: 'sus', person: 'ali-abbasi', role: 'member', party: 'Ø', ...term },
  { committee: 'sus', person: 'birgitte-dahl', role: 'member', party: 'O', ...term },
];
