import * as repo from '../../src/modules/oparl/repository';
import { scopeOfObject } from '../../src/modules/oparl/static-plan';
import { compactChanges, readItemStamps, readStamps, scopeOfPath, stampOf, stampOfScope } from '../../src/modules/publishing/change-stamps';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/**
 * Change tracking (migration track_content_changes): every table public pages are made
 * from announces its changes (NOTIFY for the page cache, content_changes for the
 * publisher's stamps). A new table must be tracked, or named here as holding nothing
 * a citizen sees.
 */
const UNTRACKED = [
  'attachment_texts', // text extracted from attachments for search, derived
  'audit_log',
  'content_changes',
  'knex_migrations',
  'knex_migrations_lock',
  'login_failures',
  'mail_outbox',
  'search_documents', // derived from the items by triggers
  'search_words',
  'session',
  'user_committees',
  'users',
];

let t: TestDb;
beforeAll(async () => {
  t = await cloneDemoDatabase();
});
afterAll(async () => {
  await t.drop();
});

const lastChange = async () => (await t.db('content_changes').orderBy('seq', 'desc').first('seq', 'meeting_id')) as { seq: number; meeting_id: number | null };

test('every table is tracked, or named as holding nothing public', async () => {
  const tables = (await t.db('pg_tables').where({ schemaname: 'public' }).pluck('tablename')) as string[];
  const tracked = new Set(
    (await t.db.raw<{ rows: Array<{ table: string }> }>(`SELECT c.relname AS table FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND g.tgname = 'moedebog_changes'`)).rows.map((r) => r.table),
  );
  const neither = tables.filter((name) => !tracked.has(name) && !UNTRACKED.includes(name));
  expect(neither).toEqual([]);
  expect(UNTRACKED.filter((name) => tracked.has(name))).toEqual([]);
});

test('a change is logged under the meeting it belongs to, through its parents; other data under none', async () => {
  const ballot = (await t.db('vote_ballots as b').join('votes as v', 'v.id', 'b.vote_id').join('agenda_items as i', 'i.id', 'v.item_id').first('b.vote_id', 'b.person_id', 'i.meeting_id')) as { vote_id: number; person_id: number; meeting_id: number };
  const before = await lastChange();
  // A locked (approved) meeting refuses the change itself; the log is written only for what commits.
  const locked = await t.db('vote_ballots').where({ vote_id: ballot.vote_id, person_id: ballot.person_id }).update({ choice: 'abstain' }).then(() => false, () => true);
  if (locked) expect((await lastChange()).seq).toBe(before.seq);
  else expect(await lastChange()).toMatchObject({ meeting_id: ballot.meeting_id });

  const open = (await t.db('agenda_items as i').join('meetings as m', 'm.id', 'i.meeting_id').where('m.status', 'agenda_published').first('i.id', 'i.meeting_id')) as { id: number; meeting_id: number };
  await t.db('recommendation_points').insert({ item_id: open.id, number: 99, text: '<p>Et nyt indstillingspunkt</p>' });
  expect(await lastChange()).toMatchObject({ meeting_id: open.meeting_id });

  await t.db('committees').where({ slug: 'udsatteraadet' }).update({ name: 'Udsatterådet i Albertslund' });
  expect(await lastChange()).toMatchObject({ meeting_id: null });
});

test('a meeting stamp changes with the meeting and with the meetings that share a case with it, and no other', async () => {
  const item = (await t.db('agenda_items as i').join('meetings as m', 'm.id', 'i.meeting_id').where('m.status', 'agenda_published').whereNotNull('i.case_id').first('i.id', 'i.meeting_id')) as { id: number; meeting_id: number };
  const related = new Set(
    (await t.db.raw<{ rows: Array<{ id: number }> }>('SELECT DISTINCT b.meeting_id AS id FROM agenda_items a JOIN agenda_items b ON b.case_id = a.case_id WHERE a.meeting_id = ?', [item.meeting_id])).rows.map((r) => r.id),
  );
  expect(related.size).toBeGreaterThan(1);
  const before = await readStamps(t.db, new Date());
  await t.db('agenda_items').where({ id: item.id }).update({ title: 'Ny titel' });
  const after = await readStamps(t.db, new Date());
  const changed = [...before.meetingById.keys()].filter((id) => after.meetingById.get(id) !== before.meetingById.get(id));
  expect(changed.sort()).toEqual([...related].sort());
  expect(changed.length).toBeLessThan(before.meetingById.size);
  expect(after.site).toBe(before.site);
});

test('a change names the item it belongs to, through its children; a change to the meeting names none', async () => {
  const last = async () => (await t.db('content_changes').orderBy('seq', 'desc').first('meeting_id', 'item_id')) as { meeting_id: number | null; item_id: number | null };
  const [item, sibling] = (await t.db('agenda_items as i').join('meetings as m', 'm.id', 'i.meeting_id').where('m.status', 'agenda_published').orderBy(['i.meeting_id', 'i.number']).limit(2).select('i.id', 'i.meeting_id')) as Array<{ id: number; meeting_id: number }>;
  if (!item || !sibling || item.meeting_id !== sibling.meeting_id) throw new Error('the demo data has a published agenda of two items');
  await t.db('agenda_items').where({ id: item.id }).update({ title: 'Ny titel på punktet' });
  expect(await last()).toEqual({ meeting_id: item.meeting_id, item_id: item.id });
  await t.db('recommendation_points').insert({ item_id: sibling.id, number: 98, text: '<p>Endnu et indstillingspunkt</p>' });
  expect(await last()).toEqual({ meeting_id: item.meeting_id, item_id: sibling.id });
  // A ballot finds its item through its vote.
  const [vote] = (await t.db('votes').insert({ item_id: item.id, point_number: 1, position: 99 }).returning('id')) as Array<{ id: number }>;
  // A change of the whole site between: the ballot's own row must come after it.
  await t.db('content_changes').insert({ meeting_id: null });
  const person = (await t.db('people').orderBy('id').first('id')) as { id: number };
  await t.db('vote_ballots').insert({ vote_id: vote?.id, person_id: person.id, choice: 'for', position: 1 });
  expect(await last()).toEqual({ meeting_id: item.meeting_id, item_id: item.id });
  await t.db('meetings').where({ id: item.meeting_id }).update({ location: 'Rådhuset, mødesal 2' });
  expect(await last()).toEqual({ meeting_id: item.meeting_id, item_id: null });
});

test("an item page's stamp changes with its item, its meeting and the items it shares a case with, not with its other siblings", async () => {
  const meetingId = (await t.db('agenda_items as i').join('meetings as m', 'm.id', 'i.meeting_id').where('m.status', 'agenda_published').groupBy('i.meeting_id').havingRaw('count(*) >= 3').orderBy('i.meeting_id').first('i.meeting_id')) as { meeting_id: number };
  const items = (await t.db('agenda_items').where({ meeting_id: meetingId.meeting_id }).orderBy('number').select('id', 'number', 'case_id')) as Array<{ id: number; number: number; case_id: number | null }>;
  const [first, second, third] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0]];
  const read = async () => {
    const stamps = await readStamps(t.db, new Date());
    await readItemStamps(t.db, stamps, [meetingId.meeting_id]);
    return new Map(items.map((i) => [i.id, stampOfScope(stamps, { kind: 'item', slug: slugOf(stamps, meetingId.meeting_id), number: i.number })]));
  };
  const slugOf = (stamps: Awaited<ReturnType<typeof readStamps>>, id: number) => [...stamps.meetingBySlug].find(([, m]) => m === id)?.[0] ?? '';
  // Two items of the meeting on one case, a third on another.
  const [caseA, caseB] = (await t.db('cases').orderBy('id').limit(2).pluck('id')) as number[];
  await t.db('agenda_items').whereIn('id', [first.id, second.id]).update({ case_id: caseA });
  await t.db('agenda_items').where({ id: third.id }).update({ case_id: caseB });
  const before = await read();
  for (const stamp of before.values()) expect(stamp).toMatch(/^[0-9a-f]{64}$/);
  expect(new Set(before.values()).size).toBe(items.length);

  await t.db('agenda_items').where({ id: third.id }).update({ title: 'Kun dette punkt er ændret' });
  const afterOwn = await read();
  expect(items.filter((i) => afterOwn.get(i.id) !== before.get(i.id)).map((i) => i.id)).toEqual([third.id]);

  // A child row of the first item: the first and the second, its case's other item.
  await t.db('recommendation_points').insert({ item_id: first.id, number: 97, text: '<p>Et punkt</p>' });
  const afterCase = await read();
  expect(items.filter((i) => afterCase.get(i.id) !== afterOwn.get(i.id)).map((i) => i.id).sort()).toEqual([first.id, second.id].sort());

  // The meeting itself: every item.
  await t.db('meetings').where({ id: meetingId.meeting_id }).update({ location: 'Byrådssalen' });
  const afterMeeting = await read();
  for (const item of items) expect(afterMeeting.get(item.id)).not.toBe(afterCase.get(item.id));

  // Kept when the log is compacted.
  await compactChanges(t.db);
  expect(await read()).toEqual(afterMeeting);
});

/** A public attachment of an open item on a published agenda (minutes not locked), given a stored file (the demo's have none). */
async function withFile(): Promise<{ id: number; meeting_id: number }> {
  const attachment = (await t
    .db('attachments as a')
    .join('agenda_items as i', 'i.id', 'a.item_id')
    .join('meetings as m', 'm.id', 'i.meeting_id')
    .where({ 'a.is_public': true, 'i.is_closed': false, 'm.status': 'agenda_published' })
    .orderBy('a.id')
    .first('a.id', 'i.meeting_id')) as { id: number; meeting_id: number };
  await t.db('attachments').where({ id: attachment.id }).update({ storage_key: `test-${attachment.id}` });
  return attachment;
}

test('paths know their scope: meeting pages, attachments, case pages, committee pages, pages over all meetings; others have none', async () => {
  expect(scopeOfPath('/dagsorden/social-og-sundhedsudvalget-06-04-2021')).toEqual({ kind: 'meeting', slug: 'social-og-sundhedsudvalget-06-04-2021' });
  expect(scopeOfPath('/dagsorden/social-og-sundhedsudvalget-06-04-2021/punkt-3')).toEqual({ kind: 'item', slug: 'social-og-sundhedsudvalget-06-04-2021', number: 3 });
  expect(scopeOfPath('/dagsorden/social-og-sundhedsudvalget-06-04-2021/referat/version/2')).toEqual({ kind: 'meeting', slug: 'social-og-sundhedsudvalget-06-04-2021' });
  expect(scopeOfPath('/bilag/12/bilag.pdf')).toEqual({ kind: 'attachment', id: 12 });
  expect(scopeOfPath('/udvalg/social-og-sundhedsudvalget')).toEqual({ kind: 'committee', slug: 'social-og-sundhedsudvalget' });
  expect(scopeOfPath('/udvalg/social-og-sundhedsudvalget/kalender.ics')).toEqual({ kind: 'committee', slug: 'social-og-sundhedsudvalget' });
  expect(scopeOfPath('/udvalg/social-og-sundhedsudvalget/andet')).toBeNull();
  for (const p of ['/feeds/rss.xml', '/feeds/atom.xml', '/kalender.ics']) expect(scopeOfPath(p)).toEqual({ kind: 'everything' });
  // The front page lists meetings without their items; the list of committees is site-wide data alone.
  expect(scopeOfPath('/')).toEqual({ kind: 'meetingList' });
  expect(scopeOfPath('/udvalg')).toEqual({ kind: 'site' });
  // The static site's search page is Pagefind's: the code and the site-wide data.
  expect(scopeOfPath('/soeg')).toEqual({ kind: 'site' });
  expect(scopeOfPath('/hoeringer')).toBeNull();
  const stamps = await readStamps(t.db, new Date());
  expect(stampOf(stamps, '/bilag/0/x.pdf')).toBeNull();
  // An attachment's file is made from its meeting's data.
  const attachment = await withFile();
  const withAttachment = await readStamps(t.db, new Date());
  expect(stampOf(withAttachment, `/bilag/${attachment.id}/bilag.pdf`)).toBe(withAttachment.meetingById.get(attachment.meeting_id));
});

test('OParl objects know their scope by their kind and key; the keys carry the meeting', async () => {
  // An item, its consultation (one per open item on a case), an attachment and a meeting's PDF: their meeting's.
  expect(scopeOfObject('agendaItem', { id: 7, meetingId: 3 })).toEqual({ kind: 'meetingId', id: 3 });
  expect(scopeOfObject('consultation', { id: 7, meetingId: 3 })).toEqual({ kind: 'meetingId', id: 3 });
  expect(scopeOfObject('meeting', { id: 3 })).toEqual({ kind: 'meetingId', id: 3 });
  expect(scopeOfObject('file', { grp: 0, num: 12, meetingId: 5 })).toEqual({ kind: 'meetingId', id: 5 });
  expect(scopeOfObject('file', { grp: 1, num: 3, variant: 'referat', meetingId: 3 })).toEqual({ kind: 'meetingId', id: 3 });
  expect(scopeOfObject('paper', { id: 8 })).toEqual({ kind: 'caseId', id: 8 });
  expect(scopeOfObject('location', { key: '0a1b2c3d' })).toEqual({ kind: 'everything' });
  for (const kind of ['body', 'organization', 'person', 'membership', 'legislativeTerm'] as const) expect(scopeOfObject(kind, { id: 4, bodyId: 1, startYear: 2022 })).toEqual({ kind: 'site' });
  // The keys the publisher reads name each object's own meeting.
  const options = { withPdfs: true, today: '2026-11-27' };
  const meetingOf = async (table: string, ids: number[]) =>
    new Map(((await t.db(`${table} as x`).join('agenda_items as i', 'i.id', table === 'agenda_items' ? 'x.id' : 'x.item_id').whereIn('x.id', ids).select('x.id', 'i.meeting_id')) as Array<{ id: number; meeting_id: number }>).map((r) => [r.id, r.meeting_id]));
  const items = await repo.allKeys(t.db, 'agendaItem', options);
  const itemMeetings = await meetingOf('agenda_items', items.map((k) => k.id ?? 0));
  expect(items.length).toBeGreaterThan(50);
  for (const key of items) expect(key.meetingId).toBe(itemMeetings.get(key.id ?? 0));
  await withFile();
  const files = await repo.allKeys(t.db, 'file', options);
  const attachments = files.filter((k) => k.grp === 0);
  const attachmentMeetings = await meetingOf('attachments', attachments.map((k) => k.num ?? 0));
  expect(attachments.length).toBeGreaterThan(0);
  for (const key of attachments) expect(key.meetingId).toBe(attachmentMeetings.get(key.num ?? 0));
  for (const key of files.filter((k) => k.grp === 1)) expect(key.meetingId).toBe(key.num);
  const votes = await repo.voteEventKeys(t.db);
  const voteMeetings = await meetingOf('votes', votes.map((v) => v.id));
  expect(votes.length).toBeGreaterThan(0);
  for (const vote of votes) expect(vote.meetingId).toBe(voteMeetings.get(vote.id));
  const amendments = await repo.amendmentMotionKeys(t.db);
  const amendmentMeetings = await meetingOf('amendments', amendments.map((a) => a.id));
  for (const amendment of amendments) expect(amendment.meetingId).toBe(amendmentMeetings.get(amendment.id));
  // Their stamps are their meeting's.
  const stamps = await readStamps(t.db, new Date());
  const vote = votes[0] as { meetingId: number };
  expect(stampOfScope(stamps, { kind: 'meetingId', id: vote.meetingId })).toBe(stamps.meetingById.get(vote.meetingId));
});

test('a committee\'s pages follow its meetings; the front page follows every meeting and the next to start', async () => {
  // A change of an item: the feeds and calendars over all meetings follow it, the front page (no items) does not.
  const item = (await t.db('agenda_items as i').join('meetings as m', 'm.id', 'i.meeting_id').where('m.status', 'agenda_published').first('i.id')) as { id: number };
  const beforeItem = await readStamps(t.db, new Date());
  await t.db('agenda_items').where({ id: item.id }).update({ title: 'En ny titel, som forsiden ikke viser' });
  const afterItem = await readStamps(t.db, new Date());
  expect(afterItem.everything).not.toBe(beforeItem.everything);
  expect(stampOf(afterItem, '/')).toBe(stampOf(beforeItem, '/'));
  expect(stampOf(afterItem, '/udvalg')).toBe(stampOf(beforeItem, '/udvalg'));

  const meeting = (await t.db('meetings as m').join('committees as c', 'c.id', 'm.committee_id').where('m.status', 'agenda_published').first('m.id', 'c.slug')) as { id: number; slug: string };
  const other = (await t.db('committees').whereNot('slug', meeting.slug).whereExists(t.db('meetings').whereRaw('meetings.committee_id = committees.id')).first('slug')) as { slug: string };
  const before = await readStamps(t.db, new Date());
  await t.db('meetings').where({ id: meeting.id }).update({ cancelled: true });
  const after = await readStamps(t.db, new Date());
  expect(stampOf(after, `/udvalg/${meeting.slug}`)).not.toBe(stampOf(before, `/udvalg/${meeting.slug}`));
  expect(stampOf(after, `/udvalg/${other.slug}/rss.xml`)).toBe(stampOf(before, `/udvalg/${other.slug}/rss.xml`));
  expect(after.everything).not.toBe(before.everything);
  expect(stampOf(after, '/')).not.toBe(stampOf(before, '/'));
  expect(after.site).toBe(before.site);
  // Nothing changed, but a meeting has begun: the front page's list of upcoming meetings changes.
  const held = (await t.db('meetings').where({ status: 'minutes_published', cancelled: false }).orderBy('starts_at', 'desc').first('starts_at')) as { starts_at: Date };
  const justBefore = await readStamps(t.db, new Date(held.starts_at.getTime() - 1000));
  const justAfter = await readStamps(t.db, new Date(held.starts_at.getTime() + 1000));
  expect(justAfter.everything).not.toBe(justBefore.everything);
  expect(stampOf(justAfter, '/')).not.toBe(stampOf(justBefore, '/'));
  expect(justAfter.committeeBySlug).toEqual(justBefore.committeeBySlug);
});
