import type { Express } from 'express';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { ACADRE, fixture } from './support';

/** The admin upload page: admins only, 422 with the error summary for a missing file, POST → 303 → the report. */
describe('the import upload page', () => {
  let t: TestDb;
  let app: Express;
  let admin: Browser;

  const upload = (browser: Browser, files: Array<{ name: string; bytes: Buffer }>, body = 'ballerup') => {
    let req = browser.agent.post(`/admin/import?_csrf=${encodeURIComponent(browser.csrf)}`).field('body', body);
    for (const f of files) req = req.attach('files', f.bytes, { filename: f.name, contentType: 'text/xml' });
    return req;
  };

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    admin = await loginAs(app, 'admin@demo.test');
  });
  afterAll(() => t.drop());

  it('is for admins: a secretary gets 403, and the page has the form with the primary body chosen', async () => {
    const secretary = await loginAs(app, 'sekretaer@demo.test');
    await secretary.get('/admin/import').expect(403);
    const res = await admin.get('/admin/import').expect(200);
    expect(res.text).toContain('<title>Importér fra sagssystem');
    expect(res.text).toMatch(/<option value="ballerup" selected>Ballerup Kommune \(primær\)<\/option>/);
    expect(res.text).toContain(`action="/admin/import?_csrf=`);
  });

  it('refuses a POST without a file with 422, the error summary and the choice kept, and saves nothing', async () => {
    const before = await t.db('import_sources').count<{ count: number }[]>('* as count');
    const res = await upload(admin, [], 'albertslund').expect(422);
    expect(res.text).toContain('Der er problemer');
    expect(res.text).toContain('href="#f-files"');
    expect(pageText(res.text)).toContain('Vælg en eller flere XML-filer fra sagssystemet');
    expect(res.text).toMatch(/<option value="albertslund" selected>/);
    expect(res.text).toMatch(/<title>Fejl: /);
    const unknownBody = await upload(admin, [{ name: ACADRE, bytes: fixture(ACADRE) }], 'findes-ikke').expect(422);
    expect(pageText(unknownBody.text)).toContain('Vælg organisationen, møderne skal importeres til');
    expect(await t.db('import_sources').count<{ count: number }[]>('* as count')).toEqual(before);
  });

  it('imports the files and shows the report once, after the redirect', async () => {
    const res = await upload(admin, [
      { name: ACADRE, bytes: fixture(ACADRE) },
      { name: 'afkortet.xml', bytes: fixture(ACADRE).subarray(0, 4000) },
    ]).expect(303);
    expect(res.headers.location).toBe('/admin/import');
    const page = await admin.get('/admin/import').expect(200);
    const text = pageText(page.text);
    expect(text).toContain('Importen er færdig, men noget kunne ikke importeres.');
    expect(text).toMatch(/syddjurs-acadre-puk-2013-06-20\.xml Acadre Udvalget for plan, udvikling og kultur \(PUK\), 20\. juni 2013 \(referat\) Offentlig side oprettet /);
    expect(text).toContain('afkortet.xml Filen kunne ikke læses sprunget over : Filen slutter midt i et element: den er afkortet eller beskadiget (linje 2, kolonne');
    expect(text).toContain('I alt: 1 oprettet, 0 opdateret, 0 uændret, 1 sprunget over (1 møde i 2 filer)');
    const meeting = await t.db('meetings as m').join('committees as c', 'c.id', 'm.committee_id').where('c.name', 'Udvalget for plan, udvikling og kultur (PUK)').first('m.id', 'c.body_id');
    expect(page.text).toContain(`href="/admin/moeder/${meeting.id}"`);
    expect((await t.db('bodies').where({ id: meeting.body_id }).first('slug')).slug).toBe('ballerup');
    const audit = await t.db('audit_log').where({ action: 'import.create', entity_id: meeting.id }).first('user_id');
    expect(audit.user_id).toBe((await t.db('users').where({ email: 'admin@demo.test' }).first('id')).id);
    // Shown once: the next visit is the plain form.
    expect(pageText((await admin.get('/admin/import').expect(200)).text)).not.toContain('Resultat af importen');
  });
});
