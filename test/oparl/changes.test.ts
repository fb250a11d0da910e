import fs from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { shelfOf } from '../../src/modules/oparl/urls';
import { testApp } from '../helpers/app';
import { loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { API, oparlClient, type Json, type OparlClient } from './client';
import { loadSchemas, schemaForType, validate } from './schema-validator';

const PDF = fs.readFileSync(path.resolve(__dirname, '../fixtures/attachments/minimal.pdf'));
const schemas = loadSchemas();

function expectValid(object: Json): void {
  const schema = schemaForType(object.type, schemas);
  if (!schema) throw new Error(`no schema for ${String(object.type)}`);
  expect(validate(object, schema, schemas, String(object.id))).toEqual([]);
}

/** A soft-deleted object: only id, type, created, modified and deleted: true (OParl 1.1, 2.8). */
function expectTombstone(object: Json): void {
  expect(Object.keys(object).sort()).toEqual(['created', 'deleted', 'id', 'modified', 'type']);
  expect(object.deleted).toBe(true);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A moment after everything the database holds so far, to the second (the API
 * compares times to the second, as it shows them).
 */
async function nextSecond(t: TestDb): Promise<string> {
  await sleep(1100);
  const now = ((await t.db.raw('SELECT now() AS now')) as { rows: Array<{ now: Date }> }).rows[0]?.now as Date;
  return new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString();
}

describe('the OParl API follows changes made in the admin', () => {
  let t: TestDb;
  let app: Express;
  let client: OparlClient;
  let secretary: Browser;
  let upcoming: { id: number; items: { regular: number } };

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    client = oparlClient(app);
    secretary = await loginAs(app, 'sekretaer@demo.test');
    const meeting = await t.db('meetings').where({ status: 'agenda_published' }).first('id');
    const regular = await t.db('agenda_items').where({ meeting_id: meeting.id, kind: 'regular', is_closed: false }).first('id');
    upcoming = { id: meeting.id, items: { regular: regular.id } };
  });
  afterAll(() => t.drop());

  it('lists an uploaded public attachment as a File that downloads, and as a tombstone once it is made non-public', async () => {
    const itemId = upcoming.items.regular;
    const version = String((await t.db('agenda_items').where({ id: itemId }).first('version')).version);
    const since = await nextSecond(t);
    await secretary.agent
      .post(`/admin/punkter/${itemId}/bilag?_csrf=${encodeURIComponent(secretary.csrf)}`)
      .field('version', version)
      .field('title', 'Tidsplan for høring')
      .field('public', 'on')
      .field('changeNote', 'Tidsplan tilføjet')
      .attach('file', PDF, 'Tidsplan for høring.pdf')
      .expect(303);
    const attachment = await t.db('attachments').where({ item_id: itemId }).orderBy('id', 'desc').first('id');

    const item = (await client.get(`${API}/agendaItem/${shelfOf(itemId)}/${itemId}.json`)).body;
    expectValid(item);
    const embedded = (item.auxiliaryFile as Json[]).find((f) => f.id === `${API}/file/${shelfOf(attachment.id)}/${attachment.id}.json`) as Json;
    expect(embedded).toMatchObject({ name: 'Tidsplan for høring', fileName: 'Tidsplan for høring.pdf', mimeType: 'application/pdf', size: PDF.length });
    expect(embedded.agendaItem).toBeUndefined();
    const download = await request(app).get(client.pathOf(String(embedded.accessUrl))).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');

    const file = (await client.get(String(embedded.id))).body;
    expectValid(file);
    expect(file).toMatchObject({ agendaItem: [item.id], meeting: [item.meeting] });
    expect(file.paper).toEqual([String((await client.get(String(item.consultation))).body.paper)]);
    const newFiles = (await client.all(`${API}/body/1/file.json?modified_since=${encodeURIComponent(since)}`)).objects;
    expect(newFiles.map((f) => f.id)).toContain(file.id);
    // The item changed too (a change note was recorded), and so did its meeting, in which it is embedded.
    expect((await client.all(`${API}/body/1/agendaItem.json?modified_since=${encodeURIComponent(since)}`)).objects.map((i) => i.id)).toEqual([item.id]);
    expect((await client.all(`${API}/body/1/meeting.json?modified_since=${encodeURIComponent(since)}`)).objects.map((m) => m.id)).toEqual([item.meeting]);

    const row = await t.db('attachments').where({ id: attachment.id }).first('title');
    const itemVersion = String((await t.db('agenda_items').where({ id: itemId }).first('version')).version);
    await secretary.post(`/admin/bilag/${attachment.id}`, { version: itemVersion, title: row.title, changeNote: 'Bilaget er trukket tilbage', action: 'save' }).expect(303);
    expect((await t.db('attachments').where({ id: attachment.id }).first('is_public')).is_public).toBe(false);

    expectTombstone((await client.get(`${API}/file/${shelfOf(attachment.id)}/${attachment.id}.json`)).body);
    const after = (await client.get(`${API}/agendaItem/${shelfOf(itemId)}/${itemId}.json`)).body;
    expect(((after.auxiliaryFile as Json[] | undefined) ?? []).map((f) => f.id)).not.toContain(file.id);
    const listed = (await client.all(`${API}/body/1/file.json`)).objects.find((f) => f.id === file.id) as Json;
    expectTombstone(listed);
  });

  it('shows a meeting cancelled after its agenda was published as cancelled, and modified_since finds only what changed', async () => {
    const since = await nextSecond(t);
    await secretary.post(`/admin/moeder/${upcoming.id}/aflys`).expect(303);
    expect((await t.db('meetings').where({ id: upcoming.id }).first('cancelled')).cancelled).toBe(true);

    const meeting = (await client.get(`${API}/meeting/${shelfOf(upcoming.id)}/${upcoming.id}.json`)).body;
    expectValid(meeting);
    expect(meeting.cancelled).toBe(true);
    expect(Date.parse(String(meeting.modified))).toBeGreaterThanOrEqual(Date.parse(since));

    // A raw "+" in the query (a space once decoded) is read as the offset's sign.
    const local = new Date(since).toLocaleString('sv-SE', { timeZone: 'Europe/Copenhagen' }).replace(' ', 'T');
    const offset = `+0${(Date.parse(`${local}Z`) - Date.parse(since)) / 3_600_000}:00`;
    for (const value of [encodeURIComponent(since), `${local}${offset}`]) {
      const changed = (await client.all(`${API}/body/1/meeting.json?modified_since=${value}`)).objects;
      expect(changed.map((m) => m.id)).toEqual([meeting.id]);
    }
    const before = (await client.all(`${API}/body/1/meeting.json?modified_until=${encodeURIComponent(new Date(Date.parse(since) - 1000).toISOString())}`)).objects;
    expect(before.length).toBeGreaterThan(4);
    expect(before.map((m) => m.id)).not.toContain(meeting.id);
    // Nothing else changed.
    expect((await client.all(`${API}/body/1/agendaItem.json?modified_since=${encodeURIComponent(since)}`)).objects).toEqual([]);
    expect((await client.all(`${API}/body/1/organization.json?modified_since=${encodeURIComponent(since)}`)).objects).toEqual([]);
  });

  it('withdraws decisions and votes while approved minutes are reopened', async () => {
    const seed = await t.db('meetings').where({ slug: 'social-og-sundhedsudvalget-06-04-2021' }).first('id');
    const item = await t.db('agenda_items').where({ meeting_id: seed.id, number: 14 }).first('id');
    const published = (await client.get(`${API}/agendaItem/${shelfOf(item.id)}/${item.id}.json`)).body;
    const motionUrl = (published['moedebog:motion'] as string[])[0] as string;
    const motion = (await client.get(motionUrl)).body;
    const eventUrl = (motion.voteEvent as string[])[0] as string;
    expect(published.resolutionText).toBeDefined();

    const admin = await loginAs(app, 'admin@demo.test');
    await admin.post(`/admin/moeder/${seed.id}/genaabn`, { reason: 'Et navn var stavet forkert' }).expect(303);
    expect((await t.db('meetings').where({ id: seed.id }).first('status')).status).toBe('minutes_draft');

    const item2 = (await client.get(`${API}/agendaItem/${shelfOf(item.id)}/${item.id}.json`)).body;
    expectValid(item2);
    expect(item2.resolutionText).toBeUndefined();
    expect(item2['moedebog:motion']).toBeUndefined();
    const meeting = (await client.get(`${API}/meeting/${shelfOf(seed.id)}/${seed.id}.json`)).body;
    expectValid(meeting);
    expect(meeting).toMatchObject({ meetingState: 'Referat under udarbejdelse' });
    expect(meeting.participant).toBeUndefined();
    expect(meeting.resultsProtocol).toBeUndefined();
    expectTombstone((await client.get(motionUrl)).body);
    expectTombstone((await client.get(eventUrl)).body);
    expectTombstone((await client.get(`${API}/file/${shelfOf(seed.id)}/referat-${seed.id}.json`)).body);
    const files = (await client.all(`${API}/body/1/file.json`)).objects;
    expectTombstone(files.find((f) => f.id === `${API}/file/${shelfOf(seed.id)}/referat-${seed.id}.json`) as Json);
  });
});
