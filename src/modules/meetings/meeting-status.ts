/** The one list of meeting states for the whole system, in order. migrations/…_create_meetings.ts mirrors it. */
export const MEETING_STATUSES = [
  'planned',
  'agenda_published',
  'held',
  'minutes_draft',
  'minutes_in_approval',
  'minutes_approved',
  'minutes_published',
] as const;

export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export function statusRank(status: MeetingStatus): number {
  return MEETING_STATUSES.indexOf(status);
}

/** Citizens see the agenda once it is published… */
export function isAgendaPublic(status: MeetingStatus): boolean {
  return statusRank(status) >= statusRank('agenda_published');
}

/** …and decisions, votes and attendance only once the approved minutes are published. */
export function areMinutesPublic(status: MeetingStatus): boolean {
  return status === 'minutes_published';
}

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planlagt',
  agenda_published: 'Dagsorden offentliggjort',
  held: 'Afholdt',
  minutes_draft: 'Referat under udarbejdelse',
  minutes_in_approval: 'Referat til godkendelse',
  minutes_approved: 'Referat godkendt',
  minutes_published: 'Referat offentliggjort',
};
