import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { slugify } from '../../lib/slug';
import { NotFoundError } from '../../web/errors';
import { audit } from '../audit/audit';
import type { Actor } from '../items/service';
import { isAgendaPublic, MEETING_STATUSES } from '../meetings/meeting-status';
import { meetingSlug } from '../meetings/slug';
import type { CommitteeFactsInput, MembershipInput, MembershipRole, NewCommitteeInput, NewMembershipInput } from './admin-schema';
import { InvalidFieldError, isUniqueViolation } from './invalid-field';
import type { CommitteeKind } from './repository';
import { committeeSlug } from './slug';

/** Committees, their facts and their memberships, as the administration edits them. No req/res here. */

export interface BodyRow {
  id: number;
  name: string;
  slug: string;
  isPrimary: boolean;
}

export interface AdminCommittee {
  id: number;
  bodyId: number;
  bodyName: string;
  bodySlug: string;
  bodyIsPrimary: boolean;
  kind: CommitteeKind;
  name: string;
  shortName: string | null;
  slug: string;
  contactEmail: string | null;
}

export interface MembershipRow {
  id: number;
  personId: number;
  personName: string;
  role: MembershipRole;
  party: string | null;
  substituteForPersonId: number | null;
  substituteForName: string | null;
  votingRight: boolean;
  /** yyyy-mm-dd */
  validFrom: string;
  validTo: string | null;
}

type Conn = Db | Knex.Transaction;

const committeeColumns = [
  'c.id as id',
  'c.body_id as bodyId',
  'b.name as bodyName',
  'b.slug as bodySlug',
  'b.is_primary as bodyIsPrimary',
  'c.kind as kind',
  'c.name as name',
  'c.short_name as shortName',
  'c.slug as slug',
  'c.contact_email as contactEmail',
];

/** Every committee of every body, outside parties included: primary body first, then council, committees, boards, parties. */
export async function listAllCommittees(db: Db): Promise<AdminCommittee[]> {
  return db('committees as c')
    .join('bodies as b', 'b.id', 'c.body_id')
    .select(committeeColumns)
    .orderBy([{ column: 'b.is_primary', order: 'desc' }, { column: 'b.name' }])
    .orderByRaw("CASE c.kind WHEN 'council' THEN 0 WHEN 'committee' THEN 1 WHEN 'advisory_board' THEN 2 ELSE 3 END")
    .orderBy('c.name');
}

export async function findAdminCommittee(db: Conn, committeeId: number): Promise<AdminCommittee | undefined> {
  return db('committees as c').join('bodies as b', 'b.id', 'c.body_id').where('c.id', committeeId).first(committeeColumns);
}

export async function listBodies(db: Conn): Promise<BodyRow[]> {
  return db('bodies').select('id', 'name', 'slug', 'is_primary as isPrimary').orderBy([{ column: 'is_primary', order: 'desc' }, { column: 'name' }]);
}

export async function peopleOfBody(db: Conn, bodyId: number): Promise<Array<{ id: number; name: string }>> {
  return db('people').where({ body_id: bodyId }).select('id', 'name').orderBy(['name', 'id']);
}

const membershipColumns = [
  'ms.id as id',
  'ms.person_id as personId',
  'p.name as personName',
  'ms.role as role',
  'ms.party as party',
  'ms.substitute_for_person_id as substituteForPersonId',
  'sp.name as substituteForName',
  'ms.voting_right as votingRight',
  'ms.valid_from as validFrom',
  'ms.valid_to as validTo',
];

function memberships(db: Conn) {
  return db('memberships as ms').join('people as p', 'p.id', 'ms.person_id').leftJoin('people as sp', 'sp.id', 'ms.substitute_for_person_id');
}

export async function membershipsOf(db: Conn, committeeId: number): Promise<MembershipRow[]> {
  return memberships(db)
    .where('ms.committee_id', committeeId)
    .select(membershipColumns)
    .orderByRaw("CASE ms.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'member' THEN 2 ELSE 3 END")
    .orderBy([{ column: 'p.name' }, { column: 'ms.valid_from', order: 'desc' }]);
}

/** The membership, if it belongs to the committee; otherwise 404 (the URL names both). */
export async function findMembership(db: Conn, committeeId: number, membershipId: number): Promise<MembershipRow> {
  const row = (await memberships(db).where({ 'ms.id': membershipId, 'ms.committee_id': committeeId }).first(membershipColumns)) as MembershipRow | undefined;
  if (!row) throw new NotFoundError('Medlemskabet');
  return row;
}

/** Has any of the committee's meetings had its agenda published? Then its URLs are out in the world. */
export async function hasPublishedMeetings(db: Conn, committeeId: number): Promise<boolean> {
  const published = MEETING_STATUSES.filter((s) => isAgendaPublic(s));
  const row = await db('meetings')
    .where({ committee_id: committeeId })
    .andWhere((q) => q.whereIn('status', published).orWhereNotNull('agenda_published_at'))
    .first('id');
  return row !== undefined;
}

// Committees ---------------------------------------------------------------------------------

/** Slugs are handed out one at a time, so two committees created at once cannot race for the same one. */
async function lockSlugs(trx: Knex.Transaction): Promise<void> {
  await trx.raw("SELECT pg_advisory_xact_lock(hashtext('moedebog.committee-slugs'))");
}

/**
 * Ballerup's scheme (committeeSlug): the primary body keeps plain slugs, another body's clashing name gets
 * "-<body slug>". Should the plain slug already belong to another body's committee, the primary body falls
 * back to the same suffix, and a number after that, so creating never fails on a slug.
 */
async function freeCommitteeSlug(trx: Knex.Transaction, name: string, body: BodyRow, exceptId?: number): Promise<string> {
  const taken = new Set((await trx('committees').modify((q) => exceptId !== undefined && q.whereNot({ id: exceptId })).pluck('slug')) as string[]);
  const slug = committeeSlug(name, body, (s) => taken.has(s));
  if (!taken.has(slug)) return slug;
  const base = `${slugify(name)}-${body.slug}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function assertNameFree(trx: Knex.Transaction, bodyId: number, bodyName: string, name: string, exceptId?: number): Promise<void> {
  const clash = await trx('committees')
    .where({ body_id: bodyId })
    .whereRaw('lower(name) = lower(?)', [name])
    .modify((q) => exceptId !== undefined && q.whereNot({ id: exceptId }))
    .first('id');
  if (clash) throw nameTaken(bodyName);
}

function nameTaken(bodyName: string): InvalidFieldError {
  return new InvalidFieldError('name', 'name_taken', `${bodyName} har allerede et udvalg med det navn. Skriv et andet navn`);
}

function factsRow(input: CommitteeFactsInput) {
  return {
    name: input.name,
    short_name: input.shortName || null,
    kind: input.kind,
    contact_email: input.contactEmail || null,
  };
}

/** Runs a write; a unique violation on the committee's name (a concurrent create or rename) becomes the form's 422. */
async function guardName<T>(bodyName: () => string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'committees_body_id_name_unique')) throw nameTaken(bodyName());
    throw error;
  }
}

export async function createCommittee(db: Db, input: NewCommitteeInput, actor: Actor): Promise<{ id: number; slug: string }> {
  let bodyName = '';
  return guardName(
    () => bodyName,
    () =>
      db.transaction(async (trx) => {
        const body = (await listBodies(trx)).find((b) => b.id === input.bodyId);
        if (!body) throw new InvalidFieldError('bodyId', 'unknown_body', 'Vælg kommunen fra listen');
        bodyName = body.name;
        await lockSlugs(trx);
        await assertNameFree(trx, body.id, body.name, input.name);
        const slug = await freeCommitteeSlug(trx, input.name, body);
        const row = { body_id: body.id, ...factsRow(input), slug };
        const [inserted] = await trx('committees').insert(row).returning('id');
        const id = (inserted as { id: number }).id;
        await audit(trx, { userId: actor.userId, action: 'committee.create', entity: 'committee', entityId: id, after: row });
        return { id, slug };
      }),
  );
}

/**
 * Saves a committee's facts. Renaming moves its slug (and its meetings' slugs) to the new name only while
 * none of its agendas is published: published addresses never change.
 */
export async function updateCommittee(db: Db, committeeId: number, input: CommitteeFactsInput, actor: Actor): Promise<{ slug: string; slugKept: boolean }> {
  let bodyName = '';
  return guardName(
    () => bodyName,
    () =>
      db.transaction(async (trx) => {
        await lockSlugs(trx);
        const current = (await trx('committees').where({ id: committeeId }).forUpdate().first()) as
          | { id: number; body_id: number; name: string; short_name: string | null; kind: string; slug: string; contact_email: string | null }
          | undefined;
        if (!current) throw new NotFoundError('Udvalget');
        const body = (await listBodies(trx)).find((b) => b.id === current.body_id) as BodyRow;
        bodyName = body.name;
        await assertNameFree(trx, body.id, body.name, input.name, committeeId);
        const renamed = slugify(input.name) !== slugify(current.name);
        const published = await hasPublishedMeetings(trx, committeeId);
        const slug = renamed && !published ? await freeCommitteeSlug(trx, input.name, body, committeeId) : current.slug;
        const row = { ...factsRow(input), slug };
        await trx('committees').where({ id: committeeId }).update({ ...row, updated_at: trx.fn.now() });
        const meetingSlugs = slug !== current.slug ? await renameMeetingSlugs(trx, committeeId, slug) : [];
        await audit(trx, {
          userId: actor.userId,
          action: 'committee.update',
          entity: 'committee',
          entityId: committeeId,
          before: { name: current.name, short_name: current.short_name, kind: current.kind, contact_email: current.contact_email, slug: current.slug },
          after: { ...row, meetingSlugs },
        });
        return { slug, slugKept: renamed && published };
      }),
  );
}

/** The committee's (unpublished) meetings follow its new slug, as a meeting planned today would. */
async function renameMeetingSlugs(trx: Knex.Transaction, committeeId: number, slug: string): Promise<Array<{ id: number; slug: string }>> {
  const meetings = (await trx('meetings').where({ committee_id: committeeId }).orderBy(['starts_at', 'id']).select('id', 'starts_at as startsAt')) as Array<{ id: number; startsAt: Date }>;
  // Clear the old slugs first, so a new slug can never collide with an old one of the same committee.
  for (const m of meetings) await trx('meetings').where({ id: m.id }).update({ slug: `omdoebes-${m.id}` });
  const renamed: Array<{ id: number; slug: string }> = [];
  for (const m of meetings) {
    const plain = meetingSlug(slug, m.startsAt, false);
    const clash = await trx('meetings').where({ slug: plain }).first('id');
    const next = clash ? meetingSlug(slug, m.startsAt, true) : plain;
    await trx('meetings').where({ id: m.id }).update({ slug: next });
    renamed.push({ id: m.id, slug: next });
  }
  return renamed;
}

// Memberships --------------------------------------------------------------------------------

interface SeatRow {
  role: MembershipRole;
  party: string | null;
  substitute_for_person_id: number | null;
  voting_right: boolean;
  valid_from: string;
  valid_to: string | null;
}

async function lockCommittee(trx: Knex.Transaction, committeeId: number): Promise<{ id: number; body_id: number }> {
  const committee = (await trx('committees').where({ id: committeeId }).forUpdate().first('id', 'body_id')) as { id: number; body_id: number } | undefined;
  if (!committee) throw new NotFoundError('Udvalget');
  return committee;
}

/** Checks the seat against the committee and turns the form's fields into columns. */
async function seatRow(trx: Knex.Transaction, committeeId: number, personId: number | null, input: MembershipInput): Promise<SeatRow> {
  let substituteFor: number | null = null;
  if (input.role === 'substitute') {
    substituteFor = input.substituteForPersonId;
    const member = await trx('memberships')
      .where({ committee_id: committeeId, person_id: substituteFor })
      .whereNot({ role: 'substitute' })
      .first('id');
    if (!member || substituteFor === personId) {
      throw new InvalidFieldError('substituteForPersonId', 'not_a_member', 'Vælg et af udvalgets medlemmer fra listen');
    }
  }
  return {
    role: input.role,
    party: input.party || null,
    substitute_for_person_id: substituteFor,
    // Members always vote; a substitute votes only when the form says so.
    voting_right: input.role === 'substitute' ? input.votingRight : true,
    valid_from: input.validFrom,
    valid_to: input.validTo,
  };
}

/** A person holds one seat in a committee at a time. */
async function assertNoOverlap(trx: Knex.Transaction, committeeId: number, personId: number, from: string, to: string | null, exceptId?: number): Promise<void> {
  const clash = (await trx('memberships')
    .where({ committee_id: committeeId, person_id: personId })
    .modify((q) => exceptId !== undefined && q.whereNot({ id: exceptId }))
    .andWhere((q) => q.whereNull('valid_to').orWhere('valid_to', '>=', from))
    .modify((q) => to !== null && q.where('valid_from', '<=', to))
    .first('valid_from', 'valid_to')) as { valid_from: string; valid_to: string | null } | undefined;
  if (clash) {
    const period = clash.valid_to ? `fra ${clash.valid_from} til ${clash.valid_to}` : `fra ${clash.valid_from}`;
    throw new InvalidFieldError('validFrom', 'overlap', `Personen har allerede en plads i udvalget i perioden (${period}). Afslut den først, eller vælg andre datoer`);
  }
}

export async function addMembership(db: Db, committeeId: number, input: NewMembershipInput, actor: Actor): Promise<number> {
  return db.transaction(async (trx) => {
    const committee = await lockCommittee(trx, committeeId);
    let personId: number;
    let personName: string;
    let newPerson = false;
    if (input.personId !== null) {
      const person = (await trx('people').where({ id: input.personId, body_id: committee.body_id }).first('id', 'name')) as { id: number; name: string } | undefined;
      if (!person) throw new InvalidFieldError('personId', 'unknown_person', 'Vælg en person fra listen');
      personId = person.id;
      personName = person.name;
    } else {
      const [row] = await trx('people').insert({ body_id: committee.body_id, name: input.newPersonName }).returning('id');
      personId = (row as { id: number }).id;
      personName = input.newPersonName;
      newPerson = true;
    }
    const seat = await seatRow(trx, committeeId, personId, input);
    await assertNoOverlap(trx, committeeId, personId, seat.valid_from, seat.valid_to);
    const row = { committee_id: committeeId, person_id: personId, ...seat };
    const [inserted] = await trx('memberships').insert(row).returning('id');
    const id = (inserted as { id: number }).id;
    await audit(trx, { userId: actor.userId, action: 'membership.create', entity: 'membership', entityId: id, after: { ...row, personName, newPerson } });
    return id;
  });
}

async function lockMembership(trx: Knex.Transaction, committeeId: number, membershipId: number): Promise<SeatRow & { id: number; person_id: number }> {
  const row = (await trx('memberships').where({ id: membershipId, committee_id: committeeId }).forUpdate().first()) as (SeatRow & { id: number; person_id: number }) | undefined;
  if (!row) throw new NotFoundError('Medlemskabet');
  return row;
}

const seatOf = (r: SeatRow): SeatRow => ({
  role: r.role,
  party: r.party,
  substitute_for_person_id: r.substitute_for_person_id,
  voting_right: r.voting_right,
  valid_from: r.valid_from,
  valid_to: r.valid_to,
});

export async function updateMembership(db: Db, committeeId: number, membershipId: number, input: MembershipInput, actor: Actor): Promise<void> {
  await db.transaction(async (trx) => {
    await lockCommittee(trx, committeeId);
    const current = await lockMembership(trx, committeeId, membershipId);
    const seat = await seatRow(trx, committeeId, current.person_id, input);
    await assertNoOverlap(trx, committeeId, current.person_id, seat.valid_from, seat.valid_to, membershipId);
    await trx('memberships').where({ id: membershipId }).update({ ...seat, updated_at: trx.fn.now() });
    await audit(trx, { userId: actor.userId, action: 'membership.update', entity: 'membership', entityId: membershipId, before: seatOf(current), after: seat });
  });
}

/** Ends a seat on a date (the last day it holds). */
export async function endMembership(db: Db, committeeId: number, membershipId: number, validTo: string, actor: Actor): Promise<void> {
  await db.transaction(async (trx) => {
    const current = await lockMembership(trx, committeeId, membershipId);
    if (validTo < current.valid_from) {
      throw new InvalidFieldError('validTo', 'before_start', `Slutdatoen skal ligge på eller efter startdatoen (${current.valid_from})`);
    }
    await trx('memberships').where({ id: membershipId }).update({ valid_to: validTo, updated_at: trx.fn.now() });
    await audit(trx, { userId: actor.userId, action: 'membership.end', entity: 'membership', entityId: membershipId, before: { valid_to: current.valid_to }, after: { valid_to: validTo } });
  });
}
