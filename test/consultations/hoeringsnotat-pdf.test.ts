import type { Express } from 'express';
import request from 'supertest';
import { hashPassword } from '../../src/modules/auth/password';
import { htmlToMarkup } from '../../src/modules/sanitize/markup';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { readPdf, type PdfBookmark } from '../helpers/pdf';
import { anonymous, loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

const TITLE = 'Plads til alle – Ballerup Kommunes strategi mod udsathed blandt voksne (2022-2029)';
const ATTACHMENT_TITLE = `Høringsnotat – ${TITLE}`;
/** Økonomiudvalget's first point, its comment, and Baldersbo's letter, as seed 000 gives them */
const POINT_1A = '1.a Økonomiudvalget bemærkede, at strategien skal tydeliggøre hvilke datakilder';
const COMMENT_1A = 'Det foreslås at konkrete, overordnede indsatsmål og datagrundlag udarbejdes';
const BALDERSBO = 'Jeg håber, at dette indspark ses som et forsøg på';
/** Handicaprådet's response (consultee 8), which the last test puts on a closed item */
const HANDICAP = 'Handicaprådet bakker op om de overordnede målsætninger';
const ADDED_COMMENT = 'Datakilderne fastlægges i den første udmøntningsplan (tilføjet efter vedhæftningen).';

/** GET a PDF as bytes (supertest leaves binary bodies unread by default). */
function getPdf(app: Express, path: string) {
  return request(app)
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

async function textOf(bytes: Buffer): Promise<string> {
  return (await readPdf(bytes)).text.join('\n').replace(/\s+/g, ' ');
}

function titles(marks: PdfBookmark[]): string[] {
  return marks.flatMap((m) => [m.title, ...titles(m.items)]);
}

/**
 * The høringsnotat of seed 000 as a PDF (issue 6, part 4): public once published,
 * rendered from the summary page's template, and attached as an ordinary attachment
 * to the item where the strategy returns for decision — automatically when the case is
 * sent on, by the button "Vedhæft høringsnotat", and in a new edition after it changed.
 */
describe('the høringsnotat as a PDF, attached where the case returns for decision', () => {
  let t: TestDb;
  let app: Express;
  let secretary: Browser;
  let slug = '';
  let base = '';
  let pdfPath = '';
  const id = { consultation: 0, origin: 0, oeu: 0, sou: 0, oeuMeeting: 0, souMeeting: 0, oeuItem: 0, souItem: 0, locked: 0, consulteeItem: 0, handicapItem: 0 };
  let oeuItemPage = '';
  let firstFile = '';

  const attachmentsOf = (itemId: number) => t.db('attachments').where({ item_id: itemId }).orderBy('position').select('id', 'title', 'storage_key', 'content_type', 'is_public');
  const auditCount = async () => Number((await t.db('audit_log').count<{ count: string }[]>('* as count'))[0]?.count);
  const publicFile = async (href: string) => {
    const res = await getPdf(app, href).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return textOf(res.body as Buffer);
  };
  const fileLinks = (html: string) => [...html.matchAll(/<a[^>]+href="(\/bilag\/\d+\/[^"]+)"[^>]*>([^<]*)</g)].map((m) => ({ href: m[1] as string, text: pageText(m[2] as string).trim() }));

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    secretary = await loginAs(app, 'sekretaer@demo.test');
    const c = await t.db('consultations').where({ title: TITLE }).first('id', 'slug', 'item_id');
    id.consultation = c.id;
    id.origin = c.item_id;
    slug = c.slug;
    base = `/admin/punkter/${id.origin}/hoeringer/${id.consultation}`;
    pdfPath = `/hoeringer/${slug}/hoeringsnotat.pdf`;
    id.oeu = (await t.db('committees').where({ name: 'Økonomiudvalget' }).first('id')).id;
    id.sou = (await t.db('committees').where({ name: 'Socialudvalget' }).first('id')).id;
    // Socialudvalget's meeting of 29 November 2022, where the strategy was approved: its minutes are approved and locked.
    id.locked = (await t.db('agenda_items').where({ title: 'Plads til alle – strategi mod udsathed blandt voksne, endelig godkendelse' }).first('id')).id;
    const parties = await t.db('consultation_parties as p').join('committees as c', 'c.id', 'p.committee_id').where('p.consultation_id', id.consultation).select('c.name', 'p.item_id');
    id.consulteeItem = parties.find((p: { name: string }) => p.name === 'Økonomiudvalget').item_id;
    id.handicapItem = parties.find((p: { name: string }) => p.name === 'Handicaprådet').item_id;
  });
  afterAll(() => t.drop());

  it('serves the published summary as a PDF: front matter, the table of points with comments, then every response in full', async () => {
    const res = await getPdf(app, pdfPath).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-pdf-cache']).toBe('miss');
    const info = await readPdf(res.body as Buffer);
    const text = info.text.join('\n').replace(/\s+/g, ' ');
    // Front matter: what, which draft, when, who.
    const front = info.text[0]?.replace(/\s+/g, ' ') ?? '';
    expect(front).toContain('Høringsnotat');
    expect(front).toContain('Plads til alle');
    expect(front).toContain('Udkast: Plads til alle');
    expect(front).toContain('7. oktober – 15. november 2022');
    expect(front).toContain('1. Økonomiudvalget');
    expect(front).toContain('17. Region Hovedstadens Psykiatri');
    // The table: numbered points with the administration's comments and marks, the seed's references, the consultees without a response.
    expect(text).toContain(POINT_1A);
    expect(text).toContain(COMMENT_1A);
    expect(text).toContain('Til implementeringsfasen');
    expect(text).toContain('Se svar under Økonomiudvalget (1.b og 1.c)');
    expect(text).toContain('10.c Der er desuden enighed om');
    expect(text).toContain('15 Intet høringssvar modtaget');
    expect(text).toContain('17 Intet høringssvar modtaget');
    // Then the responses in full, after the table.
    const full = text.indexOf('Høringssvar i deres helhed');
    expect(text.indexOf(POINT_1A)).toBeLessThan(full);
    expect(text.indexOf('14. Baldersbo, 13. oktober 2022')).toBeGreaterThan(full);
    expect(text.indexOf(BALDERSBO)).toBeGreaterThan(full);
    expect(text).toContain('3. Klima- og Miljøudvalget, 17. november 2022, punkt 7 Modtaget efter fristen');
    // A tagged PDF with bookmarks from the headings, and Danish metadata-carrying running headers.
    expect(info.markInfo?.Marked).toBe(true);
    expect(info.outline.map((b) => b.title)).toEqual([`Høringsnotat: ${TITLE}`]);
    expect(titles(info.outline)).toEqual(expect.arrayContaining(['Høringsparter', 'Høringssvar og pointer', 'Høringssvar i deres helhed', '14. Baldersbo, 13. oktober 2022']));
    expect(text).toContain('Side 1 af');

    // Unchanged, it comes from the cache, with the same ETag.
    const again = await getPdf(app, pdfPath).expect(200);
    expect(again.headers['x-pdf-cache']).toBe('hit');
    expect(again.headers.etag).toBe(res.headers.etag);
    // The summary page and the consultation's page link to it.
    expect((await request(app).get(`/hoeringer/${slug}/hoeringsnotat`).expect(200)).text).toContain(`href="${pdfPath}"`);
    expect((await request(app).get(`/hoeringer/${slug}`).expect(200)).text).toContain(`href="${pdfPath}"`);
  });

  it('does not exist before the summary is published, nor for an unknown consultation', async () => {
    await getPdf(app, '/hoeringer/findes-ikke/hoeringsnotat.pdf').expect(404);
    await getPdf(app, '/hoeringer/IKKE%20en%20slug/hoeringsnotat.pdf').expect(404);
    const version = async () => String((await t.db('consultations').where({ id: id.consultation }).first('version')).version);
    const intro = htmlToMarkup((await t.db('consultations').where({ id: id.consultation }).first('summary_intro')).summary_intro);
    await secretary.post(`${base}/notat`, { version: await version(), intro }).expect(303);
    await getPdf(app, pdfPath).expect(404);
    const admin = pageText((await secretary.get(base).expect(200)).text);
    expect(admin).toContain('Når høringsnotatet er offentliggjort, kan det hentes som PDF');
    await secretary.post(`${base}/notat`, { version: await version(), intro, publish: 'on' }).expect(303);
    await getPdf(app, pdfPath).expect(200);
  });

  it('attaches itself when the case is sent on to a new meeting: on the public item page, in samlet.pdf, with the summary as its text', async () => {
    const planned = await secretary.post(`/admin/udvalg/${id.oeu}/moeder`, { date: '2026-12-15', startTime: '16:00' }).expect(303);
    id.oeuMeeting = Number(/\/admin\/moeder\/(\d+)/.exec(planned.headers.location ?? '')?.[1]);
    const sent = await secretary.post(`/admin/punkter/${id.locked}/send-videre`, { meetingId: String(id.oeuMeeting), mode: 'send' }).expect(303);
    id.oeuItem = Number(/\/admin\/punkter\/(\d+)$/.exec(sent.headers.location ?? '')?.[1]);
    const flash = pageText((await secretary.get(sent.headers.location as string).expect(200)).text);
    expect(flash).toContain(`Høringsnotatet for ${TITLE} er vedhæftet som bilag`);

    const attached = (await attachmentsOf(id.oeuItem)).filter((a) => a.title === ATTACHMENT_TITLE);
    expect(attached).toHaveLength(1);
    expect(attached[0]).toMatchObject({ content_type: 'application/pdf', is_public: true });
    const tracked = await t.db('consultation_summary_attachments').where({ consultation_id: id.consultation, item_id: id.oeuItem });
    expect(tracked).toMatchObject([{ edition: 1, automatic: true, attachment_id: attached[0]?.id }]);

    await secretary.post(`/admin/moeder/${id.oeuMeeting}/offentliggoer`).expect(303);
    const meeting = await t.db('meetings').where({ id: id.oeuMeeting }).first('slug', 'status');
    expect(meeting.status).toBe('agenda_published');
    const number = (await t.db('agenda_items').where({ id: id.oeuItem }).first('number')).number;
    oeuItemPage = `/dagsorden/${meeting.slug}/punkt-${number}`;
    const page = (await (await anonymous(app)).get(oeuItemPage).expect(200)).text;
    const link = fileLinks(page).find((l) => l.text.includes('Høringsnotat – Plads til alle'));
    expect(link).toBeDefined();
    firstFile = link?.href as string;
    const text = await publicFile(firstFile);
    expect(text).toContain(POINT_1A);
    expect(text).toContain('15 Intet høringssvar modtaget');
    expect(text).toContain(BALDERSBO);
    expect(text).toContain(HANDICAP);

    // The meeting's samlet dokument appends public PDF attachments: the høringsnotat is among them.
    const combined = await textOf((await getPdf(app, `/dagsorden/${meeting.slug}/samlet.pdf`).expect(200)).body as Buffer);
    expect(combined).toContain(POINT_1A);

    // The consultation's admin page says where it went.
    const admin = pageText((await secretary.get(base).expect(200)).text);
    expect(admin).toMatch(/Økonomiudvalget, 15\. december 2026, punkt \d+: Plads til alle – strategi mod udsathed blandt voksne, endelig godkendelse/);
    expect(admin).toContain('Vedhæftet 24. november 2026 automatisk');
  });

  it('refuses users without rights with 403 and bad input with 422, and changes nothing', async () => {
    const hash = await hashPassword('demo');
    const kfu = await t.db('committees').where({ slug: 'kultur-og-fritidsudvalget' }).first('id');
    const [kfuUser] = await t.db('users').insert({ email: 'kfu-sekretaer@demo.test', name: 'KFU-sekretær', password_hash: hash, role: 'secretary' }).returning('id');
    await t.db('user_committees').insert({ user_id: kfuUser.id, committee_id: kfu.id });
    const [souUser] = await t.db('users').insert({ email: 'sou-sekretaer@demo.test', name: 'SOU-sekretær', password_hash: hash, role: 'secretary' }).returning('id');
    await t.db('user_committees').insert({ user_id: souUser.id, committee_id: id.sou });
    const before = { audit: await auditCount(), attachments: (await attachmentsOf(id.oeuItem)).length, notes: await t.db('item_change_notes').where({ item_id: id.oeuItem }).count('* as n') };
    const fields = { itemId: String(id.oeuItem), changeNote: '' };

    const visitor = await anonymous(app);
    const refusedVisitor = await visitor.post(`${base}/vedhaeft`, fields);
    expect(refusedVisitor.status).toBe(303);
    expect(refusedVisitor.headers.location).toBe('/login');
    await (await loginAs(app, 'lolan.ottesen@demo.test')).post(`${base}/vedhaeft`, fields).expect(403);
    await (await loginAs(app, 'kfu-sekretaer@demo.test')).post(`${base}/vedhaeft`, fields).expect(403);
    // Socialudvalget's secretary runs the consultation, but Økonomiudvalget's agenda is not theirs.
    const sou = await loginAs(app, 'sou-sekretaer@demo.test');
    const notTheirs = await sou.post(`${base}/vedhaeft`, fields).expect(403);
    expect(pageText(notTheirs.text)).toContain('Du er ikke sekretær for Økonomiudvalget');
    // Without the CSRF token: refused before anything is looked at.
    await secretary.agent.post(`${base}/vedhaeft`).type('form').send(fields).expect(403);

    const bad = async (body: Record<string, string>, message: string) => {
      const res = await secretary.post(`${base}/vedhaeft`, body).expect(422);
      const text = pageText(res.text);
      expect(text).toContain('Der er problemer');
      expect(text).toContain(message);
    };
    await bad({ itemId: 'abc', changeNote: '' }, 'Vælg det punkt, høringsnotatet skal vedhæftes');
    await bad({ changeNote: '' }, 'Vælg det punkt, høringsnotatet skal vedhæftes');
    await bad({ itemId: '99999999', changeNote: '' }, 'Vælg et af sagens punkter fra listen');
    // A consultee's own item, and the origin item, are no returns of the case.
    await bad({ itemId: String(id.consulteeItem), changeNote: '' }, 'Vælg et af sagens punkter fra listen');
    await bad({ itemId: String(id.origin), changeNote: '' }, 'Vælg et af sagens punkter fra listen');
    await bad({ itemId: String(id.locked), changeNote: '' }, 'Referatet for det møde er godkendt og låst');
    await bad({ itemId: String(id.oeuItem), changeNote: 'x'.repeat(1001) }, 'Ændringsnoten må højst være 1.000 tegn');
    const arrays = await secretary.agent.post(`${base}/vedhaeft`).type('form').send(`_csrf=${encodeURIComponent(secretary.csrf)}&itemId=1&itemId=2`);
    expect(arrays.status).toBe(422);

    expect(await auditCount()).toBe(before.audit);
    expect((await attachmentsOf(id.oeuItem)).length).toBe(before.attachments);
    expect(await t.db('item_change_notes').where({ item_id: id.oeuItem }).count('* as n')).toEqual(before.notes);
  });

  it('attaches again after the summary changed: on a published agenda a new edition beside the old one, with a change note', async () => {
    // The secretary adds to the comment of 1.a after the høringsnotat went out.
    const point = await t.db('consultation_points as p').join('consultation_parties as q', 'q.id', 'p.party_id').join('committees as c', 'c.id', 'q.committee_id').where({ 'p.consultation_id': id.consultation, 'c.name': 'Økonomiudvalget', 'p.position': 1 }).first('p.id', 'p.text', 'p.comment', 'p.version');
    await secretary
      .post(`${base}/notat/punkter/${point.id}`, { version: String(point.version), text: htmlToMarkup(point.text), comment: `${htmlToMarkup(point.comment)}\n\n${ADDED_COMMENT}`, refs: '', outcome: 'implementation' })
      .expect(303);
    const admin = pageText((await secretary.get(base).expect(200)).text);
    expect(admin).toContain('Høringsnotatet er ændret siden: vedhæft det igen');

    const done = await secretary.post(`${base}/vedhaeft`, { itemId: String(id.oeuItem), changeNote: '' }).expect(303);
    expect(pageText((await secretary.get(done.headers.location as string).expect(200)).text)).toContain('i en ny udgave (udgave 2). Den tidligere udgave er bevaret');
    const summaries = (await attachmentsOf(id.oeuItem)).filter((a) => a.title.startsWith('Høringsnotat – '));
    expect(summaries.map((a) => a.title)).toEqual([ATTACHMENT_TITLE, `${ATTACHMENT_TITLE} (udgave 2)`]);
    expect(summaries[0]?.storage_key).not.toBe(summaries[1]?.storage_key);

    // Published text changes only as a visible new version: both files and the change note are on the public page.
    const page = (await (await anonymous(app)).get(oeuItemPage).expect(200)).text;
    expect(pageText(page)).toContain('Høringsnotatet er ændret, efter det blev vedhæftet, og er vedhæftet i en ny udgave (udgave 2)');
    const links = fileLinks(page).filter((l) => l.text.includes('Høringsnotat – Plads til alle'));
    expect(links).toHaveLength(2);
    expect(links[0]?.href).toBe(firstFile);
    expect(await publicFile(firstFile)).not.toContain(ADDED_COMMENT);
    expect(await publicFile(links[1]?.href as string)).toContain(ADDED_COMMENT);

    // Pressed again without a change: nothing happens, and the secretary is told so.
    const audit = await auditCount();
    const count = (await attachmentsOf(id.oeuItem)).length;
    const again = await secretary.post(`${base}/vedhaeft`, { itemId: String(id.oeuItem), changeNote: '' }).expect(303);
    expect(pageText((await secretary.get(again.headers.location as string).expect(200)).text)).toContain('har allerede den nyeste udgave af høringsnotatet');
    expect(await auditCount()).toBe(audit);
    expect((await attachmentsOf(id.oeuItem)).length).toBe(count);
  });

  it('on an item created on the case before its agenda is out, replaces the file instead of adding one', async () => {
    const planned = await secretary.post(`/admin/udvalg/${id.sou}/moeder`, { date: '2027-01-12', startTime: '16:00' }).expect(303);
    id.souMeeting = Number(/\/admin\/moeder\/(\d+)/.exec(planned.headers.location ?? '')?.[1]);
    const created = await secretary.post(`/admin/moeder/${id.souMeeting}/punkter`, { title: 'Plads til alle – status på implementeringen', kind: 'regular', caseNumber: '27.00.00-A00-9-22' }).expect(303);
    id.souItem = Number(/\/admin\/punkter\/(\d+)$/.exec(created.headers.location ?? '')?.[1]);
    const first = (await attachmentsOf(id.souItem)).filter((a) => a.title === ATTACHMENT_TITLE);
    expect(first).toHaveLength(1);

    // The summary changes (its introduction), and the secretary attaches it again with the button.
    const c = await t.db('consultations').where({ id: id.consultation }).first('version', 'summary_intro');
    await secretary.post(`${base}/notat`, { version: String(c.version), intro: `${htmlToMarkup(c.summary_intro)}\n\nRettet indledning.`, publish: 'on' }).expect(303);
    await secretary.post(`${base}/vedhaeft`, { itemId: String(id.souItem), changeNote: '' }).expect(303);
    const after = (await attachmentsOf(id.souItem)).filter((a) => a.title.startsWith('Høringsnotat – '));
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(first[0]?.id);
    expect(after[0]?.storage_key).not.toBe(first[0]?.storage_key);
    expect(await t.db('item_change_notes').where({ item_id: id.souItem })).toEqual([]);
    expect((await t.db('consultation_summary_attachments').where({ item_id: id.souItem }).orderBy('edition')).map((r: { edition: number }) => r.edition)).toEqual([1, 2]);
  });

  it("never lets a closed item's text in: a closed consultee's response, a consultation sent out from a closed item", async () => {
    // Handicaprådet's answering item becomes closed (its minutes are locked: lifted for the test, as an import would).
    await t.db.transaction(async (trx) => {
      await trx.raw('SET LOCAL session_replication_role = replica');
      await trx('agenda_items').where({ id: id.handicapItem }).update({ is_closed: true });
    });
    const text = await textOf((await getPdf(app, pdfPath).expect(200)).body as Buffer);
    expect(text).not.toContain(HANDICAP);
    expect(text).not.toContain('8. Handicaprådet, 27. oktober 2022');
    expect(text).toContain('8 Intet offentligt høringssvar');
    expect(text).toContain(POINT_1A);
    // Attached again, the new edition leaves it out too.
    await secretary.post(`${base}/vedhaeft`, { itemId: String(id.oeuItem), changeNote: 'Høringsnotatet er opdateret.' }).expect(303);
    const newest = (await attachmentsOf(id.oeuItem)).filter((a) => a.title.startsWith('Høringsnotat – ')).at(-1);
    expect(newest?.title).toBe(`${ATTACHMENT_TITLE} (udgave 3)`);
    const attachedText = await publicFile(`/bilag/${newest?.id}/hoeringsnotat.pdf`);
    expect(attachedText).not.toContain(HANDICAP);
    expect(pageText((await request(app).get(oeuItemPage).expect(200)).text)).toContain('Høringsnotatet er opdateret.');

    // The consultation's own item becomes closed: the consultation, its summary and the PDF are gone for the public,
    // and the summary can no longer go on an open item.
    await t.db.transaction(async (trx) => {
      await trx.raw('SET LOCAL session_replication_role = replica');
      await trx('agenda_items').where({ id: id.origin }).update({ is_closed: true });
    });
    await getPdf(app, pdfPath).expect(404);
    await request(app).get(`/hoeringer/${slug}/hoeringsnotat`).expect(404);
    const refused = await secretary.post(`${base}/vedhaeft`, { itemId: String(id.souItem), changeNote: '' }).expect(422);
    expect(pageText(refused.text)).toContain('Høringen er sendt ud fra et lukket punkt. Høringsnotatet kan kun vedhæftes et lukket punkt');
  });
});
