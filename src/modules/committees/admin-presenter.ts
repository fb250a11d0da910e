import { formatDate, formatTime, fromCopenhagenLocal } from '../../i18n/format';
import { committeeKindLabels } from '../../i18n/texts';
import { STATUS_LABELS, type MeetingStatus } from '../meetings/meeting-status';
import type { MeetingRow } from '../meetings/repository';
import { COMMITTEE_KINDS, MEMBERSHIP_ROLES, type MembershipRole } from './admin-schema';
import type { AdminCommittee, MembershipRow } from './admin-service';

/** Rows → view models for the committee administration pages. */

export const MEMBERSHIP_ROLE_LABELS: Record<MembershipRole, string> = {
  chair: 'Formand',
  vice_chair: 'Næstformand',
  member: 'Medlem',
  substitute: 'Suppleant',
};

export const kindOptions = COMMITTEE_KINDS.map((k) => ({ value: k, text: committeeKindLabels[k] }));
export const roleOptions = MEMBERSHIP_ROLES.map((r) => ({ value: r, text: MEMBERSHIP_ROLE_LABELS[r] }));

/** "2022-01-01" → "1. januar 2022" */
export function formatDay(iso: string): string {
  return formatDate(fromCopenhagenLocal(`${iso}T12:00`));
}

export interface CommitteeListGroup {
  bodyName: string;
  kinds: Array<{ label: string; committees: Array<{ name: string; shortName: string | null; href: string | null }> }>;
}

/** Grouped by body, then kind; a link only where the user may edit. */
export function groupCommittees(committees: AdminCommittee[], canEdit: (committeeId: number) => boolean): CommitteeListGroup[] {
  const groups: CommitteeListGroup[] = [];
  for (const c of committees) {
    let group = groups.find((g) => g.bodyName === c.bodyName);
    if (!group) {
      group = { bodyName: c.bodyName, kinds: [] };
      groups.push(group);
    }
    const label = committeeKindLabels[c.kind];
    let kind = group.kinds.find((k) => k.label === label);
    if (!kind) {
      kind = { label, committees: [] };
      group.kinds.push(kind);
    }
    kind.committees.push({ name: c.name, shortName: c.shortName, href: canEdit(c.id) ? `/admin/udvalg/${c.id}` : null });
  }
  return groups;
}

export interface MembershipView {
  id: number;
  name: string;
  role: string;
  party: string;
  substituteFor: string;
  votingRight: string;
  from: string;
  to: string;
  editHref: string;
  endAction: string;
  endValue: string;
  endError?: string;
}

/** Current (and coming) seats first, by role and name; then former seats, most recently ended first. */
export function splitMemberships(rows: MembershipRow[], committeeId: number, today: string): { current: MembershipView[]; former: MembershipView[] } {
  const view = (m: MembershipRow): MembershipView => ({
    id: m.id,
    name: m.personName,
    role: MEMBERSHIP_ROLE_LABELS[m.role],
    party: m.party ?? '',
    substituteFor: m.substituteForName ?? '',
    votingRight: m.votingRight ? 'Ja' : 'Nej',
    from: formatDay(m.validFrom),
    to: m.validTo ? formatDay(m.validTo) : '',
    editHref: `/admin/udvalg/${committeeId}/medlemskaber/${m.id}`,
    endAction: `/admin/udvalg/${committeeId}/medlemskaber/${m.id}`,
    endValue: m.validTo ?? today,
  });
  const current = rows.filter((m) => m.validTo === null || m.validTo >= today);
  const former = rows.filter((m) => m.validTo !== null && m.validTo < today).sort((a, b) => (b.validTo ?? '').localeCompare(a.validTo ?? ''));
  return { current: current.map(view), former: former.map(view) };
}

/** Members who are not substitutes, for "stedfortræder for": current ones, plus the one already chosen. */
export function substituteTargets(rows: MembershipRow[], today: string, chosen?: number | null): Array<{ value: number; text: string }> {
  const seen = new Set<number>();
  const out: Array<{ value: number; text: string }> = [];
  for (const m of rows) {
    if (m.role === 'substitute' || seen.has(m.personId)) continue;
    if (!(m.validTo === null || m.validTo >= today) && m.personId !== chosen) continue;
    seen.add(m.personId);
    out.push({ value: m.personId, text: m.party ? `${m.personName} (${m.party})` : m.personName });
  }
  return out.sort((a, b) => a.text.localeCompare(b.text, 'da'));
}

export function meetingViews(meetings: MeetingRow[]): Array<{ href: string; date: string; time: string; status: string }> {
  return meetings.map((m) => ({
    href: `/admin/moeder/${m.id}`,
    date: formatDate(m.startsAt),
    time: formatTime(m.startsAt),
    status: m.cancelled ? 'Aflyst' : STATUS_LABELS[m.status as MeetingStatus],
  }));
}

export function committeeFactsValues(c: AdminCommittee): Record<string, string> {
  return { name: c.name, shortName: c.shortName ?? '', kind: c.kind, contactEmail: c.contactEmail ?? '' };
}
