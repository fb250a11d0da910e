import request from 'supertest';
import { testApp } from '../helpers/app';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { type ChangeCounter, installChangeCounter } from './change-counter';
import { formsOf, submittedFields, TYPED } from './fuzz-forms';
import { isDanish, refusalMessages } from './refusal-message';

/* The fuzz test (test/security/fuzz.test.ts) is only as good as its judges: these show that they can say no. */

describe("the fuzz test's judges", () => {
  let t: TestDb;
  let counter: ChangeCounter;

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    counter = await installChangeCounter(t.db, { ignore: ['session', 'content_changes'] });
  });
  afterAll(() => t.drop());

  it('the change counter sees every committed change, one that keeps the row counts included, and nothing else', async () => {
    const person = (await t.db('people').orderBy('id').first('id', 'body_id')) as { id: number; body_id: number };
    const start = await counter.read();

    // An update leaves every row count as it was: counting rows would not see it.
    await t.db('people').where({ id: person.id }).update({ name: t.db.raw("name || ' (ændret)'") });
    const afterUpdate = await counter.read();
    expect(afterUpdate).toBeGreaterThan(start);
    expect(await counter.describeSince(start)).toContain('people: UPDATE 1 row');

    // A write that is rolled back, a statement that changes no row, and the ignored session table leave it alone.
    await expect(
      t.db.transaction(async (trx) => {
        await trx('people').insert({ body_id: person.body_id, name: 'Rulles tilbage' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await t.db('people').where({ id: -1 }).delete();
    await t.db('session').insert({ sid: 'fuzz-oracle', sess: JSON.stringify({ cookie: {} }), expire: new Date(Date.now() + 60_000) });
    expect(await counter.read()).toBe(afterUpdate);

    // Inserts and deletes count too.
    const [created] = (await t.db('people').insert({ body_id: person.body_id, name: 'Ny person' }).returning('id')) as Array<{ id: number }>;
    await t.db('people').where({ id: created?.id }).delete();
    const lines = await counter.describeSince(afterUpdate);
    expect(lines).toEqual(expect.arrayContaining(['people: INSERT 1 row', 'people: DELETE 1 row']));
  });

  it("reads a refusal's message from the error summary, the error page and a JSON error", async () => {
    const app = testApp(t);
    const agent = request.agent(app);
    const page = await agent.get('/login').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const asRefusal = (res: request.Response) => ({ status: res.status, contentType: String(res.headers['content-type']), text: res.text });

    const invalid = await agent.post('/login').type('form').send({ _csrf: csrf, email: '', password: '' }).expect(422);
    expect(refusalMessages(asRefusal(invalid))).toEqual(['Skriv din e-mailadresse', 'Skriv din adgangskode']);

    const missing = await agent.get('/sager/findes-ikke').expect(404);
    expect(refusalMessages(asRefusal(missing))).toEqual(['Sagen findes ikke.']);

    const api = await agent.get('/oparl/v1.1/meeting/9999/999999.json').expect(404);
    expect(refusalMessages(asRefusal(api))).toHaveLength(1);
    expect(refusalMessages(asRefusal(api)).every(isDanish)).toBe(true);

    // A bare status, or a page in English, carries no message.
    expect(refusalMessages({ status: 431, contentType: '', text: '' })).toEqual([]);
    expect(refusalMessages({ status: 404, contentType: 'text/html; charset=utf-8', text: '<!DOCTYPE html><html lang="en"><body><pre>Cannot GET /x</pre></body></html>' })).toEqual([]);
  });

  it("reads a page's forms: where they post, their fields and files, and what a browser sends", () => {
    const html = `
      <form method="get" action="/soeg"><input name="q"></form>
      <form id="f-upload" method="post" action="/admin/punkter/7/bilag?_csrf=abc&amp;x=1" enctype="multipart/form-data">
        <input type="hidden" name="version" value="3">
        <input class="form-file-input" type="file" id="f-file" name="file" accept=".pdf">
        <input class="form-input" type="text" id="f-title" name="title" value="">
        <input type="checkbox" name="recommended" value="on">
        <input type="checkbox" name="public" value="on" checked>
        <select name="subPointId"><option value="">Vælg</option><option value="12" selected>Meddelelse</option></select>
        <textarea name="changeNote">
Rettet &amp; &quot;ny&quot;</textarea>
        <button type="submit">Tilføj</button>
      </form>
      <form method="post" action="/admin/moeder/4/aflys"><input type="hidden" name="_csrf" value="abc"><button type="submit" formaction="/admin/moeder/4/genoptag">x</button></form>`;
    const forms = formsOf(html);
    expect([...forms.keys()]).toEqual(['/admin/punkter/7/bilag', '/admin/moeder/4/aflys', '/admin/moeder/4/genoptag']);
    expect(forms.get('/admin/punkter/7/bilag')).toEqual({
      names: ['version', 'file', 'title', 'recommended', 'public', 'subPointId', 'changeNote'],
      fileFields: ['file'],
      multipart: true,
      values: [
        ['version', '3'],
        ['title', TYPED],
        ['public', 'on'],
        ['subPointId', '12'],
        ['changeNote', 'Rettet & "ny"'],
      ],
    });
    expect(forms.get('/admin/moeder/4/aflys')).toEqual({ names: [], fileFields: [], multipart: false, values: [] });
    expect(submittedFields(html, '/admin/punkter/7/bilag', { title: 'Budget', recommended: 'on', subPointId: undefined })).toEqual([
      ['version', '3'],
      ['public', 'on'],
      ['changeNote', 'Rettet & "ny"'],
      ['title', 'Budget'],
      ['recommended', 'on'],
    ]);
  });

  it('tells Danish messages from the defaults of zod, Express and body-parser', () => {
    for (const message of ['Skriv en titel', 'Siden findes ikke.', 'Kun udvalgets medlemmer godkender referatet.', 'Vælg en gyldig status', 'Teksten må højst være 300 tegn', 'Forespørgslen kunne ikke forstås.', 'Genindlæs siden og prøv igen']) {
      expect([message, isDanish(message)]).toEqual([message, true]);
    }
    for (const message of ['Invalid input', 'Required', 'Expected string, received array', 'String must contain at most 2000 character(s)', 'Invalid enum value', 'Not Found', 'Bad Request', 'request entity too large', 'Cannot POST /x', '']) {
      expect([message, isDanish(message)]).toEqual([message, false]);
    }
  });
});
