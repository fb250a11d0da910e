import type { Db } from '../../db/knex';
import { formatDate, formatNumber } from '../../i18n/format';
import { joinNames, roleLabels } from '../../i18n/texts';
import { meetingHref } from '../meetings/presenter';
import { sanitizeRichText } from '../sanitize/html';
import { meetingFigures, yearFigures } from './attendance';
import { groupComments, meetingCount, percent, presentMeetings, type CommentGroup, type MeetingFiguresView } from './presenter';
import {
  commentsOfBoard,
  constitutionsOf,
  decisionsOfYear,
  findReport,
  membershipsOf,
  responsesOfYear,
  sectionsOf,
  type CommitteeInfo,
  type MembershipRow,
  type ReportRow,
} from './repository';

/**
 * The annual report (årsberetning) of a committee or board for a year, generated from the
 * data: meetings held and their attendance, members and the changes during the year, the
 * comments and consultation responses it sent, its decisions; with the introduction and
 * free sections its secretary wrote. The same view model feeds the page and the PDF.
 * Only what citizens may read goes in: nothing of a closed item, attendance and decisions
 * only from published minutes.
 */
export interface AnnualReportView {
  committee: { id: number; name: string; slug: string; bodyName: string; href: string };
  year: number;
  title: string;
  subject: string;
  meetingsSentence: string;
  attendanceSentence: string | null;
  introduction: string | null;
  sections: Array<{ heading: string; html: string | null }>;
  meetings: MeetingFiguresView[];
  members: Array<{ name: string; role: string; note: string | null }>;
  substitutes: Array<{ name: string; role: string; note: string | null }>;
  changes: Array<{ date: string; text: string }>;
  changesSummary: string | null;
  comments: CommentGroup[];
  responses: Array<{ heading: string; href: string; html: string }>;
  decisions: Array<{ date: string; href: string; items: Array<{ number: number; title: string; html: string }> }>;
  published: boolean;
  publishedDate: string | null;
  href: string;
  pdfHref: string;
}

/** How the report names the body it is about: "Rådet", "Nævnet", "Udvalget", or the council's own name. */
export function subjectOf(committee: Pick<CommitteeInfo, 'kind' | 'name'>): string {
  if (committee.kind === 'advisory_board') return /nævn/i.test(committee.name) ? 'Nævnet' : 'Rådet';
  if (committee.kind === 'council') return committee.name;
  return 'Udvalget';
}

/** "Rådet har holdt 5 møder i 2018." */
export function meetingsSentence(subject: string, count: number, year: number): string {
  return count === 0 ? `${subject} har ikke holdt møder i ${year}.` : `${subject} har holdt ${meetingCount(count)} i ${year}.`;
}

export function reportHref(slug: string, year: number): string {
  return `/udvalg/${slug}/aarsberetning/${year}`;
}

const isoDay = (date: Date | string) => (typeof date === 'string' ? date : date.toISOString().slice(0, 10));
const dayDate = (day: string) => formatDate(new Date(`${day}T12:00:00Z`));

const ROLE_RANK: Record<MembershipRow['role'], number> = { chair: 0, vice_chair: 1, member: 2, substitute: 3 };

function roleText(m: MembershipRow): string {
  if (m.role === 'substitute') return m.substituteForName ? `personlig suppleant for ${m.substituteForName}` : 'suppleant';
  return roleLabels[m.role];
}

function nameOf(m: MembershipRow): string {
  return m.party ? `${m.name} (${m.party})` : m.name;
}

/** The members and substitutes who held a seat at some point in the year, and what changed. */
function membershipChapter(memberships: MembershipRow[], year: number, constitutionDays: Set<string>) {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  // One-day seats are people who stood in once (recorded with the meeting's attendance), not members.
  const seats = memberships.filter((m) => !(m.role === 'substitute' && m.validFrom === m.validTo));
  const inYear = seats.filter((m) => m.validFrom <= last && (m.validTo === null || m.validTo >= first));
  const period = (m: MembershipRow): string | null => {
    const from = m.validFrom > first ? `fra ${dayDate(m.validFrom)}` : null;
    const to = m.validTo !== null && m.validTo < last ? `til ${dayDate(m.validTo)}` : null;
    return from && to ? `${from} ${to}` : (from ?? to);
  };
  const label = (m: MembershipRow) => (m.role === 'substitute' && !m.votingRight ? `${roleText(m)}, uden stemmeret` : roleText(m));
  /** One line per person: the role they ended the year in, and their earlier roles when it changed. */
  const entries = (seatsOfKind: MembershipRow[]) => {
    const byPerson = new Map<number, MembershipRow[]>();
    for (const m of seatsOfKind) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
    return [...byPerson.values()]
      .map((rows) => rows.sort((a, b) => a.validFrom.localeCompare(b.validFrom)))
      .map((rows) => {
        const last = rows[rows.length - 1] as MembershipRow;
        const note = rows.length === 1 ? period(last) : rows.map((r) => [label(r), period(r)].filter(Boolean).join(' ')).join('; ');
        return { rank: ROLE_RANK[last.role], name: nameOf(last), role: label(last), note };
      })
      .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'da'))
      .map(({ name, role, note }) => ({ name, role, note }));
  };
  const members = entries(inYear.filter((m) => m.role !== 'substitute'));
  const substitutes = entries(inYear.filter((m) => m.role === 'substitute'));

  // A seat that ends the day before the same person's next seat begins is a change of role, not leaving and joining.
  const continues = (m: MembershipRow) =>
    m.validTo !== null && seats.some((n) => n.personId === m.personId && n.id !== m.id && n.validFrom === nextDay(m.validTo as string));
  const continued = (m: MembershipRow) => seats.some((n) => n.personId === m.personId && n.id !== m.id && n.validTo !== null && nextDay(n.validTo) === m.validFrom);
  const events = new Map<string, { joined: MembershipRow[]; left: MembershipRow[]; roles: MembershipRow[] }>();
  const at = (day: string) => {
    let e = events.get(day);
    if (!e) {
      e = { joined: [], left: [], roles: [] };
      events.set(day, e);
    }
    return e;
  };
  for (const m of seats) {
    if (m.validFrom >= first && m.validFrom <= last) {
      if (!continued(m)) at(m.validFrom).joined.push(m);
      else if (!constitutionDays.has(m.validFrom)) at(m.validFrom).roles.push(m);
    }
    if (m.validTo !== null && m.validTo >= first && m.validTo <= last && !continues(m)) at(m.validTo).left.push(m);
  }
  const describe = (list: MembershipRow[]) => joinNames(list.map((m) => `${nameOf(m)} (${roleText(m)})`));
  const changes = [...events.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([day, e]) => {
      const out: Array<{ day: string; text: string }> = [];
      if (e.joined.length > 0) out.push({ day, text: `Indtrådt: ${describe(e.joined)}.` });
      if (e.roles.length > 0) out.push({ day, text: `Ny rolle: ${joinNames(e.roles.map((m) => `${nameOf(m)} som ${roleText(m)}`))}.` });
      if (e.left.length > 0) out.push({ day, text: `Udtrådt: ${describe(e.left)}.` });
      return out;
    });
  // Seats that ended within the year and were not taken up again (the end of a term on 31 December is not leaving).
  const left = seats.filter((m) => m.validTo !== null && m.validTo >= first && m.validTo < last && !continues(m));
  const leftMembers = left.filter((m) => m.role !== 'substitute').length;
  const leftSubstitutes = left.filter((m) => m.role === 'substitute').length;
  const parts = [
    leftMembers > 0 ? `${formatNumber(leftMembers)} ${leftMembers === 1 ? 'medlem' : 'medlemmer'}` : null,
    leftSubstitutes > 0 ? `${formatNumber(leftSubstitutes)} ${leftSubstitutes === 1 ? 'suppleant' : 'suppleanter'}` : null,
  ].filter((p): p is string => p !== null);
  const changesSummary = parts.length > 0 ? `I ${year} er ${joinNames(parts)} udtrådt.` : null;
  return { members, substitutes, changes, changesSummary };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return isoDay(d);
}

export interface ReportSource {
  committee: CommitteeInfo;
  year: number;
  report: ReportRow | undefined;
}

export async function buildAnnualReport(db: Db, committee: CommitteeInfo, year: number): Promise<AnnualReportView & { source: ReportSource }> {
  const [report, figures, memberships, constitutions, comments, responses, decisions] = await Promise.all([
    findReport(db, committee.id, year),
    meetingFigures(db, committee.id, { year, publicOnly: false }),
    membershipsOf(db, committee.id),
    constitutionsOf(db, committee.id),
    commentsOfBoard(db, committee.id, { year }),
    responsesOfYear(db, committee.id, year),
    decisionsOfYear(db, committee.id, year),
  ]);
  const sections = report ? await sectionsOf(db, report.id) : [];
  const subject = subjectOf(committee);
  const publicFigures = figures.filter((m) => m.minutesPublic);
  const totals = yearFigures(publicFigures)[0];
  const inYear = constitutions.filter((k) => k.day.startsWith(`${year}-`));
  const chapter = membershipChapter(memberships, year, new Set(inYear.map((k) => k.day)));
  const constitutionChanges = inYear.map((k) => {
    const elected = [k.chairName ? `${k.chairName} blev valgt som formand` : null, k.viceChairName ? `${k.viceChairName} som næstformand` : null].filter(Boolean).join(' og ');
    const substitutes = k.substitutesAttendAll
      ? ` ${subject} besluttede, at suppleanterne inviteres til alle møder og deltager på lige fod med medlemmerne, dog uden stemmeret.`
      : '';
    return { day: k.day, text: `${subject} blev konstitueret på sit møde.${elected ? ` ${elected}.` : ''}${substitutes}` };
  });
  // Stable sort: on the same day the constitution comes before the seats it changed.
  const changes = [...constitutionChanges, ...chapter.changes].sort((a, b) => a.day.localeCompare(b.day));

  const meetings = presentMeetings(figures);
  const href = reportHref(committee.slug, year);
  const decisionGroups: AnnualReportView['decisions'] = [];
  for (const d of decisions) {
    let group = decisionGroups.find((g) => g.href === meetingHref(d.meetingSlug));
    if (!group) {
      group = { date: formatDate(d.startsAt), href: meetingHref(d.meetingSlug), items: [] };
      decisionGroups.push(group);
    }
    group.items.push({ number: d.number, title: d.title, html: sanitizeRichText(d.decision) });
  }
  return {
    committee: { id: committee.id, name: committee.name, slug: committee.slug, bodyName: committee.bodyName, href: `/udvalg/${committee.slug}` },
    year,
    title: `Årsberetning ${year} for ${committee.name}`,
    subject,
    meetingsSentence: meetingsSentence(subject, figures.length, year),
    attendanceSentence:
      totals && totals.invited > 0
        ? `Ved ${publicFigures.length === figures.length ? 'møderne' : `de ${meetingCount(publicFigures.length)}, hvis referat er offentliggjort,`} var ${formatNumber(totals.attendees)} af ${formatNumber(totals.invited)} inviterede til stede (${percent(totals.rate)}).`
        : null,
    introduction: report?.introduction ? sanitizeRichText(report.introduction) : null,
    sections: sections.map((s) => ({ heading: s.heading, html: s.body ? sanitizeRichText(s.body) : null })),
    meetings,
    members: chapter.members,
    substitutes: chapter.substitutes,
    changes: changes.map((c) => ({ date: dayDate(c.day), text: c.text })),
    changesSummary: chapter.changesSummary,
    comments: groupComments([...comments].reverse(), committee.name),
    responses: responses.map((r) => {
      const written = r.receivedAt !== null;
      const date = written ? formatDate(r.receivedAt as Date) : r.meetingStartsAt ? formatDate(r.meetingStartsAt) : '';
      return {
        heading: `Høringssvar ${date}: ${r.consultationTitle}`,
        href: `/hoeringer/${r.consultationSlug}`,
        html: sanitizeRichText((written ? r.text : r.itemDecision) ?? ''),
      };
    }),
    decisions: decisionGroups,
    published: Boolean(report?.publishedAt),
    publishedDate: report?.publishedAt ? formatDate(report.publishedAt) : null,
    href,
    pdfHref: `${href}/aarsberetning.pdf`,
    source: { committee, year, report },
  };
}
