import { readOparlKeys, type OparlKeys } from '../../src/modules/oparl/static-plan';
import { objectStampsOf, readStamps } from '../../src/modules/publishing/change-stamps';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/**
 * The keys of the OParl objects, as the planning thread of a publishing process reads them: after the first
 * publish, only the objects of the meetings whose stamps changed are read again. Whatever changed, the keys
 * come out as reading them all would give them.
 */
let t: TestDb;
beforeAll(async () => {
  t = await cloneDemoDatabase();
});
afterAll(async () => {
  await t.drop();
});

const options = { withPdfs: true, today: '2026-11-28' };
const stampsNow = async () => objectStampsOf(await readStamps(t.db, new Date()));
const meetingsOf = (keys: OparlKeys) => new Set(keys.meetings.map((k) => k.id));

test('read again for the changed meetings alone, the keys are what reading them all gives', async () => {
  // Meetings with open items, one of them with votes, their minutes reopened (a draft is public, and can be changed).
  const published = () =>
    t
      .db('meetings as m')
      .join('committees as c', 'c.id', 'm.committee_id')
      .whereNot('c.kind', 'external_party')
      .where('m.status', 'minutes_published')
      .whereExists(t.db('agenda_items as i').whereRaw('i.meeting_id = m.id').where('i.is_closed', false))
      .orderBy('m.id');
  const voted = (await published().whereExists(t.db('agenda_items as i').join('votes as v', 'v.item_id', 'i.id').whereRaw('i.meeting_id = m.id')).first('m.id')) as { id: number };
  const open = (await published().whereNot('m.id', voted.id).limit(4).pluck('m.id')) as number[];
  expect(open.length).toBe(4);
  await t.db('meetings').whereIn('id', [...open, voted.id]).update({ status: 'minutes_draft', updated_at: t.db.fn.now() });
  const [from, to, withdrawn, retitled] = open as [number, number, number, number];
  const stamps = await stampsNow();
  const before = await readOparlKeys(t.db, options, stamps);
  // An item moves from one meeting to another; a meeting goes back to planned (its objects leave the API); an
  // item gets a new title; a vote is deleted, and its ballots with it.
  const moved = (await t.db('agenda_items').where({ meeting_id: from, is_closed: false }).orderBy('id').first('id')) as { id: number };
  await t.db('agenda_items').where({ id: moved.id }).update({ meeting_id: to, number: 901, position: 901, updated_at: t.db.fn.now() });
  await t.db('meetings').where({ id: withdrawn }).update({ status: 'planned', updated_at: t.db.fn.now() });
  await t.db('agenda_items').where({ meeting_id: retitled }).update({ title: 'En ny titel', updated_at: t.db.fn.now() });
  const vote = (await t.db('votes as v').join('agenda_items as i', 'i.id', 'v.item_id').where('i.meeting_id', voted.id).whereExists(t.db('vote_ballots as b').whereRaw('b.vote_id = v.id')).first('v.id')) as { id: number };
  await t.db('vote_ballots').where({ vote_id: vote.id }).delete();
  await t.db('votes').where({ id: vote.id }).delete();

  const after = await stampsNow();
  // No site-wide data changed: the meetings' objects are read again only for the meetings that changed.
  expect(after.site).toBe(stamps.site);
  const again = await readOparlKeys(t.db, options, after, { stamps, keys: before });
  const whole = await readOparlKeys(t.db, options, after);
  expect(again).toEqual(whole);
  expect(again).not.toEqual(before);
  expect(meetingsOf(before).has(withdrawn)).toBe(true);
  expect(meetingsOf(again).has(withdrawn)).toBe(false);
  expect(again.items.find((k) => k.id === moved.id)?.meetingId).toBe(to);
  expect(before.voteEvents.some((v) => v.id === vote.id) && before.ballots.some((b) => b.voteId === vote.id)).toBe(true);
  expect(again.voteEvents.some((v) => v.id === vote.id) || again.ballots.some((b) => b.voteId === vote.id)).toBe(false);
  // The objects of a meeting that did not change were not read again: the keys read before.
  const untouched = [...after.meetingById].find(([id, stamp]) => stamps.meetingById.get(id) === stamp && before.items.some((k) => k.meetingId === id))?.[0];
  const kept = before.items.find((k) => k.meetingId === untouched);
  expect(kept).toBeDefined();
  expect(again.items.find((k) => k.id === kept?.id)).toBe(kept);
});

test('after a change to site-wide data, every key is read again', async () => {
  const stamps = await stampsNow();
  const before = await readOparlKeys(t.db, options, stamps);
  // A committee becomes an outside party: its meetings leave the API, though none of them changed.
  const committee = (await t.db('committees as c').join('meetings as m', 'm.committee_id', 'c.id').where('m.status', 'minutes_published').whereNot('c.kind', 'external_party').first('c.id')) as { id: number };
  const itsMeetings = (await t.db('meetings').where({ committee_id: committee.id }).pluck('id')) as number[];
  await t.db('committees').where({ id: committee.id }).update({ kind: 'external_party', updated_at: t.db.fn.now() });
  const after = await stampsNow();
  expect(itsMeetings.every((id) => after.meetingById.get(id) === stamps.meetingById.get(id))).toBe(true);
  const again = await readOparlKeys(t.db, options, after, { stamps, keys: before });
  expect(again).toEqual(await readOparlKeys(t.db, options, after));
  expect(again.meetings.some((k) => itsMeetings.includes(k.id ?? 0))).toBe(false);
  expect(before.meetings.some((k) => itsMeetings.includes(k.id ?? 0))).toBe(true);
});
