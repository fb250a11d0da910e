import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import type { CommitteeKind } from '../committees/repository';
import type { MeetingStatus } from '../meetings/meeting-status';

export type Reader = Db | Knex.Transaction;

/** The meeting's day in Copenhagen, as SQL on a row aliased m. */
export const MEETING_DAY = "(m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date";
/** Statuses whose agenda citizens may read (meeting-status.ts isAgendaPublic). */
export const PUBLIC_AGENDA = ['agenda_published', 'held', 'minutes_draft', 'minutes_in_approval', 'minutes_approved', 'minutes_published'] as const;
/** Statuses of a meeting that has taken place. */
export const HELD = ['held', 'minutes_draft', 'minutes_in_approval', 'minutes_approved', 'minutes_published'] as const;

export type Role = 'chair' | 'vice_chair' | 'member' | 'substitute';

export interface CommitteeInfo {
  id: number;
  name: string;
  slug: string;
  kind: CommitteeKind;
  bodyId: number;
  bodyName: string;
}

const committeeColumns = ['c.id as id', 'c.name as name', 'c.slug as slug', 'c.kind as kind', 'c.body_id as bodyId', 'b.name as bodyName'];

export async function findCommittee(db: Reader, id: number): Promise<CommitteeInfo | undefined> {
  return db('committees as c').join('bodies as b', 'b.id', 'c.body_id').where('c.id', id).first(committeeColumns);
}

/** A committee, council or board by its public slug (never an outside party). */
export async function findPublicCommittee(db: Reader, slug: string): Promise<CommitteeInfo | undefined> {
  return db('committees as c').join('bodies as b', 'b.id', 'c.body_id').where('c.slug', slug).whereNot('c.kind', 'external_party').first(committeeColumns);
}

// ---------- following ----------

export interface FollowOption {
  id: number;
  name: string;
  followed: boolean;
}

/** The committees and councils of the board's body it may follow, with the ones it follows marked. */
export async function followOptions(db: Reader, boardId: number): Promise<FollowOption[]> {
  const result = await db.raw<{ rows: FollowOption[] }>(
    `SELECT c.id, c.name, (f.board_id IS NOT NULL) AS followed
       FROM committees board
       JOIN committees c ON c.body_id = board.body_id AND c.id <> board.id AND c.kind IN ('council', 'committee')
       LEFT JOIN board_follows f ON f.board_id = board.id AND f.committee_id = c.id
      WHERE board.id = ?
      ORDER BY CASE c.kind WHEN 'council' THEN 0 ELSE 1 END, c.name`,
    [boardId],
  );
  return result.rows;
}

export async function followedCommittees(db: Reader, boardId: number): Promise<Array<{ id: number; name: string; slug: string }>> {
  return db('board_follows as f').join('committees as c', 'c.id', 'f.committee_id').where('f.board_id', boardId).orderBy('c.name').select('c.id', 'c.name', 'c.slug');
}

export async function replaceFollows(trx: Knex.Transaction, boardId: number, committeeIds: number[], now: Date): Promise<void> {
  await trx('board_follows').where({ board_id: boardId }).delete();
  if (committeeIds.length > 0) await trx('board_follows').insert(committeeIds.map((id) => ({ board_id: boardId, committee_id: id, created_at: now })));
}

export async function boardsFollowing(db: Reader, committeeId: number): Promise<Array<{ id: number; name: string }>> {
  return db('board_follows as f')
    .join('committees as b', 'b.id', 'f.board_id')
    .where('f.committee_id', committeeId)
    .where('b.kind', 'advisory_board')
    .orderBy('b.name')
    .select('b.id', 'b.name');
}

// ---------- meetings and items ----------

export interface MeetingInfo {
  id: number;
  slug: string;
  committeeId: number;
  committeeName: string;
  committeeKind: CommitteeKind;
  startsAt: Date;
  status: MeetingStatus;
  cancelled: boolean;
  /** 'YYYY-MM-DD' in Copenhagen */
  day: string;
}

export async function findMeetingInfo(db: Reader, meetingId: number): Promise<MeetingInfo | undefined> {
  return db('meetings as m')
    .join('committees as c', 'c.id', 'm.committee_id')
    .where('m.id', meetingId)
    .first(
      'm.id as id',
      'm.slug as slug',
      'm.committee_id as committeeId',
      'c.name as committeeName',
      'c.kind as committeeKind',
      'm.starts_at as startsAt',
      'm.status as status',
      'm.cancelled as cancelled',
      db.raw(`to_char(${MEETING_DAY}, 'YYYY-MM-DD') AS day`),
    );
}

export interface OpenItem {
  id: number;
  number: number;
  title: string;
}

/** The open items of a meeting a board may comment on (never a closed one, never the minutes' signature item). */
export async function openItemsOf(db: Reader, meetingId: number): Promise<OpenItem[]> {
  return db('agenda_items').where({ meeting_id: meetingId, is_closed: false }).whereNot('kind', 'minutes_approval').orderBy('position').select('id', 'number', 'title');
}

export interface CommentTarget {
  itemId: number;
  number: number;
  title: string;
  isClosed: boolean;
  kind: string;
  meeting: MeetingInfo;
}

export async function commentTarget(db: Reader, itemId: number): Promise<CommentTarget | undefined> {
  const item = (await db('agenda_items').where({ id: itemId }).first('id', 'meeting_id', 'number', 'title', 'is_closed', 'kind')) as
    | { id: number; meeting_id: number; number: number; title: string; is_closed: boolean; kind: string }
    | undefined;
  if (!item) return undefined;
  const meeting = await findMeetingInfo(db, item.meeting_id);
  if (!meeting) return undefined;
  return { itemId: item.id, number: item.number, title: item.title, isClosed: item.is_closed, kind: item.kind, meeting };
}

// ---------- notices ----------

/** Records that the board was told of the meeting's agenda; false when it already was. */
export async function insertNotice(trx: Knex.Transaction, boardId: number, meetingId: number, now: Date): Promise<boolean> {
  const rows = (await trx('board_agenda_notices')
    .insert({ board_id: boardId, meeting_id: meetingId, notified_at: now })
    .onConflict(['board_id', 'meeting_id'])
    .ignore()
    .returning('board_id')) as unknown[];
  return rows.length > 0;
}

export async function setNoticeRecipients(trx: Knex.Transaction, boardId: number, meetingId: number, recipients: number): Promise<void> {
  await trx('board_agenda_notices').where({ board_id: boardId, meeting_id: meetingId }).update({ recipients });
}

/** Whether substitutes are invited to every meeting on the day: the latest constitution on or before it says so. */
export async function substitutesAttendAll(db: Reader, boardId: number, day: string): Promise<boolean> {
  const row = (await db('board_constitutions as k')
    .join('meetings as m', 'm.id', 'k.meeting_id')
    .where('k.board_id', boardId)
    .whereRaw(`${MEETING_DAY} <= ?::date`, [day])
    .orderBy('m.starts_at', 'desc')
    .first('k.substitutes_attend_all as attendAll')) as { attendAll: boolean } | undefined;
  return row?.attendAll ?? false;
}

export interface Recipient {
  personId: number;
  name: string;
  email: string;
}

/** The board's members on the day who have an e-mail address, and its substitutes when they attend every meeting. */
export async function boardRecipients(db: Reader, boardId: number, day: string): Promise<Recipient[]> {
  const withSubstitutes = await substitutesAttendAll(db, boardId, day);
  const q = db('memberships as ms')
    .join('people as p', 'p.id', 'ms.person_id')
    .where('ms.committee_id', boardId)
    .where('ms.valid_from', '<=', day)
    .where((w) => w.whereNull('ms.valid_to').orWhere('ms.valid_to', '>=', day))
    .whereNotNull('p.email')
    .distinct('p.id as personId', 'p.name as name', 'p.email as email')
    .orderBy('p.name');
  if (!withSubstitutes) q.whereNot('ms.role', 'substitute');
  return (await q) as Recipient[];
}

export interface NoticeRow {
  boardId: number;
  boardName: string;
  meetingId: number;
  meetingSlug: string;
  committeeName: string;
  startsAt: Date;
  notifiedAt: Date;
}

/** The newest agenda notices of the boards the person sits on today (members, and substitutes of boards that invite them). */
export async function noticesForPerson(db: Reader, personId: number, today: string, limit: number): Promise<NoticeRow[]> {
  const result = await db.raw<{ rows: NoticeRow[] }>(
    `SELECT n.board_id AS "boardId", b.name AS "boardName", m.id AS "meetingId", m.slug AS "meetingSlug",
            c.name AS "committeeName", m.starts_at AS "startsAt", n.notified_at AS "notifiedAt"
       FROM board_agenda_notices n
       JOIN committees b ON b.id = n.board_id
       JOIN meetings m ON m.id = n.meeting_id
       JOIN committees c ON c.id = m.committee_id
      WHERE m.status IN (${PUBLIC_AGENDA.map(() => '?').join(', ')})
        AND EXISTS (SELECT 1 FROM memberships ms
                     WHERE ms.committee_id = n.board_id AND ms.person_id = ?
                       AND ms.valid_from <= ?::date AND (ms.valid_to IS NULL OR ms.valid_to >= ?::date))
      ORDER BY n.notified_at DESC, m.starts_at DESC
      LIMIT ?`,
    [...PUBLIC_AGENDA, personId, today, today, limit],
  );
  return result.rows;
}

/** The board's notices, newest meeting first. */
export async function noticesOfBoard(db: Reader, boardId: number, limit: number): Promise<NoticeRow[]> {
  const result = await db.raw<{ rows: NoticeRow[] }>(
    `SELECT n.board_id AS "boardId", b.name AS "boardName", m.id AS "meetingId", m.slug AS "meetingSlug",
            c.name AS "committeeName", m.starts_at AS "startsAt", n.notified_at AS "notifiedAt"
       FROM board_agenda_notices n
       JOIN committees b ON b.id = n.board_id
       JOIN meetings m ON m.id = n.meeting_id
       JOIN committees c ON c.id = m.committee_id
      WHERE n.board_id = ? AND m.status IN (${PUBLIC_AGENDA.map(() => '?').join(', ')})
      ORDER BY m.starts_at DESC
      LIMIT ?`,
    [boardId, ...PUBLIC_AGENDA, limit],
  );
  return result.rows;
}

// ---------- comments ----------

export interface CommentRow {
  id: number;
  boardId: number;
  boardName: string;
  boardSlug: string;
  itemId: number;
  itemNumber: number;
  itemTitle: string;
  meetingId: number;
  meetingSlug: string;
  meetingStartsAt: Date;
  committeeId: number;
  committeeName: string;
  body: string;
  sentAt: Date;
  sentBy: string | null;
}

/**
 * Comments as anyone may read them: only on open items of public agendas. An item
 * closed after the comment was sent drops out of every list.
 */
function commentQuery(db: Reader) {
  return db('board_comments as bc')
    .join('committees as b', 'b.id', 'bc.board_id')
    .join('agenda_items as i', 'i.id', 'bc.item_id')
    .join('meetings as m', 'm.id', 'i.meeting_id')
    .join('committees as c', 'c.id', 'm.committee_id')
    .leftJoin('users as u', 'u.id', 'bc.sent_by_user_id')
    .where('i.is_closed', false)
    .whereIn('m.status', PUBLIC_AGENDA)
    .select(
      'bc.id as id',
      'bc.board_id as boardId',
      'b.name as boardName',
      'b.slug as boardSlug',
      'i.id as itemId',
      'i.number as itemNumber',
      'i.title as itemTitle',
      'm.id as meetingId',
      'm.slug as meetingSlug',
      'm.starts_at as meetingStartsAt',
      'c.id as committeeId',
      'c.name as committeeName',
      'bc.body as body',
      'bc.sent_at as sentAt',
      'u.name as sentBy',
    );
}

export async function commentsOfBoard(db: Reader, boardId: number, options: { year?: number; limit?: number } = {}): Promise<CommentRow[]> {
  const q = commentQuery(db).where('bc.board_id', boardId);
  if (options.year !== undefined) q.whereRaw("extract(year FROM bc.sent_at AT TIME ZONE 'Europe/Copenhagen') = ?", [options.year]);
  q.orderBy([{ column: 'm.starts_at', order: 'desc' }, { column: 'i.number' }]);
  if (options.limit !== undefined) q.limit(options.limit);
  return (await q) as CommentRow[];
}

export async function commentsOnMeeting(db: Reader, meetingId: number): Promise<CommentRow[]> {
  return (await commentQuery(db).where('m.id', meetingId).orderBy([{ column: 'i.position' }, { column: 'b.name' }])) as CommentRow[];
}

/** Comments on the meetings of the given committees (all committees when null), newest first. */
export async function commentsToCommittees(db: Reader, committeeIds: number[] | null, limit: number): Promise<CommentRow[]> {
  const q = commentQuery(db).orderBy([{ column: 'bc.sent_at', order: 'desc' }, { column: 'bc.id', order: 'desc' }]).limit(limit);
  if (committeeIds) q.whereIn('c.id', committeeIds);
  return (await q) as CommentRow[];
}

export async function commentExists(db: Reader, boardId: number, itemId: number): Promise<boolean> {
  return Boolean(await db('board_comments').where({ board_id: boardId, item_id: itemId }).first('id'));
}

export async function insertComment(trx: Knex.Transaction, row: { boardId: number; itemId: number; body: string; sentAt: Date; userId: number | null }): Promise<number> {
  const [inserted] = await trx('board_comments')
    .insert({ board_id: row.boardId, item_id: row.itemId, body: row.body, sent_at: row.sentAt, sent_by_user_id: row.userId })
    .returning('id');
  return (inserted as { id: number }).id;
}

/** The committee's secretaries (all-committee secretaries included); its admins when it has none. */
export async function committeeSecretaries(db: Reader, committeeId: number): Promise<Array<{ id: number; name: string; email: string }>> {
  const secretaries = (await db('users as u')
    .where({ 'u.role': 'secretary', 'u.disabled': false })
    .where((w) => w.where('u.all_committees', true).orWhereExists(db('user_committees as uc').whereRaw('uc.user_id = u.id').where('uc.committee_id', committeeId)))
    .orderBy('u.id')
    .select('u.id', 'u.name', 'u.email')) as Array<{ id: number; name: string; email: string }>;
  if (secretaries.length > 0) return secretaries;
  return (await db('users').where({ role: 'admin', disabled: false }).orderBy('id').select('id', 'name', 'email')) as Array<{ id: number; name: string; email: string }>;
}

/** Whether the person holds a seat (member or substitute) on the committee on the day. */
export async function seatOnDay(db: Reader, committeeId: number, personId: number, day: string): Promise<boolean> {
  const row = await db('memberships')
    .where({ committee_id: committeeId, person_id: personId })
    .where('valid_from', '<=', day)
    .where((w) => w.whereNull('valid_to').orWhere('valid_to', '>=', day))
    .first('id');
  return Boolean(row);
}

// ---------- memberships and constitutions ----------

export interface MembershipRow {
  id: number;
  personId: number;
  name: string;
  role: Role;
  party: string | null;
  substituteForPersonId: number | null;
  substituteForName: string | null;
  votingRight: boolean;
  validFrom: string;
  validTo: string | null;
}

export async function membershipsOf(db: Reader, committeeId: number): Promise<MembershipRow[]> {
  return db('memberships as ms')
    .join('people as p', 'p.id', 'ms.person_id')
    .leftJoin('people as f', 'f.id', 'ms.substitute_for_person_id')
    .where('ms.committee_id', committeeId)
    .orderByRaw("CASE ms.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'member' THEN 2 ELSE 3 END")
    .orderBy([{ column: 'p.name' }, { column: 'ms.valid_from' }])
    .select(
      'ms.id as id',
      'p.id as personId',
      'p.name as name',
      'ms.role as role',
      'ms.party as party',
      'ms.substitute_for_person_id as substituteForPersonId',
      'f.name as substituteForName',
      'ms.voting_right as votingRight',
      'ms.valid_from as validFrom',
      'ms.valid_to as validTo',
    );
}

export interface ConstitutionRow {
  id: number;
  meetingId: number;
  meetingSlug: string;
  startsAt: Date;
  day: string;
  chairPersonId: number | null;
  chairName: string | null;
  viceChairPersonId: number | null;
  viceChairName: string | null;
  substitutesAttendAll: boolean;
}

export async function constitutionsOf(db: Reader, boardId: number): Promise<ConstitutionRow[]> {
  return db('board_constitutions as k')
    .join('meetings as m', 'm.id', 'k.meeting_id')
    .leftJoin('people as ch', 'ch.id', 'k.chair_person_id')
    .leftJoin('people as vc', 'vc.id', 'k.vice_chair_person_id')
    .where('k.board_id', boardId)
    .orderBy('m.starts_at')
    .select(
      'k.id as id',
      'm.id as meetingId',
      'm.slug as meetingSlug',
      'm.starts_at as startsAt',
      db.raw(`to_char(${MEETING_DAY}, 'YYYY-MM-DD') AS day`),
      'k.chair_person_id as chairPersonId',
      'ch.name as chairName',
      'k.vice_chair_person_id as viceChairPersonId',
      'vc.name as viceChairName',
      'k.substitutes_attend_all as substitutesAttendAll',
    );
}

/** The board's meetings that have taken place or are planned, newest first, for choosing the constituting meeting. */
export async function meetingsOfBoard(db: Reader, boardId: number): Promise<Array<{ id: number; startsAt: Date; day: string; cancelled: boolean }>> {
  return db('meetings as m')
    .where('m.committee_id', boardId)
    .orderBy('m.starts_at', 'desc')
    .select('m.id as id', 'm.starts_at as startsAt', db.raw(`to_char(${MEETING_DAY}, 'YYYY-MM-DD') AS day`), 'm.cancelled as cancelled');
}

// ---------- substitutes beside their members ----------

export interface SubstituteSeat {
  personId: number;
  name: string;
  substituteForName: string | null;
  /** Recorded in `attendance` as sitting in a member's seat: then not recorded here */
  inSeatForName: string | null;
  status: 'present' | 'absent' | null;
  reason: string | null;
}

/** The committee's substitutes on the meeting day, with what is recorded about their presence. */
export async function substitutesOnDay(db: Reader, meetingId: number): Promise<SubstituteSeat[]> {
  const result = await db.raw<{ rows: SubstituteSeat[] }>(
    `SELECT DISTINCT ON (p.name, p.id) p.id AS "personId", p.name, f.name AS "substituteForName",
            sf.name AS "inSeatForName", sp.status, sp.reason
       FROM meetings m
       JOIN memberships ms ON ms.committee_id = m.committee_id AND ms.role = 'substitute'
        AND ms.valid_from <= ${MEETING_DAY} AND (ms.valid_to IS NULL OR ms.valid_to >= ${MEETING_DAY})
        AND (ms.valid_to IS NULL OR ms.valid_from < ms.valid_to)
       JOIN people p ON p.id = ms.person_id
       LEFT JOIN people f ON f.id = ms.substitute_for_person_id
       LEFT JOIN attendance a ON a.meeting_id = m.id AND a.person_id = p.id AND a.status = 'substitute'
       LEFT JOIN people sf ON sf.id = a.substitute_for_person_id
       LEFT JOIN substitute_presence sp ON sp.meeting_id = m.id AND sp.person_id = p.id
      WHERE m.id = ?
      ORDER BY p.name, p.id`,
    [meetingId],
  );
  return result.rows;
}

export async function presenceRows(db: Reader, meetingId: number): Promise<Array<{ personId: number; status: string; reason: string | null }>> {
  return db('substitute_presence').where({ meeting_id: meetingId }).orderBy('person_id').select('person_id as personId', 'status', 'reason');
}

// ---------- annual reports ----------

export interface ReportRow {
  id: number;
  committeeId: number;
  year: number;
  introduction: string | null;
  version: number;
  publishedAt: Date | null;
  updatedAt: Date;
}

export async function findReport(db: Reader, committeeId: number, year: number, forUpdate = false): Promise<ReportRow | undefined> {
  const q = db('annual_reports')
    .where({ committee_id: committeeId, year })
    .first('id', 'committee_id as committeeId', 'year', 'introduction', 'version', 'published_at as publishedAt', 'updated_at as updatedAt');
  if (forUpdate) q.forUpdate();
  return q;
}

export async function sectionsOf(db: Reader, reportId: number): Promise<Array<{ heading: string; body: string | null }>> {
  return db('annual_report_sections').where({ report_id: reportId }).orderBy('position').select('heading', 'body');
}

/** Years in which the committee's annual report is published, newest first. */
export async function publishedReportYears(db: Reader, committeeId: number): Promise<number[]> {
  return (await db('annual_reports').where({ committee_id: committeeId }).whereNotNull('published_at').orderBy('year', 'desc').pluck('year')) as number[];
}

// ---------- what the annual report generates ----------

export interface DecisionRow {
  meetingId: number;
  meetingSlug: string;
  startsAt: Date;
  number: number;
  title: string;
  decision: string;
}

/** Decisions on open items of the committee's meetings in the year whose minutes are published. */
export async function decisionsOfYear(db: Reader, committeeId: number, year: number): Promise<DecisionRow[]> {
  return db('agenda_items as i')
    .join('meetings as m', 'm.id', 'i.meeting_id')
    .where('m.committee_id', committeeId)
    .where('m.status', 'minutes_published')
    .where('m.cancelled', false)
    .where('i.is_closed', false)
    .whereNot('i.kind', 'minutes_approval')
    .whereNotNull('i.decision')
    .whereRaw(`extract(year FROM ${MEETING_DAY}) = ?`, [year])
    .orderBy([{ column: 'm.starts_at' }, { column: 'i.position' }])
    .select('m.id as meetingId', 'm.slug as meetingSlug', 'm.starts_at as startsAt', 'i.number as number', 'i.title as title', 'i.decision as decision');
}

export interface ResponseRow {
  consultationTitle: string;
  consultationSlug: string;
  /** The written response, or the decision on the board's own item */
  text: string | null;
  receivedAt: Date | null;
  itemDecision: string | null;
  meetingStartsAt: Date | null;
  itemNumber: number | null;
}

/**
 * The consultation responses the committee gave in the year, as citizens may read them:
 * written responses, and decisions on its own open items once their minutes are published.
 */
export async function responsesOfYear(db: Reader, committeeId: number, year: number): Promise<ResponseRow[]> {
  // Consultations are another module's tables: a database without them yields no responses.
  if (!(await db.schema.hasTable('consultation_parties'))) return [];
  const result = await db.raw<{ rows: ResponseRow[] }>(
    `SELECT c.title AS "consultationTitle", c.slug AS "consultationSlug", p.response_text AS text, p.response_received_at AS "receivedAt",
            CASE WHEN i.is_closed = false AND m.status = 'minutes_published' THEN i.decision END AS "itemDecision",
            m.starts_at AS "meetingStartsAt", i.number AS "itemNumber"
       FROM consultation_parties p
       JOIN consultations c ON c.id = p.consultation_id
       LEFT JOIN agenda_items i ON i.id = p.item_id
       LEFT JOIN meetings m ON m.id = i.meeting_id
      WHERE p.committee_id = ?
        AND ((p.response_received_at IS NOT NULL AND extract(year FROM p.response_received_at AT TIME ZONE 'Europe/Copenhagen') = ?)
          OR (p.response_received_at IS NULL AND i.is_closed = false AND m.status = 'minutes_published' AND i.decision IS NOT NULL
              AND extract(year FROM ${MEETING_DAY}) = ?))
      ORDER BY COALESCE(p.response_received_at, m.starts_at), c.title`,
    [committeeId, year, year],
  );
  return result.rows;
}

export interface FollowedMeetingRow {
  id: number;
  slug: string;
  committeeName: string;
  startsAt: Date;
  cancelled: boolean;
  notifiedAt: Date | null;
}

/** The public agendas of the committees the board follows, newest first, with when the board was told of each. */
export async function followedMeetings(db: Reader, boardId: number, limit: number): Promise<FollowedMeetingRow[]> {
  return db('meetings as m')
    .join('board_follows as f', 'f.committee_id', 'm.committee_id')
    .join('committees as c', 'c.id', 'm.committee_id')
    .leftJoin('board_agenda_notices as n', (j) => j.on('n.meeting_id', 'm.id').andOn('n.board_id', 'f.board_id'))
    .where('f.board_id', boardId)
    .whereIn('m.status', PUBLIC_AGENDA)
    .orderBy('m.starts_at', 'desc')
    .limit(limit)
    .select('m.id as id', 'm.slug as slug', 'c.name as committeeName', 'm.starts_at as startsAt', 'm.cancelled as cancelled', 'n.notified_at as notifiedAt');
}

/** The items of the meetings that the board commented on, by item id. */
export async function commentedItemIds(db: Reader, boardId: number, meetingIds: number[]): Promise<Set<number>> {
  if (meetingIds.length === 0) return new Set();
  const ids = (await db('board_comments as bc')
    .join('agenda_items as i', 'i.id', 'bc.item_id')
    .where('bc.board_id', boardId)
    .whereIn('i.meeting_id', meetingIds)
    .pluck('bc.item_id')) as number[];
  return new Set(ids);
}

/** Years with meetings of the committee or an annual report row, newest first. */
export async function reportYears(db: Reader, committeeId: number): Promise<number[]> {
  const result = await db.raw<{ rows: Array<{ year: number }> }>(
    `SELECT DISTINCT y AS year FROM (
       SELECT extract(year FROM ${MEETING_DAY})::int AS y FROM meetings m WHERE m.committee_id = ? AND NOT m.cancelled
       UNION SELECT year FROM annual_reports WHERE committee_id = ?) years
     ORDER BY year DESC`,
    [committeeId, committeeId],
  );
  return result.rows.map((r) => r.year);
}
