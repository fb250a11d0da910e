import type { Express } from 'express';
import { susItems1to8 } from '../../seeds/demo/sus-2021-04-06-items-1-8';
import { definitionHash } from '../../src/modules/budget-tables/confirmation';
import { formToDefinition, readTableForm } from '../../src/modules/budget-tables/form';
import { parseDanishNumber } from '../../src/modules/budget-tables/number-input';
import { budgetTableSchema } from '../../src/modules/budget-tables/schema';
import { createItem } from '../../src/modules/items/service';
import { planMeeting, publishAgenda, unconfirmedTables } from '../../src/modules/meetings/admin-service';
import { testApp } from '../helpers/app';
import { FOOTNOTES, seedFields } from '../helpers/seed-table-form';
import { fixedNow } from '../helpers/clock';
import { pageText } from '../helpers/page-text';
import { anonymous, loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

describe('numbers typed the Danish way', () => {
  it.each([
    ['1.177.788', 1177788],
    ['1177788', 1177788],
    ['-6.662', -6662],
    ['\u22126.662', -6662],
    ['4,600', 4.6],
    ['0,277', 0.277],
    [' 1 177 788 ', 1177788],
    ['0', 0],
    ['', null],
    ['   ', null],
  ])('reads %j as %p', (typed, value) => {
    expect(parseDanishNumber(typed)).toEqual({ ok: true, value });
  });

  it.each(['1,2,3', 'abc', '12a', '1.2', '1.17.788', '--5', '4,', ',5', '1e5', '+-3'])('refuses %j', (typed) => {
    expect(parseDanishNumber(typed)).toEqual({ ok: false });
  });

  it('names the cell in its message, and a form body of the wrong shape is an error, not a crash', () => {
    const read = readTableForm({ 'columns.0.label': 'Regnskab 2020', 'rows.0.code': '50.52', 'rows.0.label': 'Tilbud', 'rows.0.values.0': '1,2,3', unit: ['a', 'b'] });
    expect(read.shapeErrors.map((e) => e.field)).toEqual(['unit']);
    const parsed = formToDefinition(read.values);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors).toContainEqual({ field: 'rows.0.values.0', message: 'Skriv et tal i række 50.52 Tilbud, kolonne Regnskab 2020, fx 1.177.788, -6.662 eller 4,600' });
      expect(parsed.errors).toContainEqual({ field: 'unit', message: 'Skriv tabellens enhed, fx 1.000 kr.' });
    }
    expect(readTableForm(undefined).values.columns).toEqual([]);
  });
});

/** Punkt 2 of seed 003 (SUS 6 April 2021): the budget table as the document prints it. */
const SEED_TABLE = susItems1to8.find((i) => i.number === 2)?.tables?.[0];

const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
const hashOn = (html: string) => /name="hash" value="([0-9a-f]+)"/.exec(html)?.[1] ?? '';

const DISCREPANCIES = [
  'Række 50.52 Tilbud til ældre pensionister, kolonne Resultat 2020 før overførsler: angivet -8.999, beregnet -8.997',
  'Række 50.54 Tilbud til voksne med særlige behov, kolonne Resultat 2020 før overførsler: angivet 3.806, beregnet 3.801',
  'Række 50.54 Tilbud til voksne med særlige behov, kolonne Resultat 2020 efter overførsler: angivet 4.270, beregnet 4.275',
];

describe('the budget-table editor', () => {
  let t: TestDb;
  let app: Express;
  let secretary: Browser;
  let secretaryId: number;
  let meetingId: number;
  let itemId: number;
  let tableId: number;

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    secretary = await loginAs(app, 'sekretaer@demo.test');
    secretaryId = (await t.db('users').where({ email: 'sekretaer@demo.test' }).first('id')).id;
    const sus = (await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id')).id;
    const caseId = (await t.db('cases').orderBy('id').first('id')).id;
    const actor = { userId: secretaryId };
    meetingId = await planMeeting(t.db, { committeeId: sus, startsAt: new Date('2027-03-02T15:00:00Z'), endsAt: null, location: 'Mødelokale 1, Ballerup Rådhus', actor });
    itemId = await createItem(t.db, { meetingId, title: 'Regnskab 2020 på bevillingsrammerne under Social- og Sundhedsudvalget', kind: 'regular', isClosed: false, caseId, actor });
  });
  afterAll(() => t.drop());

  const tableRows = () => t.db('budget_tables').orderBy('id').select('id', 'item_id', 'position', 'definition', 'confirmed_definition_hash');

  it('offers a grid that grows and shrinks without saving anything', async () => {
    const page = await secretary.get(`/admin/punkter/${itemId}/tabeller/ny`).expect(200);
    expect(page.text).toContain('<script src="/assets/js/budget-table-editor.js" defer></script>');
    expect(page.text).not.toMatch(/style=|<script>/);
    expect(page.text).toContain('<label class="sr-only" for="f-rows-0-values-1">Kolonne 2, række 1</label>');
    const version = versionOn(page.text);
    const grid = { version, unit: '1.000 kr.', 'columns.0.label': 'A', 'columns.0.number': '1', 'columns.1.label': 'B', 'columns.1.number': '2', 'rows.0.label': 'Første', 'rows.0.values.0': '1.000', 'rows.0.values.1': '' };

    const wider = await secretary.post(`/admin/punkter/${itemId}/tabeller`, { ...grid, action: 'addColumn' }).expect(200);
    expect(wider.text).toContain('name="columns.2.label"');
    expect(wider.text).toContain('name="columns.2.number" value="3"');
    expect(wider.text).toContain('name="rows.0.values.2"');
    expect(wider.text).toContain('value="1.000"');

    const longer = await secretary.post(`/admin/punkter/${itemId}/tabeller`, { ...grid, action: 'addRow' }).expect(200);
    expect(longer.text).toContain('name="rows.1.label"');

    const narrower = await secretary.post(`/admin/punkter/${itemId}/tabeller`, { ...grid, action: 'removeColumn.0' }).expect(200);
    expect(narrower.text).not.toContain('name="columns.1.label"');
    expect(narrower.text).toContain('name="columns.0.label" value="B"');

    const shorter = await secretary.post(`/admin/punkter/${itemId}/tabeller`, { ...grid, action: 'removeRow.0' }).expect(200);
    expect(shorter.text).not.toContain('name="rows.0.label"');
    expect(await t.db('budget_tables').where({ item_id: itemId }).count<{ count: number }[]>('* as count')).toEqual([{ count: 0 }]);
  });

  it('builds the table of punkt 2 of seed 003 and stores exactly its definition', async () => {
    const page = await secretary.get(`/admin/punkter/${itemId}/tabeller/ny`).expect(200);
    const version = versionOn(page.text);
    const res = await secretary.post(`/admin/punkter/${itemId}/tabeller`, seedFields(version)).expect(303);
    tableId = Number(/^\/admin\/tabeller\/(\d+)$/.exec(res.headers.location ?? '')?.[1]);
    const row = await t.db('budget_tables').where({ id: tableId }).first();
    expect(row.item_id).toBe(itemId);
    expect(row.position).toBe(1);
    expect(row.definition).toEqual(budgetTableSchema.parse(SEED_TABLE));
    expect(row.confirmed_definition_hash).toBeNull();
    expect((await t.db('agenda_items').where({ id: itemId }).first('version')).version).toBe(Number(version) + 1);
    const audit = await t.db('audit_log').where({ entity: 'budget_table', entity_id: tableId }).select('action', 'user_id');
    expect(audit).toEqual([{ action: 'budget_table.create', user_id: secretaryId }]);
  });

  it('lists the discrepancies in Danish, and the agenda cannot be published until the numbers are confirmed', async () => {
    const page = await secretary.get(`/admin/tabeller/${tableId}`).expect(200);
    const text = pageText(page.text);
    for (const line of DISCREPANCIES) expect(text).toContain(line);
    expect(text).toContain('Tallene stemmer ikke med det beregnede');
    // The grid shows the computed value under the cells, from the same computation as the browser script.
    expect(text).toContain('Afviger: beregnet -8.997');
    expect(text).toContain('Beregnet: 1.177.788');
    expect(page.text).toContain('value="-8.999"');
    expect(page.text).toContain('value="1.177.788"');
    expect(text).toContain('[tabel 1]');

    await expect(publishAgenda(t.db, { meetingId, actor: { userId: secretaryId }, now: fixedNow() })).rejects.toMatchObject({ code: 'table_discrepancies' });

    await secretary.post(`/admin/tabeller/${tableId}/bekraeft`, { hash: hashOn(page.text) }).expect(303);
    const row = await t.db('budget_tables').where({ id: tableId }).first();
    expect(row.confirmed_definition_hash).toBe(definitionHash(budgetTableSchema.parse(row.definition)));
    expect(row.confirmed_by_user_id).toBe(secretaryId);
    expect(row.confirmed_at).toEqual(fixedNow());
    expect(await unconfirmedTables(t.db, meetingId)).toEqual([]);
    expect(await t.db('audit_log').where({ entity: 'budget_table', entity_id: tableId, action: 'budget_table.confirm' }).count<{ count: number }[]>('* as count')).toEqual([{ count: 1 }]);

    const after = pageText((await secretary.get(`/admin/tabeller/${tableId}`).expect(200)).text);
    expect(after).toContain('Tallene er bekræftet');
    expect(after).not.toContain('Bekræft tallene');
  });

  it('asks again after an edit, and confirming numbers nobody has seen is refused', async () => {
    const oldHash = (await t.db('budget_tables').where({ id: tableId }).first('confirmed_definition_hash')).confirmed_definition_hash;
    const page = await secretary.get(`/admin/tabeller/${tableId}`).expect(200);
    await secretary.post(`/admin/tabeller/${tableId}`, seedFields(versionOn(page.text), { footnotes: `${FOOTNOTES}\nKilde: regnskabet` })).expect(303);
    const edited = await secretary.get(`/admin/tabeller/${tableId}`).expect(200);
    const text = pageText(edited.text);
    expect(text).toContain('Tabellen er ændret, siden tallene blev bekræftet');
    expect(text).toContain('Bekræft tallene');
    expect(text).toContain(DISCREPANCIES[0]);
    expect(await unconfirmedTables(t.db, meetingId)).toEqual([{ itemNumber: 1, position: 1, problems: 3 }]);
    await expect(publishAgenda(t.db, { meetingId, actor: { userId: secretaryId }, now: fixedNow() })).rejects.toMatchObject({ code: 'table_discrepancies' });

    const stale = await secretary.post(`/admin/tabeller/${tableId}/bekraeft`, { hash: oldHash }).expect(409);
    expect(pageText(stale.text)).toContain('Tabellen er blevet ændret, siden du åbnede siden');
    expect((await t.db('budget_tables').where({ id: tableId }).first('confirmed_definition_hash')).confirmed_definition_hash).toBe(oldHash);

    await secretary.post(`/admin/tabeller/${tableId}/bekraeft`, { hash: hashOn(edited.text) }).expect(303);
    await publishAgenda(t.db, { meetingId, actor: { userId: secretaryId }, now: fixedNow() });
    expect((await t.db('meetings').where({ id: meetingId }).first('status')).status).toBe('agenda_published');
  });

  it('saving unchanged numbers keeps the confirmation', async () => {
    const before = await t.db('budget_tables').where({ id: tableId }).first();
    const page = await secretary.get(`/admin/tabeller/${tableId}`).expect(200);
    const res = await secretary.post(`/admin/tabeller/${tableId}`, seedFields(versionOn(page.text), { footnotes: `${FOOTNOTES}\nKilde: regnskabet` })).expect(303);
    expect(res.headers.location).toBe(`/admin/tabeller/${tableId}`);
    expect(await t.db('budget_tables').where({ id: tableId }).first()).toEqual(before);
  });

  it('needs a change note once the agenda is published, and records it', async () => {
    const page = await secretary.get(`/admin/tabeller/${tableId}`).expect(200);
    expect(page.text).toContain('name="changeNote"');
    const fields = seedFields(versionOn(page.text), { 'rows.0.values.3': '-8.997' });
    const refused = await secretary.post(`/admin/tabeller/${tableId}`, fields).expect(422);
    expect(pageText(refused.text)).toContain('skriv en kort ændringsnote');
    expect(refused.text).toContain('value="-8.997"');
    await secretary.post(`/admin/tabeller/${tableId}`, { ...fields, changeNote: 'Resultatet for 50.52 er rettet.' }).expect(303);
    const notes = await t.db('item_change_notes').where({ item_id: itemId }).select('note');
    expect(notes).toEqual([{ note: 'Resultatet for 50.52 er rettet.' }]);
    expect((await t.db('budget_tables').where({ id: tableId }).first('definition')).definition.rows[0].values[3]).toBe(-8997);
  });

  it('refuses numbers it cannot read with 422, keeps what was typed and changes nothing', async () => {
    const before = await tableRows();
    const page = await secretary.get(`/admin/tabeller/${tableId}`).expect(200);
    const fields = seedFields(versionOn(page.text), { 'rows.0.values.2': '1,2,3', 'total.values.0': 'mange', changeNote: 'Rettelse' });
    const res = await secretary.post(`/admin/tabeller/${tableId}`, fields).expect(422);
    const text = pageText(res.text);
    expect(res.text).toContain('<title>Fejl: ');
    expect(text).toContain('Der er problemer');
    expect(text).toContain('Skriv et tal i række 50.52 Tilbud til ældre pensionister, kolonne Regnskab 2020, fx 1.177.788, -6.662 eller 4,600');
    expect(text).toContain('Skriv et tal i I alt-rækken, kolonne Vedtaget budget 2020');
    expect(res.text).toContain('href="#f-rows-0-values-2"');
    expect(res.text).toContain('value="1,2,3"');
    expect(res.text).toContain('value="mange"');
    expect(res.text).toContain('>Rettelse</textarea>');

    const created = await secretary.post(`/admin/punkter/${itemId}/tabeller`, seedFields(versionOn(page.text), { 'columns.3.formula': '(3)-(9)', 'rows.1.values.0': 'x', changeNote: 'Ny' })).expect(422);
    expect(pageText(created.text)).toContain('Kolonne (9) findes ikke');
    expect(await tableRows()).toEqual(before);
  });

  it('answers a stale version with 409 and the input kept', async () => {
    const before = await tableRows();
    const page = await secretary.get(`/admin/tabeller/${tableId}`).expect(200);
    const stale = String(Number(versionOn(page.text)) - 1);
    const res = await secretary.post(`/admin/tabeller/${tableId}`, seedFields(stale, { 'rows.2.values.0': '999.999', changeNote: 'Min rettelse' })).expect(409);
    expect(pageText(res.text)).toContain('Punktet er blevet ændret af en anden, mens du redigerede tabellen');
    expect(res.text).toContain('value="999.999"');
    expect(res.text).toContain('>Min rettelse</textarea>');
    // Saving again after comparing is a deliberate overwrite: the form now carries the current version.
    expect(versionOn(res.text)).toBe(versionOn(page.text));
    expect(await tableRows()).toEqual(before);
  });

  it('deletes a table only when no [tabel N] marker would point elsewhere, and renumbers the rest', async () => {
    const small = (version: string, label: string) => ({ version, unit: 'mio. kr.', stubHeader: '', 'columns.0.label': '2021', 'rows.0.label': label, 'rows.0.values.0': '4,6', changeNote: 'Tabel tilføjet' });
    let page = await secretary.get(`/admin/punkter/${itemId}/tabeller/ny`).expect(200);
    const second = await secretary.post(`/admin/punkter/${itemId}/tabeller`, small(versionOn(page.text), 'Anden')).expect(303);
    page = await secretary.get(`/admin/punkter/${itemId}/tabeller/ny`).expect(200);
    const third = await secretary.post(`/admin/punkter/${itemId}/tabeller`, small(versionOn(page.text), 'Tredje')).expect(303);
    const secondId = Number(/(\d+)$/.exec(second.headers.location ?? '')?.[1]);
    const thirdId = Number(/(\d+)$/.exec(third.headers.location ?? '')?.[1]);
    expect(await t.db('budget_tables').where({ item_id: itemId }).orderBy('position').pluck('id')).toEqual([tableId, secondId, thirdId]);
    await t.db('agenda_items').where({ id: itemId }).update({ case_presentation: '<p>Oversigt:</p><div data-budget-table="1"></div>' });

    page = await secretary.get(`/admin/tabeller/${tableId}`).expect(200);
    const refused = await secretary.post(`/admin/tabeller/${tableId}/slet`, { version: versionOn(page.text), deleteChangeNote: 'Slettet' }).expect(422);
    expect(pageText(refused.text)).toContain('Tabel 1 kan ikke slettes, fordi punktets tekst indeholder [tabel 1]');

    page = await secretary.get(`/admin/tabeller/${secondId}`).expect(200);
    const noNote = await secretary.post(`/admin/tabeller/${secondId}/slet`, { version: versionOn(page.text) }).expect(422);
    expect(pageText(noNote.text)).toContain('skriv en kort ændringsnote');
    const deleted = await secretary.post(`/admin/tabeller/${secondId}/slet`, { version: versionOn(page.text), deleteChangeNote: 'Tabel 2 var en fejl.' }).expect(303);
    expect(deleted.headers.location).toBe(`/admin/punkter/${itemId}`);
    expect(await t.db('budget_tables').where({ item_id: itemId }).orderBy('position').select('id', 'position')).toEqual([
      { id: tableId, position: 1 },
      { id: thirdId, position: 2 },
    ]);
    const actions = await t.db('audit_log').where({ entity: 'budget_table' }).whereIn('entity_id', [secondId, thirdId]).orderBy('id').pluck('action');
    expect(actions).toEqual(['budget_table.create', 'budget_table.create', 'budget_table.delete']);
  });

  it('answers empty and tampered form bodies with 422 and changes nothing', async () => {
    const before = await tableRows();
    for (const path of [`/admin/tabeller/${tableId}`, `/admin/punkter/${itemId}/tabeller`, `/admin/tabeller/${tableId}/bekraeft`, `/admin/tabeller/${tableId}/slet`]) {
      const res = await secretary.post(path, {});
      expect({ path, status: res.status }).toEqual({ path, status: 422 });
    }
    const page = await secretary.get(`/admin/tabeller/${tableId}`).expect(200);
    const version = versionOn(page.text);
    await secretary.post(`/admin/tabeller/${tableId}`, seedFields(version, { unit: ['1.000 kr.', 'mio. kr.'] })).expect(422);
    await secretary.post(`/admin/tabeller/${tableId}`, seedFields(version, { 'rows.999999.label': 'x', changeNote: 'x' })).expect(422);
    await secretary.post(`/admin/tabeller/${tableId}`, seedFields(version, { 'columns.0.number': '1.5', 'rows.0.kind': 'heading', changeNote: 'x' })).expect(422);
    expect(await tableRows()).toEqual(before);
  });

  it('is for the committee’s secretaries only', async () => {
    const member = await loginAs(app, 'lolan.ottesen@demo.test');
    await member.get(`/admin/tabeller/${tableId}`).expect(403);
    await member.get(`/admin/punkter/${itemId}/tabeller/ny`).expect(403);
    const before = await tableRows();
    await member.post(`/admin/tabeller/${tableId}`, seedFields('99')).expect(403);
    await member.post(`/admin/tabeller/${tableId}/bekraeft`, { hash: 'x' }).expect(403);
    await member.post(`/admin/tabeller/${tableId}/slet`, { version: '99' }).expect(403);
    expect(await tableRows()).toEqual(before);

    const visitor = await anonymous(app);
    const res = await visitor.get(`/admin/tabeller/${tableId}`).expect(303);
    expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(`/admin/tabeller/${tableId}`)}`);
    expect((await visitor.post(`/admin/tabeller/${tableId}`, seedFields('1')).expect(303)).headers.location).toBe('/login');
  });

  it('serves the editor script, built from the same compute code', async () => {
    const visitor = await anonymous(app);
    const res = await visitor.get('/assets/js/budget-table-editor.js').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/javascript/);
    expect(res.text).toContain('function computeBudgetTable(');
    expect(res.text).toContain('applyColumnFormulas');
    expect(res.text).toContain('data-budget-table-editor');
    expect(res.text).not.toMatch(/\bzod\b/);
  });
});
