import type { Knex } from 'knex';
import { sanitizeRichText } from '../../src/modules/sanitize/html';
import { need, type Ids } from './load';

/**
 * The process plan of seed 002 ("Procesplan – politiske møder i socialudvalget") for
 * the strategy case of seed 000/001. Steps with a committee are shown as held once the
 * case has an item at that committee's meeting that day; the seminar and the theme
 * meeting are activities outside the committee meetings.
 */
interface SeedStep {
  plannedOn: string;
  plannedUntil?: string;
  committee?: string;
  title: string;
  points: string[];
}

const ul = (points: string[]) => `<ul>${points.map((p) => `<li>${p}</li>`).join('')}</ul>`;

export const udsattestrategiPlan: SeedStep[] = [
  {
    plannedOn: '2022-05-20',
    plannedUntil: '2022-05-21',
    title: 'Seminar (8-12)',
    points: ['Udsattestrategi – For hvem?', 'Udsattestrategi – Hvilke fokusområder? (Evt. pointer omkring mål? – om tidshorisont?)'],
  },
  {
    plannedOn: '2022-05-31',
    committee: 'sou',
    title: 'Socialudvalgsmøde',
    points: [
      'Drøfter/justerer administrationens opsamling på pointer fra seminar',
      'Drøfter/justerer forslag til proces med involvering af relevante interessenter (fx borgere, råd, nævn, andre politiske udvalg ol.)',
    ],
  },
  {
    plannedOn: '2022-08-09',
    committee: 'sou',
    title: 'Socialudvalgsmøde',
    points: ['Godkendelse af administrationens opsamling på pointer fra seminar – sendes til relevante råd, nævn ol.', 'Godkendelse af forslag til proces'],
  },
  {
    plannedOn: '2022-09-06',
    committee: 'sou',
    title: 'Socialudvalgsmøde',
    points: [
      'Orientering om temamødets rammer og deltagere',
      'Evt. præsentation af, hvad de forskellige interessenter har budt ind med ift. konkrete dilemmaer, problematikker, tendenser eller forslag til udviklingsmål inden for de politisk definerede områder',
    ],
  },
  {
    plannedOn: '2022-09-19',
    title: 'Temamøde (halvdagsworkshop)',
    points: [
      'Drøfte konkrete indsatsområder og udviklingsmål',
      'Arbejde videre med ”forandringsstrategien” i samarbejde med relevante aktører (herunder alle formandsskaber for udvalg i kommunen)',
    ],
  },
  {
    plannedOn: '2022-10-04',
    committee: 'sou',
    title: 'Socialudvalgsmøde',
    points: ['Første udkast til samlet strategi drøftes af socialudvalget'],
  },
  {
    plannedOn: '2022-11-08',
    committee: 'sou',
    title: 'Socialudvalgsmøde',
    points: ['Strategien godkendes og sendes til høring hos relevante andre udvalg og eventuelle interessenter'],
  },
  {
    plannedOn: '2022-11-29',
    committee: 'sou',
    title: 'Socialudvalgsmøde',
    points: ['Strategien godkendes endeligt'],
  },
];

export async function loadProcessPlan(trx: Knex.Transaction, ids: Ids): Promise<void> {
  const caseId = need(ids.cases, 'udsattestrategi', 'case');
  for (const [i, step] of udsattestrategiPlan.entries()) {
    await trx('case_process_steps').insert({
      case_id: caseId,
      position: i + 1,
      planned_on: step.plannedOn,
      planned_until: step.plannedUntil ?? null,
      committee_id: step.committee ? need(ids.committees, step.committee, 'committee') : null,
      title: step.title,
      description: sanitizeRichText(ul(step.points)),
    });
  }
}
