/** Danish UI texts used by more than one place. Section labels follow Ballerup's wording (DOMAIN.md). */
export const sectionLabels = {
  earlierTreatment: 'Tidligere behandling',
  content: 'Indhold',
  description: 'Beskrivelse',
  summary: 'Sammendrag',
  background: 'Baggrund',
  casePresentation: 'Sagsfremstilling',
  financial: 'Økonomiske konsekvenser og finansiering',
  attachments: 'Bilag',
  decidedBy: 'Beslutningen træffes af',
  recommendation: 'Indstilling',
  decision: 'Beslutning',
  decisionHistory: 'Beslutningshistorik',
  absences: 'Fraværende under punktet',
} as const;

export const texts = {
  closedItem: 'Lukket punkt',
  agenda: 'Dagsorden',
  minutes: 'Referat',
  minutesApprovalInstruction: 'For at godkende referatet for dette møde skal alle medlemmer af udvalget klikke på "Godkendt".',
  noAttachments: 'Ingen bilag',
  voteFor: 'For stemte',
  voteAgainst: 'Imod stemte',
  voteAbstain: 'Undlod at stemme',
  amendmentRejected: 'Ændringsforslaget er dermed faldet.',
  amendmentAdopted: 'Ændringsforslaget er dermed vedtaget.',
  notFound: 'Siden findes ikke',
} as const;

export const roleLabels = {
  chair: 'formand',
  vice_chair: 'næstformand',
  member: 'medlem',
  substitute: 'suppleant',
} as const;

export const committeeKindLabels = {
  council: 'Kommunalbestyrelse',
  committee: 'Udvalg',
  advisory_board: 'Råd og nævn',
  external_party: 'Eksterne parter',
} as const;

/** "5 bilag, heraf 5 anbefales"; "Ingen bilag" */
export function attachmentCount(total: number, recommended: number): string {
  return total === 0 ? texts.noAttachments : `${total} bilag, heraf ${recommended} anbefales`;
}

/** "A", "A og B", "A, B og C" */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
}
