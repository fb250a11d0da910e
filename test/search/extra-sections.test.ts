import type { Express } from 'express';
import request from 'supertest';
import { testApp } from '../helpers/app';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { hitsOf, searchPath } from './search-page';

/** The demo's upcoming SUS meeting: agenda published, minutes not; one of its items is closed. */
const UPCOMING = 'social-og-sundhedsudvalget-08-12-2026';

describe('the extra sections of an item (item_extra_sections) in the search', () => {
  let t: TestDb;
  let app: Express;
  let open: { id: number; number: number };
  let closed: { id: number; number: number };
  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    const items = t.db('agenda_items as i').join('meetings as m', 'm.id', 'i.meeting_id').where('m.slug', UPCOMING);
    open = await items.clone().where({ 'i.is_closed': false, 'i.kind': 'regular' }).orderBy('i.number').first('i.id', 'i.number');
    closed = await items.clone().where({ 'i.is_closed': true }).first('i.id', 'i.number');
    expect(open).toBeDefined();
    expect(closed).toBeDefined();
  });
  afterAll(() => t.drop());

  const hits = async (q: string) => hitsOf((await request(app).get(searchPath(q)).expect(200)).text);
  /** No hit shows the text (the misspelling fallback may still offer other items for similar words). */
  const absent = async (q: string, text: string) => {
    const found = await hits(q);
    for (const h of found) {
      expect(`${h.heading} ${h.snippetHtml}`.toLowerCase()).not.toContain(text);
      expect(h.href).not.toBe(`/dagsorden/${UPCOMING}/punkt-${closed.number}`);
    }
  };
  const section = (itemId: number, position: number, kind: string, label: string, body: string | null) =>
    t.db('item_extra_sections').insert({ item_id: itemId, position: position + 1000, kind, label, body });

  it('finds a word that only an extra section of an open item holds, with the item’s permalink', async () => {
    expect(await hits('snefnugordningen')).toEqual([]);
    await section(open.id, 1, 'section', 'Kommunikation', '<p>Borgerne orienteres om snefnugordningen på hjemmesiden.</p>');
    const found = await hits('snefnugordningen');
    expect(found.map((h) => h.href)).toEqual([`/dagsorden/${UPCOMING}/punkt-${open.number}`]);
    expect(found[0]?.marks).toEqual(['snefnugordningen']);
    // The section's label is searchable too, and an earlier treatment's label (all the page shows of it).
    await section(open.id, 2, 'section', 'Iglebehandlingsnotat', '<p>Se notatet.</p>');
    await section(open.id, 3, 'earlier_treatment', 'Vandløbsudvalget 3. marts 2026, punkt 7', null);
    expect((await hits('iglebehandlingsnotat')).map((h) => h.href)).toEqual([`/dagsorden/${UPCOMING}/punkt-${open.number}`]);
    expect((await hits('vandløbsudvalget')).map((h) => h.href)).toEqual([`/dagsorden/${UPCOMING}/punkt-${open.number}`]);
  });

  it('follows a section changed, moved to another item and deleted', async () => {
    await section(open.id, 4, 'section', 'Supplerende sagsfremstilling', '<p>Hvepsebekæmpelse drøftes.</p>');
    expect(await hits('hvepsebekæmpelse')).toHaveLength(1);
    await t.db('item_extra_sections').where({ item_id: open.id, position: 1004 }).update({ body: '<p>Myrebekæmpelse drøftes.</p>' });
    await absent('hvepsebekæmpelse', 'hveps');
    expect(await hits('myrebekæmpelse')).toHaveLength(1);
    // Moved onto the closed item: gone from the open one, and never in the closed one's (absent) document.
    await t.db('item_extra_sections').where({ item_id: open.id, position: 1004 }).update({ item_id: closed.id });
    await absent('myrebekæmpelse', 'myre');
    await t.db('item_extra_sections').where({ item_id: closed.id, position: 1004 }).delete();
    await absent('myrebekæmpelse', 'myre');
  });

  it('never indexes an extra section of a closed item', async () => {
    await section(closed.id, 5, 'section', 'Fortrolig vurdering', '<p>Grævlingeforhandlingen om prisen fortsætter.</p>');
    await absent('grævlingeforhandlingen', 'grævling');
    await absent('grævlingeforhandling', 'grævling'); // nor through the misspelling fallback
    expect(await t.db('search_documents').where({ item_id: closed.id }).first()).toBeUndefined();
    expect(await t.db('search_documents').whereILike('body', '%grævling%')).toEqual([]);
    expect(await t.db('search_words').where({ word: 'grævlingeforhandlingen' }).first()).toBeUndefined();
  });

  it('leaves out the decision history until the minutes are published, as the item page does', async () => {
    await section(open.id, 6, 'decision_history', 'Beslutning truffet af Økonomiudvalget d. 01-02-2026', '<p>Pindsvinetilskuddet blev godkendt.</p>');
    await absent('pindsvinetilskuddet', 'pindsvin');
    const document = await t.db('search_documents').where({ item_id: open.id }).first('body', 'minutes');
    expect(document.minutes).toBe(false);
    expect(document.body).not.toMatch(/pindsvin/i);
    expect(document.body).toContain('snefnugordningen');
  });

  it('adds the decision history once the minutes are published; the closed item stays out', async () => {
    // Last in the file: the meeting's minutes are locked from here on.
    await t.db('meetings').where({ slug: UPCOMING }).update({ status: 'minutes_published' });
    expect((await hits('pindsvinetilskuddet')).map((h) => h.href)).toEqual([`/dagsorden/${UPCOMING}/punkt-${open.number}`]);
    expect(await hits('snefnugordningen')).toHaveLength(1);
    await absent('grævlingeforhandlingen', 'grævling');
    expect(await t.db('search_documents').where({ item_id: closed.id }).first()).toBeUndefined();
  });
});
