import crypto from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { hashPassword } from '../../src/modules/auth/password';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { anonymous, loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

const MEMBERS = ['lolan.ottesen', 'kaare.harder.olesen', 'dennis.soerensen', 'maria.lundahl.assov', 'jack.noer', 'ali.abbasi', 'birgitte.dahl'];
const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

describe('minutes approval', () => {
  let t: TestDb;
  let app: Express;
  let secretary: Browser;
  let members: Map<string, Browser>;

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    secretary = await loginAs(app, 'sekretaer@demo.test');
    members = new Map();
    for (const m of MEMBERS) members.set(m, await loginAs(app, `${m}@demo.test`));
  });
  afterAll(() => t.drop());

  const member = (name: string) => members.get(name) as Browser;
  const hashOn = (html: string) => /name="hash" value="([0-9a-f]{64})"/.exec(html)?.[1] ?? '';

  it('shows the seed meeting as approved, with its approvers and a hash anyone can check', async () => {
    const page = await request(app).get('/dagsorden/social-og-sundhedsudvalget-06-04-2021').expect(200);
    const text = pageText(page.text);
    expect(text).toContain('Referatet er godkendt');
    expect(text).toContain('Kåre Harder Olesen (V), 13. april 2021');
    const hash = /<code class="content-hash">([0-9a-f]{64})<\/code>/.exec(page.text)?.[1];
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const json = await request(app).get('/dagsorden/social-og-sundhedsudvalget-06-04-2021/referat/version/1/referat.json').expect(200);
    expect(json.headers['content-type']).toMatch(/application\/json/);
    expect(sha256(json.text)).toBe(hash);
    expect(JSON.parse(json.text).items).toHaveLength(17);
  });

  it('takes a new meeting from draft to published by members clicking "Godkendt"; a correction asks them again', async () => {
    const sus = (await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id')).id;
    const planned = await secretary.post(`/admin/udvalg/${sus}/moeder`, { date: '2027-01-19', startTime: '16:00', location: 'Mødelokale 1' }).expect(303);
    const meetingId = Number(/(\d+)$/.exec(planned.headers.location ?? '')?.[1]);
    const created = await secretary.post(`/admin/moeder/${meetingId}/punkter`, { title: 'Kvalitetsrapport 2026', kind: 'regular', caseTitle: 'Kvalitetsrapport' }).expect(303);
    const itemId = Number(/(\d+)$/.exec(created.headers.location ?? '')?.[1]);
    await secretary.post(`/admin/moeder/${meetingId}/offentliggoer`).expect(303);
    await secretary.post(`/admin/moeder/${meetingId}/status`, { to: 'held' }).expect(303);

    const people = (await t.db('users').whereIn('email', MEMBERS.map((m) => `${m}@demo.test`)).pluck('person_id')) as number[];
    const attendance: Record<string, string> = { version: String((await t.db('meetings').where({ id: meetingId }).first('version')).version) };
    for (const id of people) Object.assign(attendance, { [`status_${id}`]: 'present', [`reason_${id}`]: '', [`substitute_${id}`]: '' });
    await secretary.post(`/admin/moeder/${meetingId}/fremmoede`, attendance).expect(303);
    const decide = async (phrase: string) => {
      const v = (await t.db('agenda_items').where({ id: itemId }).first('version')).version;
      await secretary.post(`/admin/punkter/${itemId}/beslutning`, { version: String(v), mode: 'whole', phrase }).expect(303);
    };
    await decide('recommendation_approved');
    await secretary.post(`/admin/moeder/${meetingId}/status`, { to: 'minutes_draft' }).expect(303);

    // Members can read the draft before it is released, but not approve it yet.
    const early = await member('lolan.ottesen').get(`/mine-moeder/${meetingId}`).expect(200);
    expect(pageText(early.text)).toContain('Udkast – ikke offentliggjort');
    expect(early.text).not.toContain('>Godkendt</button>');

    await secretary.post(`/admin/moeder/${meetingId}/frigiv`).expect(303);
    expect((await t.db('meetings').where({ id: meetingId }).first('status')).status).toBe('minutes_in_approval');
    const mails = await t.db('mail_outbox').where({ meeting_id: meetingId, kind: 'approval_request' }).pluck('to_address');
    expect(mails.sort()).toEqual(MEMBERS.map((m) => `${m}@demo.test`).sort());

    // Six approve what they read.
    for (const m of MEMBERS.slice(0, 6)) {
      const page = await member(m).get(`/mine-moeder/${meetingId}`).expect(200);
      await member(m).post(`/mine-moeder/${meetingId}/godkend`, { hash: hashOn(page.text) }).expect(303);
    }
    // Approving twice changes nothing.
    const again = await member('lolan.ottesen').get(`/mine-moeder/${meetingId}`);
    expect(pageText(again.text)).toContain('Du godkendte referatet');
    const before = await t.db('minutes_approvals').where({ meeting_id: meetingId }).count<{ count: number }[]>('* as count');
    await member('lolan.ottesen').post(`/mine-moeder/${meetingId}/godkend`, { hash: hashOn(early.text) || hashOn(again.text) || 'f'.repeat(64) });
    expect(await t.db('minutes_approvals').where({ meeting_id: meetingId }).count<{ count: number }[]>('* as count')).toEqual(before);

    // Birgitte writes a remark instead; the secretary corrects the decision, which voids the six approvals.
    const birgitte = await member('birgitte.dahl').get(`/mine-moeder/${meetingId}`);
    await member('birgitte.dahl').post(`/mine-moeder/${meetingId}/bemaerkning`, { hash: hashOn(birgitte.text), text: 'Beslutningen var "Taget til efterretning".' }).expect(303);
    const overview = await secretary.get(`/admin/moeder/${meetingId}/godkendelse`).expect(200);
    expect(pageText(overview.text)).toContain('Beslutningen var "Taget til efterretning".');
    await decide('noted');
    const asked = await member('lolan.ottesen').get(`/mine-moeder/${meetingId}`).expect(200);
    expect(pageText(asked.text)).toContain('Referatet er rettet, siden du godkendte det');
    expect(pageText(asked.text)).toContain('Taget til efterretning');
    // An approval of the old text is refused: the hash no longer matches.
    await member('kaare.harder.olesen').post(`/mine-moeder/${meetingId}/godkend`, { hash: hashOn(birgitte.text) }).expect(303);
    expect((await t.db('meetings').where({ id: meetingId }).first('status')).status).toBe('minutes_in_approval');

    for (const m of MEMBERS) {
      const page = await member(m).get(`/mine-moeder/${meetingId}`).expect(200);
      await member(m).post(`/mine-moeder/${meetingId}/godkend`, { hash: hashOn(page.text) }).expect(303);
    }
    expect((await t.db('meetings').where({ id: meetingId }).first('status')).status).toBe('minutes_published');

    const pub = await request(app).get('/dagsorden/social-og-sundhedsudvalget-19-01-2027').expect(200);
    const text = pageText(pub.text);
    expect(text).toContain('Referat Social- og Sundhedsudvalget');
    expect(text).toContain('Taget til efterretning');
    expect(text).toContain('Referatet er godkendt');
    for (const name of ['Lolan Ottesen (A)', 'Birgitte Dahl (O)', 'Ali Abbasi (Ø)']) expect(text).toContain(name);
    const hash = /<code class="content-hash">([0-9a-f]{64})<\/code>/.exec(pub.text)?.[1] ?? '';
    const json = await request(app).get('/dagsorden/social-og-sundhedsudvalget-19-01-2027/referat/version/1/referat.json').expect(200);
    expect(sha256(json.text)).toBe(hash);

    // Locked, in the database too.
    await expect(t.db('agenda_items').where({ id: itemId }).update({ decision: '<p>Forkastet</p>' })).rejects.toThrow(/låst/);
    const v = (await t.db('agenda_items').where({ id: itemId }).first('version')).version;
    const refused = await secretary.post(`/admin/punkter/${itemId}/beslutning`, { version: String(v), mode: 'whole', phrase: 'approved' });
    expect(refused.status).toBe(422);
  });

  it('lets the secretary register an approval for a member only with a reason that stays in the record', async () => {
    const meeting = await t.db('meetings').where({ slug: 'social-og-sundhedsudvalget-19-01-2027' }).first('id');
    await secretary.post(`/admin/moeder/${meeting.id}/godkend-for`, { hash: 'a'.repeat(64), personId: '1', reason: '' }).expect(422);
  });

  it('reopens only by an admin with a reason, keeps version 1 readable and shows what changed in version 2', async () => {
    const meeting = await t.db('meetings').where({ slug: 'social-og-sundhedsudvalget-19-01-2027' }).first('id');
    await secretary.post(`/admin/moeder/${meeting.id}/genaabn`, { reason: 'Forkert beslutning' }).expect(403);
    const admin = await loginAs(app, 'admin@demo.test');
    await admin.post(`/admin/moeder/${meeting.id}/genaabn`, { reason: '' }).expect(422);
    await admin.post(`/admin/moeder/${meeting.id}/genaabn`, { reason: 'Beslutningsteksten skal præciseres' }).expect(303);
    expect((await t.db('meetings').where({ id: meeting.id }).first('status')).status).toBe('minutes_draft');

    // The public still reads the approved version, with a notice.
    const during = pageText((await request(app).get('/dagsorden/social-og-sundhedsudvalget-19-01-2027').expect(200)).text);
    expect(during).toContain('Referatet er genåbnet for rettelse');
    expect(during).toContain('Beslutningsteksten skal præciseres');
    expect(during).toContain('Taget til efterretning');

    const item = await t.db('agenda_items').where({ meeting_id: meeting.id, kind: 'regular' }).first('id', 'version');
    await secretary.post(`/admin/punkter/${item.id}/beslutning`, { version: String(item.version), mode: 'whole', phrase: 'approved' }).expect(303);
    await secretary.post(`/admin/moeder/${meeting.id}/frigiv`).expect(303);
    for (const m of MEMBERS) {
      const page = await member(m).get(`/mine-moeder/${meeting.id}`).expect(200);
      await member(m).post(`/mine-moeder/${meeting.id}/godkend`, { hash: hashOn(page.text) }).expect(303);
    }
    expect((await t.db('meetings').where({ id: meeting.id }).first('status')).status).toBe('minutes_published');
    const versions = await t.db('minutes_versions').where({ meeting_id: meeting.id }).orderBy('version').select('version', 'content_hash');
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0].content_hash).not.toBe(versions[1].content_hash);

    const v1 = pageText((await request(app).get('/dagsorden/social-og-sundhedsudvalget-19-01-2027/referat/version/1').expect(200)).text);
    expect(v1).toContain('Dette er version 1 af referatet');
    expect(v1).toContain('Taget til efterretning');
    const diff = pageText((await request(app).get('/dagsorden/social-og-sundhedsudvalget-19-01-2027/referat/version/2/aendringer').expect(200)).text);
    expect(diff).toContain('Fjernet: Punkt 1, Beslutning: Taget til efterretning.');
    expect(diff).toContain('Tilføjet: Punkt 1, Beslutning: Godkendt.');
    const current = pageText((await request(app).get('/dagsorden/social-og-sundhedsudvalget-19-01-2027').expect(200)).text);
    expect(current).toContain('Godkendt.');
    expect(current).toContain('Version 1');
  });

  it('refuses a member of another committee', async () => {
    const meeting = await t.db('meetings').where({ slug: 'social-og-sundhedsudvalget-19-01-2027' }).first('id');
    const kfuPerson = await t.db('memberships as ms').join('committees as c', 'c.id', 'ms.committee_id').where('c.slug', 'kultur-og-fritidsudvalget').first('ms.person_id');
    await t.db('users').insert({ email: 'kfu-medlem@demo.test', name: 'KFU-medlem', password_hash: await hashPassword('demo'), role: 'member', person_id: kfuPerson.person_id });
    const other = await loginAs(app, 'kfu-medlem@demo.test');
    await other.get(`/mine-moeder/${meeting.id}`).expect(403);
    await other.post(`/mine-moeder/${meeting.id}/godkend`, { hash: 'a'.repeat(64) }).expect(403);
    const anon = await anonymous(app);
    expect((await anon.get(`/mine-moeder/${meeting.id}`)).status).toBe(303);
  });
});
