import type { Express } from 'express';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { runScript } from '../helpers/run-script';
import { anonymous } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { ACADRE, databaseDigest, EDOC, FIXTURES, fixtureText, importBuffers, importSamples, PUBLICATION } from './support';

function replaced(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`fixture variant: ${String(from)} not found`);
  return out;
}

/**
 * Re-importing: an unchanged export changes nothing (in-process and from the command
 * line); a changed one updates the same meeting, visibly; a broken file saves nothing;
 * closed stays closed and withheld files stay private.
 */
describe('re-importing exports', () => {
  let t: TestDb;
  let app: Express;
  let digest: Record<string, string>;

  const meetingIdOf = async (system: string, externalId: string) =>
    (await t.db('import_sources').where({ system, kind: 'meeting', external_id: externalId }).first('local_id')).local_id as number;

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    const first = await importSamples(t.db);
    expect(first.meetings.map((m) => m.outcome)).toEqual(['created', 'created', 'created']);
    digest = await databaseDigest(t.db);
  });
  afterAll(() => t.drop());

  it('from the command line, on the folder: every meeting "uændret", and not one row changes', async () => {
    const { code, output } = await runScript('import.ts', [FIXTURES], { DATABASE_URL: t.url });
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('I alt: 0 oprettet, 0 opdateret, 3 uændret, 0 sprunget over (3 møder i 3 filer)') });
    expect(output).toContain(`${FIXTURES}/${EDOC}: Sundheds- og Forebyggelsesudvalget, 4. december 2012 (referat) – uændret`);
    expect(output).toContain(`${FIXTURES}/${ACADRE}: Udvalget for plan, udvikling og kultur (PUK), 20. juni 2013 (referat) – uændret`);
    expect(await databaseDigest(t.db)).toEqual(digest);
  });

  it('in-process a second time: every meeting "uændret", and not one row changes', async () => {
    const again = await importSamples(t.db);
    expect(again.meetings.map((m) => m.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await databaseDigest(t.db)).toEqual(digest);
  });

  it('reads a byte-order mark and CRLF line ends as the same export: "uændret"', async () => {
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixtureText(ACADRE).replace(/\n/g, '\r\n'), 'utf8')]);
    const report = await importBuffers(t.db, [{ name: 'windows.xml', bytes: crlf }]);
    expect(report.meetings.map((m) => m.outcome)).toEqual(['unchanged']);
    expect(await databaseDigest(t.db)).toEqual(digest);
  });

  it('reports a broken (truncated) file with where and why, and saves nothing of it', async () => {
    const truncated = fixtureText(EDOC).slice(0, 200_000);
    const report = await importBuffers(t.db, [{ name: 'afkortet.xml', bytes: truncated }, { name: 'tom.xml', bytes: '' }, { name: 'andet.xml', bytes: '<?xml version="1.0"?><html/>' }]);
    expect(report.meetings.map((m) => [m.file, m.outcome, m.error])).toEqual([
      ['afkortet.xml', 'skipped', true],
      ['tom.xml', 'skipped', true],
      ['andet.xml', 'skipped', true],
    ]);
    expect(report.meetings[0]?.reason).toMatch(/^Filen slutter, før elementerne .*<Meeting>.* er lukket: den er afkortet eller beskadiget$/);
    expect(report.meetings[0]?.where).toBe(`linje ${truncated.split('\n').length}`);
    expect(report.meetings[1]?.reason).toBe('Filen er tom');
    expect(report.meetings[2]?.reason).toMatch(/^Formatet genkendes ikke/);
    expect(await databaseDigest(t.db)).toEqual(digest);
  });

  it('a changed agenda updates the same meeting, with a public change note on the changed item only', async () => {
    const meetingId = await meetingIdOf('publication', '1233');
    const itemIds = await t.db('agenda_items').where({ meeting_id: meetingId }).orderBy('number').pluck('id');
    const changed = replaced(fixtureText(PUBLICATION), 'Der forel&aelig;gges forslag til anvendelse af bel&oslash;b', 'Der forel&aelig;gges nu et revideret forslag til anvendelse af bel&oslash;b');
    const report = await importBuffers(t.db, [{ name: PUBLICATION, bytes: changed }]);
    expect(report.meetings.map((m) => m.outcome)).toEqual(['updated']);
    expect(await t.db('agenda_items').where({ meeting_id: meetingId }).orderBy('number').pluck('id')).toEqual(itemIds);
    const notes = await t.db('item_change_notes').whereIn('item_id', itemIds).select('item_id', 'note');
    expect(notes).toEqual([{ item_id: itemIds[1], note: 'Opdateret ved import fra SBSYS/eDagsorden' }]);
    const page = pageText((await (await anonymous(app)).get(`/dagsorden/${report.meetings[0]?.slug}`).expect(200)).text);
    expect(page).toContain('Ændret efter offentliggørelsen');
    expect(page).toContain('Der forelægges nu et revideret forslag');
  });

  it('agenda → minutes: the same meeting gets its decisions and is published, never duplicated', async () => {
    const meetingId = await meetingIdOf('publication', '1233');
    const itemIds = await t.db('agenda_items').where({ meeting_id: meetingId }).orderBy('number').pluck('id');
    const meetings = await t.db('meetings').count<{ count: number }[]>('* as count');
    let minutes = replaced(fixtureText(PUBLICATION), '<PublicationTypeAsEnum><![CDATA[Draft]]>', '<PublicationTypeAsEnum><![CDATA[Minutes]]>');
    minutes = replaced(minutes, '<strong>25. september 2012:</strong></p>', '<strong>25. september 2012:</strong> Indstillingen blev tiltrådt.</p>');
    minutes = replaced(minutes, 'Der forel&aelig;gges forslag til anvendelse af bel&oslash;b', 'Der forel&aelig;gges nu et revideret forslag til anvendelse af bel&oslash;b');
    const report = await importBuffers(t.db, [{ name: PUBLICATION, bytes: minutes }]);
    expect(report.meetings.map((m) => [m.outcome, m.meeting])).toEqual([['updated', 'Forretningsudvalget, 25. september 2012 (referat)']]);
    expect(await t.db('meetings').count<{ count: number }[]>('* as count')).toEqual(meetings);
    expect(await t.db('agenda_items').where({ meeting_id: meetingId }).orderBy('number').pluck('id')).toEqual(itemIds);
    expect((await t.db('meetings').where({ id: meetingId }).first('status')).status).toBe('minutes_published');
    expect((await t.db('agenda_items').where({ id: itemIds[0] }).first('decision')).decision).toBe('<p>Indstillingen blev tiltrådt.</p>');
    const page = pageText((await (await anonymous(app)).get(`/dagsorden/${report.meetings[0]?.slug}`).expect(200)).text);
    expect(page).toContain('Beslutning Indstillingen blev tiltrådt.');
    expect(page).toContain('Beslutningshistorik Beslutning truffet af Forretningsudvalget d. 18-09-2012 Sagen udsat');
  });

  it('changed minutes are reopened and published as a new, visible version', async () => {
    const meetingId = await meetingIdOf('acadre', '1721');
    const before = await t.db('agenda_items').where({ meeting_id: meetingId }).pluck('id');
    const changed = replaced(fixtureText(ACADRE), 'Punktet\nblev drøftet.', 'Punktet blev drøftet og taget til efterretning.');
    const report = await importBuffers(t.db, [{ name: ACADRE, bytes: changed }]);
    expect(report.meetings.map((m) => m.outcome)).toEqual(['updated']);
    expect(await t.db('agenda_items').where({ meeting_id: meetingId }).pluck('id')).toEqual(before);
    const versions = await t.db('minutes_versions').where({ meeting_id: meetingId }).orderBy('version').select('version', 'round', 'reopen_reason', 'public_html', 'published_at');
    expect(versions.map((v) => [v.version, v.round, v.reopen_reason])).toEqual([
      [1, 1, 'Opdateret ved import fra Acadre'],
      [2, 2, null],
    ]);
    // The first version stays readable as it was published.
    expect(versions[0]?.public_html).toContain('Punktet blev drøftet.');
    expect(versions[0]?.public_html).not.toContain('taget til efterretning');
    expect((await t.db('meetings').where({ id: meetingId }).first('status')).status).toBe('minutes_published');
    expect(await t.db('minutes_approvals').where({ meeting_id: meetingId, round: 2 }).count<{ count: number }[]>('* as count')).toEqual([{ count: 5 }]);
    const again = await importBuffers(t.db, [{ name: ACADRE, bytes: changed }]);
    expect(again.meetings.map((m) => m.outcome)).toEqual(['unchanged']);
  });

  it('an agenda does not replace published minutes: the meeting is skipped with the reason', async () => {
    const agenda = replaced(fixtureText(ACADRE), '<field name="name">Referat</field>', '<field name="name">Dagsorden</field>');
    const before = await databaseDigest(t.db);
    const report = await importBuffers(t.db, [{ name: 'dagsorden.xml', bytes: agenda }]);
    expect(report.meetings.map((m) => [m.outcome, m.reason, m.error])).toEqual([['skipped', 'referatet er allerede offentliggjort; en dagsorden erstatter det ikke', false]]);
    expect(await databaseDigest(t.db)).toEqual(before);
  });

  it('an item title longer than the database keeps skips the meeting with the reason, and saves nothing of it', async () => {
    const long = `Kulturkommune 2017. ${'Politiske fokusområder og '.repeat(24)}mere`;
    expect(long.length).toBeGreaterThan(600);
    const export_ = replaced(fixtureText(ACADRE), '<field name="name">Kulturkommune 2017. Politiske fokusområder</field>', `<field name="name">${long}</field>`);
    const before = await databaseDigest(t.db);
    const report = await importBuffers(t.db, [{ name: 'lang-titel.xml', bytes: export_ }]);
    expect(report.meetings.map((m) => [m.outcome, m.reason, m.error])).toEqual([['skipped', `punkt 715 har en titel på ${long.length} tegn; Mødebog gemmer højst 600 tegn i et punkts titel`, false]]);
    expect(await databaseDigest(t.db)).toEqual(before);
  });

  it('a closed item stays closed: no title, no content and no attachment on the public page, before and after a re-import', async () => {
    let closed = replaced(fixtureText(ACADRE), '<field name="sysid">1721</field>', '<field name="sysid">1999</field>');
    closed = replaced(closed, '<field name="date">2013-06-20 10:30</field>', '<field name="date">2013-06-27 10:30</field>');
    closed = replaced(closed, '<field name="access" criteria="IN(1)">1</field>', '<field name="access" criteria="IN(2)">2</field>');
    closed = replaced(closed, '<field name="accessname">Åben</field><field name="stateName">Afsendt</field>', '<field name="accessname">Lukket</field><field name="stateName">Afsendt</field>');
    const report = await importBuffers(t.db, [{ name: 'lukket.xml', bytes: closed }]);
    expect(report.meetings.map((m) => m.outcome)).toEqual(['created']);
    const meetingId = await meetingIdOf('acadre', '1999');
    const check = async () => {
      const item = await t.db('agenda_items').where({ meeting_id: meetingId }).first('id', 'is_closed');
      expect(item.is_closed).toBe(true);
      expect(await t.db('attachments').where({ item_id: item.id }).pluck('is_public')).toEqual([false, false, false]);
      const res = await (await anonymous(app)).get(`/dagsorden/${report.meetings[0]?.slug}`).expect(200);
      const page = pageText(res.text);
      expect(page).toContain('Punkt 715 Lukket punkt');
      for (const secret of ['Kulturkommune', 'Opsamlingsnotat', 'Direktøren indstiller', 'Supplerende Sagsfremstilling', 'Punktet blev drøftet']) expect(page).not.toContain(secret);
      expect((await (await anonymous(app)).get(`/dagsorden/${report.meetings[0]?.slug}/punkt-715`)).text).not.toContain('Kulturkommune');
    };
    await check();
    const changed = replaced(closed, 'Punktet\nblev drøftet.', 'Punktet blev drøftet igen.');
    expect((await importBuffers(t.db, [{ name: 'lukket.xml', bytes: changed }])).meetings.map((m) => m.outcome)).toEqual(['updated']);
    await check();
  });

  it('an attachment eDoc may not publish is never public, while the others are', async () => {
    let variant = fixtureText(EDOC).replace(/04-12-2012 13:00:00/g, '11-12-2012 13:00:00');
    variant = replaced(
      variant,
      /(<Attachment attachmentid="2003021031">[\s\S]*?<PublishingType>)SKAL PUBLICERES(<\/PublishingType>)/,
      '$1MÅ IKKE PUBLICERES$2',
    );
    const report = await importBuffers(t.db, [{ name: 'edoc-variant.xml', bytes: variant }]);
    expect(report.meetings.map((m) => m.outcome)).toEqual(['created']);
    const meetingId = report.meetings[0]?.meetingId as number;
    const rows = await t.db('attachments as a').join('agenda_items as i', 'i.id', 'a.item_id').where('i.meeting_id', meetingId).select('a.title', 'a.is_public');
    expect(rows.filter((r) => !r.is_public).map((r) => r.title)).toEqual(['Bygningsliste og prioriteringssystem']);
    expect(rows.filter((r) => r.is_public)).toHaveLength(9);
    const page = pageText((await (await anonymous(app)).get(`/dagsorden/${report.meetings[0]?.slug}`).expect(200)).text);
    expect(page).not.toContain('Bygningsliste og prioriteringssystem');
    expect(page).toContain('Aktivitetscenter Solvej 6 - Projektbeskrivelse');
  });
});
