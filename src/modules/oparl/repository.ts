import { manyRows, type Db } from '../../db/knex';
import { isAgendaPublic, MEETING_STATUSES, type MeetingStatus } from '../meetings/meeting-status';
import { offsetOf, type ListQuery } from './list-query';
import { termStartSql } from './terms';

/**
 * The public data of the OParl API, read in a fixed number of queries per request
 * whatever the size of a list. What is public is decided here, in SQL:
 * - meetings whose agenda is published, of committees that are not outside parties;
 * - their items, where a closed item yields its number and position only (its
 *   title, case and decision are replaced by NULL inside the query);
 * - decisions, votes and attendance only once the minutes are published.
 *
 * `created` is when a row was made; `modified` is the latest moment its public
 * form can have changed. The schema keeps no updated_at for some changes (a
 * meeting cancelled, held, its minutes released), so a meeting's time also takes
 * its publication times and its audit-log entries.
 */

const PUBLIC_STATUSES_SQL = MEETING_STATUSES.filter(isAgendaPublic)
  .map((s) => `'${s}'`)
  .join(', ');

/** A committee (council, committee, advisory board) whose data is public: never an outside party. */
const PUBLIC_COMMITTEE = `c.kind <> 'external_party'`;

const MEMBERSHIP_TIME = 'GREATEST(ms.created_at, ms.updated_at)';

/** The CTEs every query may use; Postgres inlines them (NOT MATERIALIZED), so filters on ids reach the tables. */
const WITH_PUBLIC = `WITH
  public_meetings AS NOT MATERIALIZED (
    SELECT m.id, m.committee_id, c.body_id, m.slug, m.starts_at, m.ends_at, m.location, m.status, m.cancelled,
           m.created_at, m.agenda_published_at,
           (m.status = 'minutes_published') AS minutes_public,
           mv.first_published_at, mv.last_published_at, mv.last_reopened_at,
           GREATEST(m.created_at, m.updated_at, m.agenda_published_at, m.released_for_approval_at,
                    mv.last_published_at, mv.last_reopened_at, au.at) AS changed_at
      FROM meetings m
      JOIN committees c ON c.id = m.committee_id AND ${PUBLIC_COMMITTEE}
      LEFT JOIN LATERAL (SELECT min(v.published_at) AS first_published_at, max(v.published_at) AS last_published_at,
                                max(v.reopened_at) AS last_reopened_at
                           FROM minutes_versions v WHERE v.meeting_id = m.id) mv ON true
      LEFT JOIN LATERAL (SELECT max(a.at) AS at FROM audit_log a WHERE a.entity = 'meeting' AND a.entity_id = m.id) au ON true
     WHERE m.status IN (${PUBLIC_STATUSES_SQL})
  ),
  public_items AS NOT MATERIALIZED (
    SELECT i.id, i.meeting_id, pm.body_id, i.is_closed,
           CASE WHEN i.is_closed THEN NULL ELSE i.case_id END AS case_id,
           i.created_at,
           CASE WHEN i.is_closed THEN GREATEST(i.created_at, pm.agenda_published_at)
                ELSE GREATEST(i.created_at, i.updated_at, pm.agenda_published_at, pm.last_published_at, pm.last_reopened_at) END AS modified_at
      FROM agenda_items i JOIN public_meetings pm ON pm.id = i.meeting_id
  ),
  meeting_index AS NOT MATERIALIZED (
    SELECT pm.*, GREATEST(pm.changed_at, im.items_at) AS modified
      FROM public_meetings pm
      LEFT JOIN LATERAL (SELECT max(CASE WHEN i.is_closed THEN i.created_at ELSE GREATEST(i.created_at, i.updated_at) END) AS items_at
                           FROM agenda_items i WHERE i.meeting_id = pm.id) im ON true
  )`;

const LOCATION_KEY = `md5(CAST(mi.body_id AS text) || '|' || mi.location)`;

/** Each list's rows: the id it is ordered by, its scope columns, created and modified. */
const INDEX = {
  body: `SELECT b.id, b.created_at AS created, GREATEST(b.created_at, b.updated_at, bt.modified) AS modified
           FROM bodies b
           LEFT JOIN (SELECT c.body_id, max(${MEMBERSHIP_TIME}) AS modified FROM memberships ms
                        JOIN committees c ON c.id = ms.committee_id AND ${PUBLIC_COMMITTEE} GROUP BY c.body_id) bt ON bt.body_id = b.id`,
  organization: `SELECT c.id, c.body_id AS "bodyId", c.created_at AS created, GREATEST(c.created_at, c.updated_at) AS modified
                   FROM committees c WHERE ${PUBLIC_COMMITTEE}`,
  person: `SELECT p.id, p.body_id AS "bodyId", p.created_at AS created, GREATEST(p.created_at, p.updated_at, pms.modified) AS modified
             FROM people p
             JOIN (SELECT ms.person_id, max(${MEMBERSHIP_TIME}) AS modified FROM memberships ms
                     JOIN committees c ON c.id = ms.committee_id AND ${PUBLIC_COMMITTEE} GROUP BY ms.person_id) pms ON pms.person_id = p.id`,
  membership: `SELECT ms.id, c.body_id AS "bodyId", ms.created_at AS created, ${MEMBERSHIP_TIME} AS modified
                 FROM memberships ms JOIN committees c ON c.id = ms.committee_id AND ${PUBLIC_COMMITTEE}`,
  meeting: `SELECT mi.id, mi.body_id AS "bodyId", mi.committee_id AS "organizationId", mi.created_at AS created, mi.modified FROM meeting_index mi`,
  agendaItem: `SELECT pi.id, pi.body_id AS "bodyId", pi.meeting_id AS "meetingId", pi.created_at AS created, pi.modified_at AS modified FROM public_items pi`,
  consultation: `SELECT pi.id, pi.body_id AS "bodyId", pi.meeting_id AS "meetingId", pi.created_at AS created, pi.modified_at AS modified FROM public_items pi WHERE pi.case_id IS NOT NULL`,
  paper: `SELECT cs.id, cs.body_id AS "bodyId", cs.created_at AS created, GREATEST(cs.created_at, cs.updated_at, max(pi.modified_at)) AS modified
            FROM cases cs JOIN public_items pi ON pi.case_id = cs.id GROUP BY cs.id`,
  location: `SELECT ${LOCATION_KEY} AS key, mi.body_id AS "bodyId", min(mi.created_at) AS created, max(mi.modified) AS modified
               FROM meeting_index mi WHERE mi.location IS NOT NULL AND btrim(mi.location) <> '' GROUP BY mi.body_id, mi.location`,
} as const;

/** Attachments a citizen may download (a tombstone when the secretariat has made one non-public), and the meeting PDFs. */
function fileIndex(withPdfs: boolean): string {
  const attachments = `SELECT 0 AS grp, a.id AS num, '' AS variant, pm.body_id AS "bodyId", pm.id AS "meetingId", a.created_at AS created,
            GREATEST(a.created_at, a.updated_at, pm.agenda_published_at) AS modified
       FROM attachments a
       JOIN agenda_items i ON i.id = a.item_id AND NOT i.is_closed
       JOIN public_meetings pm ON pm.id = i.meeting_id
      WHERE (a.is_public AND a.storage_key IS NOT NULL) OR NOT a.is_public`;
  if (!withPdfs) return attachments;
  return `${attachments}
     UNION ALL
     SELECT 1, mi.id, v.variant, mi.body_id, mi.id,
            CASE WHEN v.variant = 'referat' THEN COALESCE(mi.first_published_at, mi.created_at) ELSE COALESCE(mi.agenda_published_at, mi.created_at) END,
            mi.modified
       FROM meeting_index mi CROSS JOIN (VALUES ('dagsorden'), ('referat'), ('samlet')) AS v(variant)
      WHERE v.variant <> 'referat' OR mi.minutes_public OR mi.first_published_at IS NOT NULL`;
}

/** The terms (see terms.ts) that any membership of a public committee falls in, per body. */
const TERM_INDEX = `SELECT c.body_id AS "bodyId", gs.start_year AS "startYear", min(ms.created_at) AS created, max(${MEMBERSHIP_TIME}) AS modified
    FROM memberships ms
    JOIN committees c ON c.id = ms.committee_id AND ${PUBLIC_COMMITTEE}
    CROSS JOIN LATERAL (SELECT COALESCE(ms.valid_to, GREATEST(ms.valid_from, CAST(? AS date))) AS until) u
    CROSS JOIN LATERAL generate_series(${termStartSql('ms.valid_from')}, ${termStartSql('u.until')}, 4) AS gs(start_year)
   GROUP BY c.body_id, gs.start_year`;

export type ListKind = keyof typeof INDEX | 'file' | 'legislativeTerm';

export interface Scope {
  column: 'bodyId' | 'organizationId';
  id: number;
}

export interface Stamp {
  created: Date;
  modified: Date;
}

async function rows<T>(db: Db, sql: string, bindings: readonly unknown[]): Promise<T[]> {
  const result = await db.raw<{ rows: T[] }>(sql, bindings as unknown[]);
  return result.rows;
}

export interface IndexRow extends Stamp {
  id?: number;
  key?: string;
  grp?: number;
  num?: number;
  variant?: string;
  bodyId?: number;
  /** Meetings: the committee */
  organizationId?: number;
  /** Agenda items, consultations and files: their meeting (whose stamp is theirs) */
  meetingId?: number;
  startYear?: number;
}

const ORDER: Record<ListKind, string> = {
  body: 's.id',
  organization: 's.id',
  person: 's.id',
  membership: 's.id',
  meeting: 's.id',
  agendaItem: 's.id',
  consultation: 's.id',
  paper: 's.id',
  location: 's.key',
  file: 's.grp, s.num, s.variant',
  legislativeTerm: 's."bodyId", s."startYear"',
};

/**
 * One page of a list, in a stable order (by id), with the OParl filters applied to
 * created and modified to the second, as they are shown. Returns the page's keys and the total.
 */
export async function listPage(
  db: Db,
  kind: ListKind,
  scope: Scope | undefined,
  query: ListQuery,
  options: { withPdfs: boolean; today: string },
): Promise<{ keys: IndexRow[]; total: number }> {
  const source = kind === 'file' ? fileIndex(options.withPdfs) : kind === 'legislativeTerm' ? TERM_INDEX : INDEX[kind];
  const bindings: unknown[] = kind === 'legislativeTerm' ? [options.today] : [];
  const where: string[] = [];
  if (scope) {
    where.push(`s."${scope.column}" = ?`);
    bindings.push(scope.id);
  }
  const filters: Array<[Date | undefined, string]> = [
    [query.createdSince, `date_trunc('second', s.created) >= ?`],
    [query.createdUntil, `date_trunc('second', s.created) <= ?`],
    [query.modifiedSince, `date_trunc('second', s.modified) >= ?`],
    [query.modifiedUntil, `date_trunc('second', s.modified) <= ?`],
  ];
  for (const [value, condition] of filters) {
    if (value) {
      where.push(condition);
      bindings.push(value);
    }
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const found = await rows<IndexRow & { total: number }>(
    db,
    `${WITH_PUBLIC} SELECT s.*, count(*) OVER () AS total FROM (${source}) s ${filter} ORDER BY ${ORDER[kind]} LIMIT ? OFFSET ?`,
    [...bindings, query.limit, offsetOf(query)],
  );
  if (found.length > 0 || query.page === 1) return { keys: found, total: found[0]?.total ?? 0 };
  // Past the last page: the window count has no row to ride on.
  const [count] = await rows<{ total: number }>(db, `${WITH_PUBLIC} SELECT count(*) AS total FROM (${source}) s ${filter}`, bindings);
  return { keys: [], total: count?.total ?? 0 };
}

/**
 * The columns that name an object of each kind (its id, or the parts of its URL), the lists it is on and the
 * meeting whose stamp is its own: each kind's keys (allKeys), in their order.
 */
export const KEY_COLUMNS: Record<ListKind, ReadonlyArray<keyof ObjectKey>> = {
  body: ['id'],
  organization: ['id', 'bodyId'],
  person: ['id', 'bodyId'],
  membership: ['id', 'bodyId'],
  meeting: ['id', 'bodyId', 'organizationId'],
  agendaItem: ['id', 'bodyId', 'meetingId'],
  consultation: ['id', 'bodyId', 'meetingId'],
  paper: ['id', 'bodyId'],
  location: ['key', 'bodyId'],
  legislativeTerm: ['bodyId', 'startYear'],
  file: ['grp', 'num', 'variant', 'bodyId', 'meetingId'],
};

/** An object's key without its times */
export type ObjectKey = Omit<IndexRow, keyof Stamp>;

/**
 * Every object of a kind, by key alone, in list order. Without the created and modified times the planner
 * leaves out the joins that only they need: a third of the time for a large municipality's 41,000 items.
 */
export async function allKeys(db: Db, kind: ListKind, options: { withPdfs: boolean; today: string }, ofMeetings?: number[]): Promise<ObjectKey[]> {
  const source = kind === 'file' ? fileIndex(options.withPdfs) : kind === 'legislativeTerm' ? TERM_INDEX : INDEX[kind];
  const bindings: unknown[] = kind === 'legislativeTerm' ? [options.today] : [];
  const fields = KEY_COLUMNS[kind].map((column) => [column, `s."${column}"`] as const);
  let from = `(${source}) s`;
  if (ofMeetings) {
    if (!MEETING_KINDS.includes(kind)) throw new Error(`${kind} hører ikke til ét møde`);
    from += ` WHERE s.${kind === 'meeting' ? 'id' : '"meetingId"'} = ANY(?)`;
    bindings.push(ofMeetings);
  }
  return manyRows<ObjectKey & Record<string, unknown>>(db, { with: WITH_PUBLIC, fields, from, orderBy: ORDER[kind] }, bindings);
}

/** The kinds whose objects each belong to one meeting (allKeys can read them for some meetings alone) */
export const MEETING_KINDS: readonly ListKind[] = ['meeting', 'agendaItem', 'consultation', 'file'];

// ---------------------------------------------------------------- bodies and terms

export interface BodyRow extends Stamp {
  id: number;
  name: string;
  isPrimary: boolean;
  mainOrganizationId: number | null;
}

export async function bodies(db: Db, ids: number[]): Promise<BodyRow[]> {
  return rows<BodyRow>(
    db,
    `SELECT s.*, b.name, b.is_primary AS "isPrimary",
            (SELECT c.id FROM committees c WHERE c.body_id = b.id AND c.kind = 'council' ORDER BY c.id LIMIT 1) AS "mainOrganizationId"
       FROM (${INDEX.body}) s JOIN bodies b ON b.id = s.id
      WHERE s.id = ANY(?) ORDER BY s.id`,
    [ids],
  );
}

export interface TermRow extends Stamp {
  bodyId: number;
  startYear: number;
}

export async function termsOfBodies(db: Db, bodyIds: number[], today: string): Promise<TermRow[]> {
  return rows<TermRow>(db, `SELECT s.* FROM (${TERM_INDEX}) s WHERE s."bodyId" = ANY(?) ORDER BY s."bodyId", s."startYear"`, [today, bodyIds]);
}

// ---------------------------------------------------------------- organizations, people, memberships

export interface OrganizationRow extends Stamp {
  id: number;
  bodyId: number;
  kind: 'council' | 'committee' | 'advisory_board';
  name: string;
  shortName: string | null;
  slug: string;
  membershipIds: number[];
}

export async function organizations(db: Db, ids: number[]): Promise<OrganizationRow[]> {
  return rows<OrganizationRow>(
    db,
    `SELECT s.*, c.kind, c.name, c.short_name AS "shortName", c.slug,
            COALESCE((SELECT array_agg(ms.id ORDER BY ms.id) FROM memberships ms WHERE ms.committee_id = c.id), '{}') AS "membershipIds"
       FROM (${INDEX.organization}) s JOIN committees c ON c.id = s.id
      WHERE s.id = ANY(?) ORDER BY s.id`,
    [ids],
  );
}

export interface PersonRow extends Stamp {
  id: number;
  bodyId: number;
  name: string;
}

export async function people(db: Db, ids: number[]): Promise<PersonRow[]> {
  return rows<PersonRow>(db, `SELECT s.*, p.name FROM (${INDEX.person}) s JOIN people p ON p.id = s.id WHERE s.id = ANY(?) ORDER BY s.id`, [ids]);
}

export interface MembershipRow extends Stamp {
  id: number;
  bodyId: number;
  committeeId: number;
  personId: number;
  role: 'chair' | 'vice_chair' | 'member' | 'substitute';
  party: string | null;
  votingRight: boolean;
  validFrom: string;
  validTo: string | null;
  /** Only when that person is public too */
  substituteForPersonId: number | null;
}

export async function memberships(db: Db, by: { ids?: number[]; personIds?: number[] }): Promise<MembershipRow[]> {
  const condition = by.ids ? 'ms.id = ANY(?)' : 'ms.person_id = ANY(?)';
  return rows<MembershipRow>(
    db,
    `SELECT ms.id, c.body_id AS "bodyId", ms.committee_id AS "committeeId", ms.person_id AS "personId", ms.role, ms.party,
            ms.voting_right AS "votingRight", ms.valid_from AS "validFrom", ms.valid_to AS "validTo",
            CASE WHEN EXISTS (SELECT 1 FROM memberships sm JOIN committees sc ON sc.id = sm.committee_id AND sc.kind <> 'external_party'
                               WHERE sm.person_id = ms.substitute_for_person_id)
                 THEN ms.substitute_for_person_id END AS "substituteForPersonId",
            ms.created_at AS created, ${MEMBERSHIP_TIME} AS modified
       FROM memberships ms JOIN committees c ON c.id = ms.committee_id AND ${PUBLIC_COMMITTEE}
      WHERE ${condition} ORDER BY ms.person_id, ms.valid_from, ms.id`,
    [by.ids ?? by.personIds ?? []],
  );
}

// ---------------------------------------------------------------- meetings and locations

export interface MeetingRow extends Stamp {
  id: number;
  bodyId: number;
  committeeId: number;
  committeeName: string;
  slug: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  locationKey: string | null;
  status: MeetingStatus;
  cancelled: boolean;
  minutesPublic: boolean;
  /** The minutes were published once (and may be reopened now) */
  firstPublishedAt: Date | null;
  agendaPublishedAt: Date | null;
  /** Attended (present or as a substitute): only once the minutes are published */
  participantIds: number[];
}

export async function meetings(db: Db, ids: number[]): Promise<MeetingRow[]> {
  return rows<MeetingRow>(
    db,
    `${WITH_PUBLIC}
     SELECT mi.id, mi.body_id AS "bodyId", mi.committee_id AS "committeeId", c.name AS "committeeName", mi.slug,
            mi.starts_at AS "startsAt", mi.ends_at AS "endsAt", NULLIF(btrim(mi.location), '') AS location,
            CASE WHEN mi.location IS NULL OR btrim(mi.location) = '' THEN NULL ELSE ${LOCATION_KEY} END AS "locationKey",
            mi.status, mi.cancelled, mi.minutes_public AS "minutesPublic", mi.first_published_at AS "firstPublishedAt",
            mi.agenda_published_at AS "agendaPublishedAt", mi.created_at AS created, mi.modified,
            CASE WHEN mi.minutes_public THEN COALESCE((
              SELECT array_agg(a.person_id ORDER BY a.person_id) FROM attendance a
               WHERE a.meeting_id = mi.id AND a.status IN ('present', 'substitute')
                 AND EXISTS (SELECT 1 FROM memberships pm2 JOIN committees pc ON pc.id = pm2.committee_id AND pc.kind <> 'external_party'
                              WHERE pm2.person_id = a.person_id)), '{}') ELSE '{}' END AS "participantIds"
       FROM meeting_index mi JOIN committees c ON c.id = mi.committee_id
      WHERE mi.id = ANY(?) ORDER BY mi.id`,
    [ids],
  );
}

export interface LocationRow extends Stamp {
  key: string;
  bodyId: number;
  description: string;
  meetingIds: number[];
}

export async function locations(db: Db, keys: string[]): Promise<LocationRow[]> {
  return rows<LocationRow>(
    db,
    `${WITH_PUBLIC}
     SELECT * FROM (
       SELECT ${LOCATION_KEY} AS key, mi.body_id AS "bodyId", btrim(mi.location) AS description,
              min(mi.created_at) AS created, max(mi.modified) AS modified, array_agg(mi.id ORDER BY mi.id) AS "meetingIds"
         FROM meeting_index mi WHERE mi.location IS NOT NULL AND btrim(mi.location) <> '' GROUP BY mi.body_id, mi.location
     ) s WHERE s.key = ANY(?) ORDER BY s.key`,
    [keys],
  );
}

// ---------------------------------------------------------------- agenda items

export interface ItemRow extends Stamp {
  id: number;
  meetingId: number;
  bodyId: number;
  isClosed: boolean;
  number: number;
  /** 0-based position in the meeting */
  order: number;
  /** null for a closed item */
  title: string | null;
  caseId: number | null;
  /** Only for an open item whose minutes are published */
  decision: string | null;
  minutesPublic: boolean;
  meetingSlug: string;
}

export async function items(db: Db, by: { ids?: number[]; meetingIds?: number[] }): Promise<ItemRow[]> {
  const condition = by.ids ? 'pi.id = ANY(?)' : 'pi.meeting_id = ANY(?)';
  return rows<ItemRow>(
    db,
    `${WITH_PUBLIC}
     SELECT pi.id, pi.meeting_id AS "meetingId", pi.body_id AS "bodyId", pi.is_closed AS "isClosed", i.number,
            (SELECT count(*) FROM agenda_items o WHERE o.meeting_id = i.meeting_id AND o.position < i.position) AS "order",
            CASE WHEN i.is_closed THEN NULL ELSE i.title END AS title,
            pi.case_id AS "caseId",
            CASE WHEN i.is_closed OR NOT pm.minutes_public OR i.kind = 'minutes_approval' THEN NULL ELSE i.decision END AS decision,
            pm.minutes_public AS "minutesPublic", pm.slug AS "meetingSlug",
            pi.created_at AS created, pi.modified_at AS modified
       FROM public_items pi
       JOIN agenda_items i ON i.id = pi.id
       JOIN public_meetings pm ON pm.id = pi.meeting_id
      WHERE ${condition} ORDER BY pi.meeting_id, i.position`,
    [by.ids ?? by.meetingIds ?? []],
  );
}

export interface ResolutionPartRow {
  itemId: number;
  kind: 'point' | 'dissent';
  pointNumber: number | null;
  text: string;
  /** Dissents: who, "Navn (A), Navn (V)" */
  names: string | null;
}

/** The per-point decisions and dissents of open items with published minutes, in the order the minutes show them. */
export async function resolutionParts(db: Db, itemIds: number[]): Promise<ResolutionPartRow[]> {
  if (itemIds.length === 0) return [];
  return rows<ResolutionPartRow>(
    db,
    `${WITH_PUBLIC}
     SELECT * FROM (
       SELECT rp.item_id AS "itemId", 'point' AS kind, rp.number AS "pointNumber", rp.decision AS text, NULL AS names, 0 AS sub, rp.number AS position
         FROM recommendation_points rp
        WHERE rp.decision IS NOT NULL
       UNION ALL
       SELECT d.item_id, 'dissent', d.point_number, d.text,
              (SELECT string_agg(p.name || COALESCE(' (' || (
                        SELECT ms.party FROM memberships ms
                         WHERE ms.person_id = p.id AND ms.party IS NOT NULL
                           AND ms.valid_from <= CAST(timezone('Europe/Copenhagen', m.starts_at) AS date)
                           AND (ms.valid_to IS NULL OR ms.valid_to >= CAST(timezone('Europe/Copenhagen', m.starts_at) AS date))
                         ORDER BY (ms.committee_id = m.committee_id) DESC LIMIT 1) || ')', ''), ', ' ORDER BY dp.position)
                 FROM dissent_persons dp JOIN people p ON p.id = dp.person_id WHERE dp.dissent_id = d.id),
              1, d.position
         FROM dissents d JOIN agenda_items di ON di.id = d.item_id JOIN meetings m ON m.id = di.meeting_id
     ) parts
     JOIN public_items pi ON pi.id = parts."itemId" AND NOT pi.is_closed
     JOIN public_meetings pm ON pm.id = pi.meeting_id AND pm.minutes_public
     WHERE parts."itemId" = ANY(?)
     ORDER BY parts."itemId", COALESCE(parts."pointNumber", 2147483647), parts.sub, parts.position`,
    [itemIds],
  );
}

// ---------------------------------------------------------------- papers and consultations

export interface PaperRow extends Stamp {
  id: number;
  bodyId: number;
  name: string;
  reference: string;
  firstTreatedAt: Date;
}

export async function papers(db: Db, ids: number[]): Promise<PaperRow[]> {
  return rows<PaperRow>(
    db,
    `${WITH_PUBLIC}
     SELECT cs.id, cs.body_id AS "bodyId", cs.title AS name, cs.case_number AS reference, min(pm.starts_at) AS "firstTreatedAt",
            cs.created_at AS created, GREATEST(cs.created_at, cs.updated_at, max(pi.modified_at)) AS modified
       FROM cases cs
       JOIN public_items pi ON pi.case_id = cs.id
       JOIN public_meetings pm ON pm.id = pi.meeting_id
      WHERE cs.id = ANY(?) GROUP BY cs.id ORDER BY cs.id`,
    [ids],
  );
}

export interface ConsultationRow extends Stamp {
  id: number;
  bodyId: number;
  caseId: number;
  meetingId: number;
  committeeId: number;
  committeeKind: 'council' | 'committee' | 'advisory_board';
  decidedByCommitteeId: number | null;
}

export async function consultations(db: Db, by: { ids?: number[]; caseIds?: number[] }): Promise<ConsultationRow[]> {
  const condition = by.ids ? 'pi.id = ANY(?)' : 'pi.case_id = ANY(?)';
  return rows<ConsultationRow>(
    db,
    `${WITH_PUBLIC}
     SELECT pi.id, pi.body_id AS "bodyId", pi.case_id AS "caseId", pi.meeting_id AS "meetingId", pm.committee_id AS "committeeId",
            c.kind AS "committeeKind", i.decided_by_committee_id AS "decidedByCommitteeId",
            pi.created_at AS created, pi.modified_at AS modified
       FROM public_items pi
       JOIN agenda_items i ON i.id = pi.id
       JOIN public_meetings pm ON pm.id = pi.meeting_id
       JOIN committees c ON c.id = pm.committee_id
      WHERE pi.case_id IS NOT NULL AND ${condition}
      ORDER BY pi.case_id, pm.starts_at, pi.id`,
    [by.ids ?? by.caseIds ?? []],
  );
}

// ---------------------------------------------------------------- files

export interface AttachmentFileRow extends Stamp {
  id: number;
  itemId: number;
  meetingId: number;
  caseId: number | null;
  title: string;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  /** Made non-public after it was on a public agenda */
  deleted: boolean;
}

/** Public attachments with a file, on open items of public agendas; with `ids`, also the tombstones of non-public ones. */
export async function attachmentFiles(db: Db, by: { ids?: number[]; itemIds?: number[] }): Promise<AttachmentFileRow[]> {
  const condition = by.ids
    ? 'a.id = ANY(?) AND ((a.is_public AND a.storage_key IS NOT NULL) OR NOT a.is_public)'
    : 'a.item_id = ANY(?) AND a.is_public AND a.storage_key IS NOT NULL';
  return rows<AttachmentFileRow>(
    db,
    `${WITH_PUBLIC}
     SELECT a.id, a.item_id AS "itemId", i.meeting_id AS "meetingId", i.case_id AS "caseId",
            a.title, a.file_name AS "fileName", a.content_type AS "contentType", a.size_bytes AS size,
            NOT a.is_public AS deleted,
            a.created_at AS created, GREATEST(a.created_at, a.updated_at, pm.agenda_published_at) AS modified
       FROM attachments a
       JOIN agenda_items i ON i.id = a.item_id AND NOT i.is_closed
       JOIN public_meetings pm ON pm.id = i.meeting_id
       LEFT JOIN sub_points sp ON sp.id = a.sub_point_id
      WHERE ${condition}
      ORDER BY a.item_id, sp.number NULLS FIRST, a.position, a.id`,
    [by.ids ?? by.itemIds ?? []],
  );
}

// ---------------------------------------------------------------- votes (Popolo)

export interface AmendmentMotionRow extends Stamp {
  id: number;
  itemId: number;
  committeeId: number;
  meetingStartsAt: Date;
  pointNumber: number | null;
  text: string;
  outcome: 'adopted' | 'rejected';
  proposerIds: number[];
  voteIds: number[];
  /** The minutes were published, then reopened: the motion is withdrawn from the public until they are published again */
  deleted: boolean;
}

const VOTES_PUBLIC = '(pm.minutes_public OR pm.first_published_at IS NOT NULL)';

/** By ids (tombstones included), by items (published minutes only), or every one that has an id in the API (`all`, tombstones included). */
export async function amendmentMotions(db: Db, by: { ids?: number[]; itemIds?: number[]; all?: true }): Promise<AmendmentMotionRow[]> {
  const condition = by.all ? 'TRUE' : by.ids ? 'a.id = ANY(?)' : 'a.item_id = ANY(?) AND pm.minutes_public';
  return rows<AmendmentMotionRow>(db, amendmentMotionsSql(condition), by.all ? [] : [by.ids ?? by.itemIds ?? []]);
}

/** Every amendment motion the API has, tombstones included (amendmentMotions `all`): its id and meeting, no other column. */
export async function amendmentMotionKeys(db: Db, ofMeetings?: number[]): Promise<Array<{ id: number; meetingId: number }>> {
  return rows(db, amendmentMotionsSql(ofMeetings ? 'pm.id = ANY(?)' : 'TRUE', 'a.id, pm.id AS "meetingId"'), ofMeetings ? [ofMeetings] : []);
}

const AMENDMENT_MOTION_COLUMNS = `a.id, a.item_id AS "itemId", pm.committee_id AS "committeeId", pm.starts_at AS "meetingStartsAt",
            a.point_number AS "pointNumber", a.text, a.outcome,
            COALESCE((SELECT array_agg(ap.person_id ORDER BY ap.position) FROM amendment_proposers ap WHERE ap.amendment_id = a.id), '{}') AS "proposerIds",
            COALESCE((SELECT array_agg(v.id ORDER BY v.position) FROM votes v WHERE v.amendment_id = a.id), '{}') AS "voteIds",
            NOT pm.minutes_public AS deleted,
            COALESCE(pm.first_published_at, pi.created_at) AS created, pi.modified_at AS modified`;

function amendmentMotionsSql(condition: string, columns = AMENDMENT_MOTION_COLUMNS): string {
  return `${WITH_PUBLIC}
     SELECT ${columns}
       FROM amendments a
       JOIN public_items pi ON pi.id = a.item_id AND NOT pi.is_closed
       JOIN public_meetings pm ON pm.id = pi.meeting_id
      WHERE ${VOTES_PUBLIC} AND ${condition}
      ORDER BY a.item_id, a.position`;
}

export interface VoteEventRow extends Stamp {
  id: number;
  itemId: number;
  committeeId: number;
  meetingStartsAt: Date;
  amendmentId: number | null;
  amendmentOutcome: 'adopted' | 'rejected' | null;
  pointNumber: number | null;
  /** The recommendation point voted on (for a vote on a point itself) */
  pointText: string | null;
  yes: number;
  no: number;
  abstain: number;
  deleted: boolean;
}

/** Named votes: on an amendment, or on a recommendation point itself (the votes the minutes show). */
export async function voteEvents(db: Db, by: { ids?: number[]; itemIds?: number[]; all?: true }): Promise<VoteEventRow[]> {
  const condition = by.all ? 'TRUE' : by.ids ? 'v.id = ANY(?)' : 'v.item_id = ANY(?) AND pm.minutes_public';
  return rows<VoteEventRow>(db, voteEventsSql(condition), by.all ? [] : [by.ids ?? by.itemIds ?? []]);
}

/** Every vote event the API has, tombstones included (voteEvents `all`): its id, its meeting and whether it is an amendment's, no other column. */
export async function voteEventKeys(db: Db, ofMeetings?: number[]): Promise<Array<{ id: number; amendmentId: number | null; meetingId: number }>> {
  return rows(db, voteEventsSql(ofMeetings ? 'pm.id = ANY(?)' : 'TRUE', 'v.id, v.amendment_id AS "amendmentId", pm.id AS "meetingId"'), ofMeetings ? [ofMeetings] : []);
}

const VOTE_EVENT_COLUMNS = `v.id, v.item_id AS "itemId", pm.committee_id AS "committeeId", pm.starts_at AS "meetingStartsAt",
            v.amendment_id AS "amendmentId", a.outcome AS "amendmentOutcome", COALESCE(v.point_number, a.point_number) AS "pointNumber",
            rp.text AS "pointText",
            (SELECT count(*) FROM vote_ballots b WHERE b.vote_id = v.id AND b.choice = 'for') AS yes,
            (SELECT count(*) FROM vote_ballots b WHERE b.vote_id = v.id AND b.choice = 'against') AS no,
            (SELECT count(*) FROM vote_ballots b WHERE b.vote_id = v.id AND b.choice = 'abstain') AS abstain,
            NOT pm.minutes_public AS deleted,
            COALESCE(pm.first_published_at, pi.created_at) AS created, pi.modified_at AS modified`;

function voteEventsSql(condition: string, columns = VOTE_EVENT_COLUMNS): string {
  return `${WITH_PUBLIC}
     SELECT ${columns}
       FROM votes v
       JOIN public_items pi ON pi.id = v.item_id AND NOT pi.is_closed
       JOIN public_meetings pm ON pm.id = pi.meeting_id
       LEFT JOIN amendments a ON a.id = v.amendment_id
       LEFT JOIN recommendation_points rp ON rp.item_id = v.item_id AND rp.number = v.point_number AND v.amendment_id IS NULL
      WHERE (v.amendment_id IS NOT NULL OR v.point_number IS NOT NULL) AND ${VOTES_PUBLIC} AND ${condition}
      ORDER BY v.item_id, COALESCE(v.point_number, a.point_number, 2147483647), v.amendment_id NULLS FIRST, v.position`;
}

export interface BallotRow {
  voteId: number;
  personId: number;
  choice: 'for' | 'against' | 'abstain';
  party: string | null;
}

/** Who voted in each of the votes (the URLs of their Vote objects), without the ballots' choice and party. */
export async function ballotKeys(db: Db, voteIds: number[]): Promise<Array<{ voteId: number; personId: number }>> {
  if (voteIds.length === 0) return [];
  return manyRows(db, { fields: [['voteId', 'b.vote_id'], ['personId', 'b.person_id']], from: 'vote_ballots b WHERE b.vote_id = ANY(?)', orderBy: 'b.vote_id, b.position' }, [voteIds]);
}

/** The ballots of the given votes, with each voter's party on the meeting day. Pass only votes that are public. */
export async function ballots(db: Db, voteIds: number[]): Promise<BallotRow[]> {
  if (voteIds.length === 0) return [];
  return rows<BallotRow>(
    db,
    `SELECT b.vote_id AS "voteId", b.person_id AS "personId", b.choice,
            (SELECT ms.party FROM memberships ms
              WHERE ms.person_id = b.person_id AND ms.party IS NOT NULL
                AND ms.valid_from <= CAST(timezone('Europe/Copenhagen', m.starts_at) AS date)
                AND (ms.valid_to IS NULL OR ms.valid_to >= CAST(timezone('Europe/Copenhagen', m.starts_at) AS date))
              ORDER BY (ms.committee_id = m.committee_id) DESC LIMIT 1) AS party
       FROM vote_ballots b JOIN votes v ON v.id = b.vote_id JOIN agenda_items i ON i.id = v.item_id JOIN meetings m ON m.id = i.meeting_id
      WHERE b.vote_id = ANY(?) ORDER BY b.vote_id, b.position`,
    [voteIds],
  );
}
