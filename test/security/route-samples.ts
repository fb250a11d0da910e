import { createPublication } from '../../src/modules/approval/publication';
import { createMailer } from '../../src/modules/mail/mailer';
import { allRoutes } from '../../src/routes';
import { noPageCache } from '../../src/web/page-cache';
import type { RouteDef } from '../../src/web/route-table';
import { fixedNow } from '../helpers/clock';
import type { TestDb } from '../helpers/test-db';

/* Sample path parameters for the route-table, authorization-matrix and fuzz tests (test/security). */

/** Every path parameter of the route table, filled with a real row of the demo data (a Social- og Sundhedsudvalget one). */
export async function sampleParams(t: TestDb): Promise<Record<string, string>> {
  const sus = await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id');
  const meeting = await t.db('meetings').where({ committee_id: sus.id, status: 'agenda_published' }).first('id', 'slug');
  const item = await t.db('agenda_items').where({ meeting_id: meeting.id, kind: 'regular', is_closed: false }).first('id');
  const seedMeeting = await t.db('meetings').where({ slug: 'social-og-sundhedsudvalget-06-04-2021' }).first('id');
  const table = await t.db('budget_tables as b').join('agenda_items as i', 'i.id', 'b.item_id').where('i.meeting_id', seedMeeting.id).first('b.id');
  const attachment = await t.db('attachments').where({ item_id: item.id }).first('id');
  const subPoint = await t.db('sub_points as s').join('agenda_items as i', 'i.id', 's.item_id').where('i.meeting_id', meeting.id).first('s.id');
  const membership = await t.db('memberships').where({ committee_id: sus.id }).first('id');
  const user = await t.db('users').where({ email: 'sekretaer@demo.test' }).first('id');
  const board = await t.db('committees').where({ kind: 'advisory_board' }).first('id');
  return {
    committeeId: String(sus.id),
    meetingId: String(meeting.id),
    itemId: String(item.id),
    tableId: String(table.id),
    attachmentId: String(attachment.id),
    subPointId: String(subPoint.id),
    membershipId: String(membership.id),
    userId: String(user.id),
    slug: meeting.slug,
    number: '1',
    fileName: 'bilag.pdf',
    version: '1',
    // Routes are authorized on the meeting before the remark is looked up.
    remarkId: '1',
    boardId: String(board.id),
    year: '2018',
    // Consultation routes are authorized on the item before the consultation, party or point is looked up.
    consultationId: '1',
    partyId: '1',
    pointId: '1',
    token: 'x'.repeat(43),
    ref: '27.00.00-A00-9-22',
    // OParl ids: authorization-free, a lookup answer (200 or 404) is all the matrix asks.
    bodyId: '1',
    termId: '1',
    organizationId: String(sus.id),
    personId: '1',
    agendaItemId: String(item.id),
    paperId: '1',
    fileId: String(attachment.id),
    locationId: '1',
    motionId: '1',
    voteEventId: '1',
    voteId: '1',
    // The shelf of a numbered OParl object (oparl/urls.ts): not the sample ids', so a 404 lookup answer
    shelf: '0',
    // A list's second page (a 404 where the list has one page: a lookup answer all the same)
    page: '2',
  };
}

export function fillPath(path: string, params: Record<string, string>): string {
  return path
    .replace(/\*rest/, 'findes-ikke')
    .replace(/:([A-Za-z]+)/g, (_m, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`no sample value for :${name} in ${path} — add one to sampleParams in test/security/route-samples.ts`);
      return value;
    });
}

export function routeDefs(t: TestDb): RouteDef[] {
  return allRoutes({
    db: t.db,
    now: fixedNow,
    files: { dir: '/nonexistent', maxBytes: 1 },
    config: { env: 'test' },
    mailer: createMailer({ smtpUrl: undefined, from: 'x <x@x.invalid>', baseUrl: 'http://x' }),
    publication: createPublication(),
    cache: noPageCache(),
  });
}


/** The filters and page size every OParl list reads from its query string (src/modules/oparl/list-query.ts), and a stray one. */
const OPARL_LIST_QUERY = ['created_since', 'created_until', 'modified_since', 'modified_until', 'limit', 'elementsPerPage', 'page', 'omit_internal'];

/**
 * The query-string parameters each GET route reads (by its route-table path), for the fuzz test.
 * The OParl lists are found by their path (…/meeting.json, …/page-:page.json) in queryParamsOf.
 */
export const QUERY_PARAMS: Record<string, string[]> = {
  '/soeg': ['q', 'udvalg', 'aar', 'type', 'side'],
  '/login': ['next'],
  '/admin/fremmoede': ['aar'],
  '/admin/udvalg/:committeeId/fremmoede': ['aar'],
};

/** The query-string parameters of a GET route: QUERY_PARAMS, and the filters of every OParl list. */
export function queryParamsOf(def: RouteDef): string[] {
  if (def.method !== 'get') return [];
  const listed = QUERY_PARAMS[def.path] ?? [];
  // An OParl list ends in a list's name or a page (…/body.json, …/meeting/page-:page.json); an object in its id (…/:meetingId.json).
  const oparlList = def.path.startsWith('/oparl/') && /\.json$/.test(def.path) && !/\/:[A-Za-z]+\.json$/.test(def.path) && !def.path.endsWith('/system.json');
  return oparlList ? [...new Set([...listed, ...OPARL_LIST_QUERY])] : listed;
}
