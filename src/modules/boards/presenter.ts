import { formatDate, formatNumber, formatTime } from '../../i18n/format';
import { roleLabels } from '../../i18n/texts';
import { itemHref, meetingHref } from '../meetings/presenter';
import { sanitizeRichText } from '../sanitize/html';
import type { MeetingFigures, PersonFigures, PersonStatus, YearFigures } from './attendance';
import type { CommentRow, NoticeRow } from './repository';

/** "5 møder", "1 møde" */
export function meetingCount(n: number): string {
  return `${n} ${n === 1 ? 'møde' : 'møder'}`;
}

/** "60 %" with a Danish non-breaking space, or "–" without figures */
export function percent(rate: number | null): string {
  return rate === null ? '–' : `${formatNumber(rate)} %`;
}

export interface YearFiguresView {
  year: number;
  meetings: string;
  attendance: string;
  rate: string;
}

export function presentYears(years: YearFigures[]): YearFiguresView[] {
  return years.map((y) => ({
    year: y.year,
    meetings: meetingCount(y.meetings),
    attendance: `${formatNumber(y.attendees)} af ${formatNumber(y.invited)}`,
    rate: percent(y.rate),
  }));
}

const STATUS_TEXT: Record<PersonStatus, string> = {
  present: 'Til stede',
  absent: 'Fraværende',
  in_seat: 'Mødt i medlemmets sted',
  beside: 'Til stede uden stemmeret',
  not_recorded: 'Ikke registreret',
};

export interface MeetingFiguresView {
  meetingId: number;
  date: string;
  time: string;
  href: string;
  adminHref: string;
  minutesPublic: boolean;
  attendees: number;
  invited: number;
  summary: string;
  membersPresent: string;
  substitutesInSeat: number;
  substitutesBeside: number;
  absent: Array<{ name: string; reason: string | null }>;
  people: Array<{ name: string; role: string; status: string; note: string | null }>;
}

export function presentMeetings(meetings: MeetingFigures[]): MeetingFiguresView[] {
  return meetings.map((m) => ({
    meetingId: m.meetingId,
    date: formatDate(m.startsAt),
    time: formatTime(m.startsAt),
    href: meetingHref(m.slug),
    adminHref: `/admin/moeder/${m.meetingId}`,
    minutesPublic: m.minutesPublic,
    attendees: m.attendees,
    invited: m.invited,
    summary: `${formatNumber(m.attendees)} af ${formatNumber(m.invited)}`,
    membersPresent: `${formatNumber(m.membersPresent)} af ${formatNumber(m.members)}`,
    substitutesInSeat: m.substitutesInSeat,
    substitutesBeside: m.substitutesBeside,
    absent: m.people.filter((p) => p.status === 'absent').map((p) => ({ name: p.name, reason: p.reason })),
    people: m.people.map((p) => ({
      name: p.party ? `${p.name} (${p.party})` : p.name,
      role: p.role === 'substitute' && p.forName ? `suppleant for ${p.forName}` : roleLabels[p.role],
      status: STATUS_TEXT[p.status],
      note: p.reason,
    })),
  }));
}

export interface PersonFiguresView {
  name: string;
  role: string;
  invited: number;
  present: number;
  absent: number;
  inSeat: number;
  beside: number;
  notRecorded: number;
  rate: string;
}

export function presentPeople(people: PersonFigures[]): PersonFiguresView[] {
  return people.map((p) => {
    const attended = p.present + p.inSeat + p.beside;
    return {
      name: p.name,
      role: roleLabels[p.role],
      invited: p.invited,
      present: p.present,
      absent: p.absent,
      inSeat: p.inSeat,
      beside: p.beside,
      notRecorded: p.notRecorded,
      rate: percent(p.invited > 0 ? Math.round((100 * attended) / p.invited) : null),
    };
  });
}

export interface CommentView {
  id: number;
  boardName: string;
  boardHref: string;
  committeeName: string;
  meetingDate: string;
  meetingHref: string;
  itemNumber: number;
  itemTitle: string;
  itemHref: string;
  itemAnchor: string;
  html: string;
  sentDate: string;
  sentBy: string | null;
}

export function presentComment(c: CommentRow): CommentView {
  return {
    id: c.id,
    boardName: c.boardName,
    boardHref: `/udvalg/${c.boardSlug}`,
    committeeName: c.committeeName,
    meetingDate: formatDate(c.meetingStartsAt),
    meetingHref: meetingHref(c.meetingSlug),
    itemNumber: c.itemNumber,
    itemTitle: c.itemTitle,
    itemHref: itemHref(c.meetingSlug, c.itemNumber),
    itemAnchor: `#punkt-${c.itemNumber}`,
    html: sanitizeRichText(c.body),
    sentDate: formatDate(c.sentAt),
    sentBy: c.sentBy,
  };
}

export interface CommentGroup {
  heading: string;
  lead: string;
  meetingHref: string;
  comments: CommentView[];
}

/**
 * Comments grouped by the meeting they concern, the way seed 004 prints them:
 * "Udsatterådet har følgende kommentarer til dagsorden for mødet i … den 20. august 2018:"
 * then "Punkt 3. …" and the text. Oldest meeting first.
 */
export function groupComments(rows: CommentRow[], boardName: string): CommentGroup[] {
  const groups = new Map<number, { startsAt: Date; group: CommentGroup }>();
  for (const row of rows) {
    let entry = groups.get(row.meetingId);
    if (!entry) {
      const date = formatDate(row.meetingStartsAt);
      entry = {
        startsAt: row.meetingStartsAt,
        group: {
          heading: `Kommentarer ${date} til ${row.committeeName}`,
          lead: `${boardName} har følgende kommentarer til dagsorden for mødet i ${row.committeeName} den ${date}:`,
          meetingHref: meetingHref(row.meetingSlug),
          comments: [],
        },
      };
      groups.set(row.meetingId, entry);
    }
    entry.group.comments.push(presentComment(row));
  }
  return [...groups.values()]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((g) => ({ ...g.group, comments: g.group.comments.sort((a, b) => a.itemNumber - b.itemNumber) }));
}

export interface NoticeView {
  boardName: string;
  boardHref: string;
  text: string;
  href: string;
  notified: string;
}

export function presentNotices(rows: NoticeRow[]): NoticeView[] {
  return rows.map((n) => ({
    boardName: n.boardName,
    boardHref: `/raad/${n.boardId}`,
    text: `${n.committeeName}, ${formatDate(n.startsAt)}`,
    href: meetingHref(n.meetingSlug),
    notified: formatDate(n.notifiedAt),
  }));
}
