import type { SeedCommittee, SeedMembership, SeedPerson } from './types';

/**
 * Albertslund Kommune's Udsatteråd as seed 004 (Årsberetning 2018) describes it, and the committees
 * whose agendas it follows ("Social- og Sundhedsudvalget, Børne- og Skoleudvalget og Erhvervs- og
 * Beskæftigelsesudvalget") plus Kommunalbestyrelsen, which appointed the council.
 *
 * Composition (forretningsorden, seed 004): a) 5 members who are or have been in an udsat
 * livssituation, b) 2 members of Kommunalbestyrelsen, c) 2 sagkyndige, d) 1 personally appointed
 * member. Kommunalbestyrelsen appointed ten members and seven personal substitutes on 13 March 2018
 * for 2018-2021. Substitutes attend all meetings but have no vote.
 *
 * Membership changes, following seed 004:
 *  - two substitutes withdrew before the constituting meeting (to 2018-04-16), two more later in 2018,
 *    so "fire deltagere har trukket sig i 2018, alle disse var suppleanter";
 *  - two members withdrew early in 2019, so that on 1 April 2019 the council has 11: 8 members and
 *    3 substitutes;
 *  - one new member (category a, proposed by the council) joined on 2019-09-01.
 * The report gives no names; all names are invented.
 */

export const albertslundCommittees: SeedCommittee[] = [
  { key: 'alb-kb', body: 'albertslund', kind: 'council', name: 'Kommunalbestyrelsen', shortName: 'KB' },
  { key: 'alb-sus', body: 'albertslund', kind: 'committee', name: 'Social- og Sundhedsudvalget', shortName: 'SUS' },
  { key: 'alb-bsu', body: 'albertslund', kind: 'committee', name: 'Børne- og Skoleudvalget', shortName: 'BSU' },
  {
    key: 'alb-ebu',
    body: 'albertslund',
    kind: 'committee',
    name: 'Erhvervs- og Beskæftigelsesudvalget',
    shortName: 'EBU',
  },
  { key: 'alb-udsatteraad', body: 'albertslund', kind: 'advisory_board', name: 'Udsatterådet' },
];

export const albertslundPeople: SeedPerson[] = [
  // a) Are or have been in an udsat livssituation
  { key: 'alb-jette-moeller', body: 'albertslund', name: 'Jette Møller' },
  { key: 'alb-kim-andersen', body: 'albertslund', name: 'Kim Andersen' },
  { key: 'alb-tina-rasmussen', body: 'albertslund', name: 'Tina Rasmussen' },
  { key: 'alb-michael-berg', body: 'albertslund', name: 'Michael Berg' },
  { key: 'alb-john-pedersen', body: 'albertslund', name: 'John Pedersen' },
  { key: 'alb-rene-jakobsen', body: 'albertslund', name: 'René Jakobsen' }, // joined 2019-09-01
  // b) Members of Kommunalbestyrelsen
  { key: 'alb-marianne-holt', body: 'albertslund', name: 'Marianne Holt' },
  { key: 'alb-erik-skov', body: 'albertslund', name: 'Erik Skov' },
  // c) Sagkyndige
  { key: 'alb-per-holm-larsen', body: 'albertslund', name: 'Per Holm Larsen' },
  { key: 'alb-anja-frederiksen', body: 'albertslund', name: 'Anja Frederiksen' },
  // d) Personally appointed
  { key: 'alb-lone-vestergaard', body: 'albertslund', name: 'Lone Vestergaard' },
  // Personal substitutes
  { key: 'alb-bente-nielsen', body: 'albertslund', name: 'Bente Nielsen' },
  { key: 'alb-allan-hansen', body: 'albertslund', name: 'Allan Hansen' },
  { key: 'alb-susanne-lund', body: 'albertslund', name: 'Susanne Lund' },
  { key: 'alb-carsten-mikkelsen', body: 'albertslund', name: 'Carsten Mikkelsen' },
  { key: 'alb-helle-jensen', body: 'albertslund', name: 'Helle Jensen' },
  { key: 'alb-ole-kristiansen', body: 'albertslund', name: 'Ole Kristiansen' },
  { key: 'alb-mette-dam', body: 'albertslund', name: 'Mette Dam' },
];

const from = '2018-03-13'; // Kommunalbestyrelsen's appointment
const to = '2021-12-31';
const ur = 'alb-udsatteraad';

function substitute(person: string, substituteFor: string, until: string = to): SeedMembership {
  return { committee: ur, person, role: 'substitute', substituteFor, votingRight: false, from, to: until };
}

export const albertslundMemberships: SeedMembership[] = [
  // Udsatterådet: ten members appointed 13 March 2018
  { committee: ur, person: 'alb-jette-moeller', role: 'chair', from, to }, // a
  { committee: ur, person: 'alb-kim-andersen', role: 'member', from, to: '2019-01-31' }, // a, withdrew early 2019
  { committee: ur, person: 'alb-tina-rasmussen', role: 'member', from, to }, // a
  { committee: ur, person: 'alb-michael-berg', role: 'member', from, to: '2019-03-15' }, // a, withdrew early 2019
  { committee: ur, person: 'alb-john-pedersen', role: 'member', from, to }, // a
  { committee: ur, person: 'alb-marianne-holt', role: 'member', party: 'A', from, to }, // b
  { committee: ur, person: 'alb-erik-skov', role: 'member', party: 'O', from, to }, // b
  { committee: ur, person: 'alb-per-holm-larsen', role: 'vice_chair', from, to }, // c
  { committee: ur, person: 'alb-anja-frederiksen', role: 'member', from, to }, // c
  { committee: ur, person: 'alb-lone-vestergaard', role: 'member', from, to }, // d
  // Joined later: proposed by the council and appointed by Kommunalbestyrelsen
  { committee: ur, person: 'alb-rene-jakobsen', role: 'member', from: '2019-09-01', to }, // a

  // Seven personal substitutes (no vote)
  substitute('alb-bente-nielsen', 'alb-jette-moeller'),
  substitute('alb-allan-hansen', 'alb-kim-andersen', '2018-04-16'), // withdrew before the first meeting
  substitute('alb-susanne-lund', 'alb-tina-rasmussen', '2018-04-16'), // withdrew before the first meeting
  substitute('alb-carsten-mikkelsen', 'alb-michael-berg', '2018-09-30'),
  substitute('alb-helle-jensen', 'alb-john-pedersen'),
  substitute('alb-ole-kristiansen', 'alb-per-holm-larsen', '2018-11-30'),
  substitute('alb-mette-dam', 'alb-anja-frederiksen'),

  // The two politicians' seats in Kommunalbestyrelsen (term 2018-2021)
  { committee: 'alb-kb', person: 'alb-marianne-holt', role: 'member', party: 'A', from: '2018-01-01', to },
  { committee: 'alb-kb', person: 'alb-erik-skov', role: 'member', party: 'O', from: '2018-01-01', to },
];
