import { formatDate } from '../../i18n/format';
import { texts } from '../../i18n/texts';

/** The Danish values the API writes into its data. */
export const oparlTexts = {
  closedItem: texts.closedItem,
  paperType: 'Sag',
  /** OParl's suggested vocabulary for organizationType ("Gremium": a political body) */
  organizationType: 'Gremium',
  classification: {
    council: 'Kommunalbestyrelse',
    committee: 'Udvalg',
    advisory_board: 'Råd eller nævn',
  },
  role: {
    chair: 'Formand',
    vice_chair: 'Næstformand',
    member: 'Medlem',
    substitute: 'Suppleant',
  },
  consultationRole: {
    decision: 'Beslutning',
    hearing: 'Høring',
    preparation: 'Forberedende behandling',
  },
  bodyClassification: 'Kommune',
  meetingName: (committeeName: string, startsAt: Date) => `${committeeName}, møde ${formatDate(startsAt)}`,
  files: { dagsorden: 'Dagsorden', referat: 'Referat', samlet: 'Samlet dokument' },
  fileNamePrefix: { dagsorden: 'dagsorden', referat: 'referat', samlet: 'samlet-dokument' },
  motion: {
    amendment: 'Ændringsforslag',
    point: 'Indstillingens punkt',
    recommendation: 'Indstillingen',
  },
  pointLabel: (n: number) => `Indstillingens punkt ${n}:`,
  notFound: 'Objektet findes ikke.',
  badParameter: (name: string) => `Parameteren ${name} kan ikke læses. Datoer skrives som fuld dato og tid med tidszone, fx 2021-04-06T14:00:00+02:00.`,
} as const;
