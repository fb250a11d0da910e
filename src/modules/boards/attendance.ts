import type { Db } from '../../db/knex';
import { HELD, MEETING_DAY, constitutionsOf, membershipsOf, type MembershipRow, type Reader, type Role } from './repository';

/**
 * Attendance figures per meeting, person, committee and year, from what the
 * secretariat recorded: members present or absent (`attendance`, where a member
 * without a record counts as present, as in the minutes), substitutes sitting in an
 * absent member's seat (`attendance` 'substitute'), and substitutes attending beside
 * their member without a vote (`substitute_presence`, boards that invite them).
 */

export type PersonStatus = 'present' | 'absent' | 'in_seat' | 'beside' | 'not_recorded';

export interface PersonAttendance {
  personId: number;
  name: string;
  party: string | null;
  role: Role;
  status: PersonStatus;
  reason: string | null;
  /** For a substitute: the member they are the substitute of, or whose seat they took */
  forName: string | null;
}

export interface MeetingFigures {
  meetingId: number;
  slug: string;
  startsAt: Date;
  day: string;
  year: number;
  minutesPublic: boolean;
  /** Everyone expected: the members, and the substitutes when they are invited to every meeting */
  invited: number;
  attendees: number;
  members: number;
  membersPresent: number;
  membersAbsent: number;
  substitutesInSeat: number;
  substitutesBeside: number;
  substitutesInvited: boolean;
  people: PersonAttendance[];
}

export interface PersonFigures {
  personId: number;
  name: string;
  /** The role the person last held in the period */
  role: Role;
  invited: number;
  present: number;
  absent: number;
  inSeat: number;
  beside: number;
  notRecorded: number;
}

export interface YearFigures {
  year: number;
  meetings: number;
  invited: number;
  attendees: number;
  /** Whole percent of attendees among those invited; null without any */
  rate: number | null;
}

interface HeldMeeting {
  id: number;
  slug: string;
  startsAt: Date;
  day: string;
  year: number;
  status: string;
}

/** The committee's meetings that took place (not cancelled), oldest first; with publicOnly those whose minutes are public. */
async function heldMeetings(db: Reader, committeeId: number, options: { year?: number; publicOnly: boolean }): Promise<HeldMeeting[]> {
  const q = db('meetings as m')
    .where('m.committee_id', committeeId)
    .where('m.cancelled', false)
    .whereIn('m.status', options.publicOnly ? ['minutes_published'] : [...HELD])
    .orderBy('m.starts_at')
    .select(
      'm.id as id',
      'm.slug as slug',
      'm.starts_at as startsAt',
      'm.status as status',
      db.raw(`to_char(${MEETING_DAY}, 'YYYY-MM-DD') AS day`),
      db.raw(`extract(year FROM ${MEETING_DAY})::int AS year`),
    );
  if (options.year !== undefined) q.whereRaw(`extract(year FROM ${MEETING_DAY}) = ?`, [options.year]);
  return (await q) as HeldMeeting[];
}

const onDay = (m: MembershipRow, day: string) => m.validFrom <= day && (m.validTo === null || m.validTo >= day);

/** The figures of each meeting that took place: all of them for the secretariat, those with public minutes for citizens. */
export async function meetingFigures(db: Db, committeeId: number, options: { year?: number; publicOnly: boolean }): Promise<MeetingFigures[]> {
  const meetings = await heldMeetings(db, committeeId, options);
  if (meetings.length === 0) return [];
  const ids = meetings.map((m) => m.id);
  const [memberships, attendance, presence, constitutions] = await Promise.all([
    membershipsOf(db, committeeId),
    db('attendance').whereIn('meeting_id', ids).select('meeting_id as meetingId', 'person_id as personId', 'status', 'reason', 'substitute_for_person_id as forId') as Promise<
      Array<{ meetingId: number; personId: number; status: 'present' | 'absent' | 'substitute'; reason: string | null; forId: number | null }>
    >,
    db('substitute_presence').whereIn('meeting_id', ids).select('meeting_id as meetingId', 'person_id as personId', 'status', 'reason') as Promise<
      Array<{ meetingId: number; personId: number; status: 'present' | 'absent'; reason: string | null }>
    >,
    constitutionsOf(db, committeeId),
  ]);
  const names = new Map<number, string>(memberships.map((m) => [m.personId, m.name]));
  const outsiders = attendance.filter((a) => !names.has(a.personId)).map((a) => a.personId);
  if (outsiders.length > 0) for (const p of (await db('people').whereIn('id', outsiders).select('id', 'name')) as Array<{ id: number; name: string }>) names.set(p.id, p.name);

  return meetings.map((meeting) => {
    const day = meeting.day;
    const seats = memberships.filter((m) => onDay(m, day));
    const rows = attendance.filter((a) => a.meetingId === meeting.id);
    const presenceRows = presence.filter((p) => p.meetingId === meeting.id);
    const inForce = [...constitutions].reverse().find((k) => k.day <= day);
    const substitutesInvited = inForce?.substitutesAttendAll ?? false;
    const people: PersonAttendance[] = [];
    const seen = new Set<number>();

    for (const seat of seats.filter((s) => s.role !== 'substitute')) {
      if (seen.has(seat.personId)) continue;
      seen.add(seat.personId);
      const row = rows.find((r) => r.personId === seat.personId);
      const absent = row?.status === 'absent';
      people.push({ personId: seat.personId, name: seat.name, party: seat.party, role: seat.role, status: absent ? 'absent' : 'present', reason: absent ? (row?.reason ?? null) : null, forName: null });
    }
    const memberCount = people.length;
    // Personal substitutes of the term (not the one-day seats of someone who stood in once), then anyone else in a seat.
    let substituteCount = 0;
    for (const seat of seats.filter((s) => s.role === 'substitute')) {
      if (seen.has(seat.personId)) continue;
      const row = rows.find((r) => r.personId === seat.personId && r.status === 'substitute');
      const oneDay = seat.validFrom === seat.validTo;
      if (oneDay && !row) continue;
      seen.add(seat.personId);
      if (!oneDay) substituteCount++;
      const mark = presenceRows.find((p) => p.personId === seat.personId);
      const status: PersonStatus = row ? 'in_seat' : mark?.status === 'present' ? 'beside' : mark?.status === 'absent' ? 'absent' : 'not_recorded';
      const forName = row?.forId ? (names.get(row.forId) ?? null) : seat.substituteForName;
      people.push({ personId: seat.personId, name: seat.name, party: seat.party, role: 'substitute', status, reason: status === 'absent' ? (mark?.reason ?? null) : null, forName });
    }
    for (const row of rows.filter((r) => r.status === 'substitute' && !seen.has(r.personId))) {
      seen.add(row.personId);
      people.push({ personId: row.personId, name: names.get(row.personId) ?? '', party: null, role: 'substitute', status: 'in_seat', reason: null, forName: row.forId ? (names.get(row.forId) ?? null) : null });
    }

    const count = (status: PersonStatus, role?: 'member' | 'substitute') =>
      people.filter((p) => p.status === status && (role === undefined || (role === 'substitute') === (p.role === 'substitute'))).length;
    const membersPresent = count('present', 'member');
    const substitutesInSeat = count('in_seat');
    const substitutesBeside = count('beside');
    return {
      meetingId: meeting.id,
      slug: meeting.slug,
      startsAt: meeting.startsAt,
      day,
      year: meeting.year,
      minutesPublic: meeting.status === 'minutes_published',
      invited: memberCount + (substitutesInvited ? substituteCount : substitutesBeside),
      attendees: membersPresent + substitutesInSeat + substitutesBeside,
      members: memberCount,
      membersPresent,
      membersAbsent: count('absent', 'member'),
      substitutesInSeat,
      substitutesBeside,
      substitutesInvited,
      people,
    };
  });
}

/** Per person over the meetings: how often invited, present, absent, in a seat, beside. Members first, then by name. */
export function personFigures(meetings: MeetingFigures[]): PersonFigures[] {
  const byPerson = new Map<number, PersonFigures>();
  for (const meeting of meetings) {
    for (const p of meeting.people) {
      // A substitute who was neither invited nor recorded was not expected at the meeting.
      if (p.status === 'not_recorded' && !meeting.substitutesInvited) continue;
      let f = byPerson.get(p.personId);
      if (!f) {
        f = { personId: p.personId, name: p.name, role: p.role, invited: 0, present: 0, absent: 0, inSeat: 0, beside: 0, notRecorded: 0 };
        byPerson.set(p.personId, f);
      }
      f.role = p.role;
      f.invited++;
      if (p.status === 'present') f.present++;
      else if (p.status === 'absent') f.absent++;
      else if (p.status === 'in_seat') f.inSeat++;
      else if (p.status === 'beside') f.beside++;
      else f.notRecorded++;
    }
  }
  const rank: Record<Role, number> = { chair: 0, vice_chair: 1, member: 2, substitute: 3 };
  return [...byPerson.values()].sort((a, b) => rank[a.role] - rank[b.role] || a.name.localeCompare(b.name, 'da'));
}

/** Per year: meetings held, attendees among those invited. Newest year first. */
export function yearFigures(meetings: MeetingFigures[]): YearFigures[] {
  const years = new Map<number, YearFigures>();
  for (const m of meetings) {
    let y = years.get(m.year);
    if (!y) {
      y = { year: m.year, meetings: 0, invited: 0, attendees: 0, rate: null };
      years.set(m.year, y);
    }
    y.meetings++;
    y.invited += m.invited;
    y.attendees += m.attendees;
  }
  return [...years.values()]
    .map((y) => ({ ...y, rate: y.invited > 0 ? Math.round((100 * y.attendees) / y.invited) : null }))
    .sort((a, b) => b.year - a.year);
}

/** The secretariat's overview: every given committee's figures for one year. */
export async function committeesYear(db: Db, committees: Array<{ id: number; name: string }>, year: number): Promise<Array<{ id: number; name: string; figures: YearFigures | null }>> {
  const out: Array<{ id: number; name: string; figures: YearFigures | null }> = [];
  for (const c of committees) {
    const figures = yearFigures(await meetingFigures(db, c.id, { year, publicOnly: false }))[0] ?? null;
    out.push({ id: c.id, name: c.name, figures });
  }
  return out;
}
