import { concurrently, type Db } from '../../db/knex';
import { formatDate, formatTime, yearOf } from '../../i18n/format';
import type { PageCache } from '../../web/page-cache';
import { findCommitteeBySlug, listCommittees, type CommitteeRow } from '../committees/repository';
import { consultationsByItem } from '../consultations/presenter';
import { consultationsOfItems } from '../consultations/repository';
import { caseTreatments, changeNotes, itemDetails, itemsOfMeeting, postponementChain, type Audience, type PostponementRow } from '../items/repository';
import { isAgendaPublic, STATUS_LABELS, type MeetingStatus } from './meeting-status';
import { presentMeeting, meetingHref, type MeetingView } from './presenter';
import {
  findMeetingBySlug,
  latestPublishedMinutes,
  meetingParticipants,
  meetingsOfCommittee,
  partiesOnDay,
  upcomingMeetings,
  type MeetingRow,
} from './repository';

/**
 * A meeting's public view, kept in the page cache while the data is unchanged: one load serves the meeting's page,
 * every item's page and the page of its current minutes (the publisher asks for them one after another).
 */
export function cachedPublicView(cache: PageCache, db: Db, slug: string): Promise<MeetingView | undefined> {
  return cache.remember(`meeting-view:public:${slug}`, () => loadMeetingView(db, slug, 'public'));
}

/** The meeting page, for citizens (closed items reduced to their number) or for the secretariat. Undefined when not visible. */
export async function loadMeetingView(db: Db, slug: string, audience: Audience, only?: { itemNumber: number }): Promise<MeetingView | undefined> {
  const meeting = await findMeetingBySlug(db, slug);
  if (!meeting) return undefined;
  if (audience === 'public' && (!isAgendaPublic(meeting.status) || meeting.committeeKind === 'external_party')) return undefined;
  const [participants, allItems] = await concurrently(db, [() => meetingParticipants(db, meeting.id), () => itemsOfMeeting(db, meeting.id, audience)] as const);
  // An item's own page needs only that item's details (a meeting has ~15 items; 40,000 permalinks are published).
  const items = only ? allItems.filter((i) => i.number === only.itemNumber) : allItems;
  const visibleItems = items.filter((i) => audience === 'internal' || !i.isClosed);
  const details = await itemDetails(
    db,
    visibleItems.map((i) => i.id),
  );
  const notes = await changeNotes(
    db,
    visibleItems.map((i) => i.id),
  );
  const caseIds = [...new Set(visibleItems.map((i) => i.caseId).filter((id): id is number => id !== null))];
  const treatments = await caseTreatments(db, caseIds);
  const postponements = new Map<number, PostponementRow[]>();
  for (const item of visibleItems) {
    if (item.postponedFromItemId) postponements.set(item.postponedFromItemId, await postponementChain(db, item.postponedFromItemId));
  }
  const personIds = [...details.personIds];
  const [parties, people] = await concurrently(db, [
    () => partiesOnDay(db, meeting.id, personIds),
    () => (personIds.length ? db('people').whereIn('id', personIds).select('id', 'name') : Promise.resolve([])),
  ] as const);
  const names = new Map((people as Array<{ id: number; name: string }>).map((p) => [p.id, p.name]));
  // Consultations started from these items (høring): shown with their status, public ones only for the public.
  const consultations = consultationsByItem(await consultationsOfItems(db, visibleItems.map((i) => i.id)), audience, new Date());
  return presentMeeting({ meeting, participants, items, details, parties, names, treatments, postponements, notes, consultations, audience });
}

export interface MeetingListEntry {
  committeeName: string;
  date: string;
  time: string;
  isoStart: string;
  href: string | null;
  statusLabel: string;
  cancelled: boolean;
}

function listEntry(m: MeetingRow): MeetingListEntry {
  const status = m.status as MeetingStatus;
  return {
    committeeName: m.committeeName,
    date: formatDate(m.startsAt),
    time: formatTime(m.startsAt),
    isoStart: m.startsAt.toISOString(),
    href: isAgendaPublic(status) ? meetingHref(m.slug) : null,
    statusLabel: m.cancelled ? 'Aflyst' : STATUS_LABELS[status],
    cancelled: m.cancelled,
  };
}

export async function frontPage(db: Db, now: Date) {
  const [upcoming, latest] = await Promise.all([upcomingMeetings(db, now, 8), latestPublishedMinutes(db, 8)]);
  return { upcoming: upcoming.map(listEntry), latest: latest.map(listEntry) };
}

export interface CommitteeGroup {
  bodyName: string;
  kinds: Array<{ label: string; committees: Array<{ name: string; href: string; shortName: string | null }> }>;
}

const KIND_LABELS: Record<string, string> = { council: 'Kommunalbestyrelse og byråd', committee: 'Udvalg', advisory_board: 'Råd og nævn' };

export async function committeeOverview(db: Db): Promise<{ groups: CommitteeGroup[]; severalBodies: boolean }> {
  const committees = await listCommittees(db);
  const groups: CommitteeGroup[] = [];
  for (const c of committees) {
    let group = groups.find((g) => g.bodyName === c.bodyName);
    if (!group) {
      group = { bodyName: c.bodyName, kinds: [] };
      groups.push(group);
    }
    const label = KIND_LABELS[c.kind] ?? c.kind;
    let kind = group.kinds.find((k) => k.label === label);
    if (!kind) {
      kind = { label, committees: [] };
      group.kinds.push(kind);
    }
    kind.committees.push({ name: c.name, href: `/udvalg/${c.slug}`, shortName: c.shortName });
  }
  return { groups, severalBodies: groups.length > 1 };
}

export async function committeePage(db: Db, slug: string): Promise<{ committee: CommitteeRow; years: Array<{ year: string; meetings: MeetingListEntry[] }> } | undefined> {
  const committee = await findCommitteeBySlug(db, slug);
  if (!committee) return undefined;
  const meetings = await meetingsOfCommittee(db, committee.id);
  const years: Array<{ year: string; meetings: MeetingListEntry[] }> = [];
  for (const m of meetings) {
    const year = String(yearOf(m.startsAt));
    let entry = years.find((y) => y.year === year);
    if (!entry) {
      entry = { year, meetings: [] };
      years.push(entry);
    }
    entry.meetings.push(listEntry(m));
  }
  return { committee, years };
}
