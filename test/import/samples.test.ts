import type { Express } from 'express';
import { richTextToPlain } from '../../src/modules/sanitize/html';
import { reportLines } from '../../src/modules/import/report';
import type { ImportReport } from '../../src/modules/import/service';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { anonymous } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { ACADRE, EDOC, edocReferatItems, fixtureText, importSamples, PUBLICATION, squash } from './support';

/**
 * The three real exports import, and every item and section lands where the referat
 * beside the sample shows it: checked against the referat text itself, item by item.
 */
describe('importing the three ESDH samples', () => {
  let t: TestDb;
  let app: Express;
  let report: ImportReport;

  const meetingOf = (file: string) => {
    const m = report.meetings.find((r) => r.file === file);
    if (!m?.meetingId || !m.slug) throw new Error(`${file} was not imported: ${m?.reason}`);
    return { id: m.meetingId, slug: m.slug };
  };
  const items = (meetingId: number) => t.db('agenda_items').where({ meeting_id: meetingId }).orderBy('position').select('*');
  const extras = (itemId: number) => t.db('item_extra_sections').where({ item_id: itemId }).orderBy('position').select('kind', 'label', 'body');
  const plain = (html: string | null) => (html ? richTextToPlain(html) : '');

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    report = await importSamples(t.db);
  });
  afterAll(() => t.drop());

  it('creates one meeting per sample and reports each in Danish, with the totals', () => {
    expect(report.meetings.map((m) => [m.file, m.outcome, m.error])).toEqual([
      [EDOC, 'created', false],
      [PUBLICATION, 'created', false],
      [ACADRE, 'created', false],
    ]);
    expect(report.files.map((f) => f.format)).toEqual(['edoc', 'publication', 'acadre']);
    const lines = reportLines(report);
    expect(lines).toContain(`${EDOC}: Sundheds- og Forebyggelsesudvalget, 4. december 2012 (referat) – oprettet`);
    expect(lines).toContain(`${PUBLICATION}: Forretningsudvalget, 25. september 2012 (dagsorden) – oprettet`);
    expect(lines).toContain(`${ACADRE}: Udvalget for plan, udvikling og kultur (PUK), 20. juni 2013 (referat) – oprettet`);
    expect(lines[lines.length - 1]).toBe('I alt: 3 oprettet, 0 opdateret, 0 uændret, 0 sprunget over (3 møder i 3 filer)');
  });

  it('handles the character XML 1.0 does not allow in the eDoc sample (&#xC;), and says so', async () => {
    expect(fixtureText(EDOC)).toContain('&#xC;');
    expect(report.files[0]?.warnings).toEqual(['2 tegn, som XML 1.0 ikke tillader, er erstattet med linjeskift']);
    const texts = (await t.db('agenda_items').where({ meeting_id: meetingOf(EDOC).id }).pluck('case_presentation')) as string[];
    expect(texts.join('')).not.toMatch(/[\f\u0000-\u0008]/);
  });

  it('eDoc: every "Punkt N" of the referat, with its case number, sections, recommendation and decision', async () => {
    const referat = edocReferatItems(fixtureText('ballerup-edoc-sundhedsudvalg-2012-12-04-referat.txt'));
    expect(referat.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const meeting = meetingOf(EDOC);
    const rows = await items(meeting.id);
    expect(rows.map((r) => `Punkt ${r.number} ${r.title}`)).toEqual(referat.map((i) => `Punkt ${i.number} ${i.title}`));
    const fields: Record<string, string> = {
      Sammendrag: 'summary',
      Baggrund: 'background',
      Sagsfremstilling: 'case_presentation',
      'Økonomiske konsekvenser og finansiering': 'financial_text',
    };
    for (const [n, expected] of referat.entries()) {
      const row = rows[n];
      const caseRow = await t.db('cases').where({ id: row.case_id }).first('case_number');
      expect({ punkt: row.number, case: caseRow?.case_number }).toEqual({ punkt: expected.number, case: expected.caseNumber });
      expect({ punkt: row.number, decision: squash(plain(row.decision)) }).toEqual({ punkt: expected.number, decision: squash(expected.decision) });
      expect(row.is_closed).toBe(false);
      for (const [label, column] of Object.entries(fields)) {
        const text = expected.sections.get(label);
        if (text === undefined) continue;
        expect({ punkt: row.number, label, text: squash(plain(row[column])) }).toEqual({ punkt: expected.number, label, text: squash(text) });
      }
      const indstilling = expected.sections.get('Indstilling');
      if (indstilling) {
        const [intro, ...rest] = indstilling.trim().split('\n');
        expect(`${row.recommendation_by} indstiller, at`).toBe(intro?.trim());
        const points = (await t.db('recommendation_points').where({ item_id: row.id }).orderBy('number').pluck('text')) as string[];
        expect(squash(points.map(plain).join(''))).toBe(squash(rest.join('\n').replace(/^[A-Z]\) ?/gm, '')));
      }
      const decidedBy = expected.sections.get('Beslutningen træffes af');
      if (decidedBy) {
        const committee = await t.db('committees').where({ id: row.decided_by_committee_id }).first('name');
        expect(committee?.name).toBe(decidedBy.trim());
      }
    }
    // The earlier treatments the referat prints under the case number.
    expect((await extras(rows[2].id)).map((e) => [e.kind, e.label])).toEqual([['earlier_treatment', 'Kommunalbestyrelsen den 30. januar 2012 Punkt 5']]);
    expect((await extras(rows[3].id)).map((e) => [e.kind, e.label])).toEqual([['earlier_treatment', 'Sundheds- og Forebyggelsesudvalget den 30. maj 2012 Punkt 7']]);
  });

  it('eDoc: Meddelelser becomes sub-points a–e, each with the attachment the referat lists under it', async () => {
    const [announcements] = await items(meetingOf(EDOC).id);
    expect(announcements.kind).toBe('announcements');
    const subPoints = await t.db('sub_points').where({ item_id: announcements.id }).orderBy('number').select('id', 'title');
    expect(subPoints.map((s) => s.title)).toEqual([
      'Møder og konferencer',
      'Konference den 23. januar 2012 - Hvordan udvikler vi det nære sundhedsvæsen sammen?',
      'Konference den 10. december 2012 - Forebyggelse af ulighed i sundhedsvæsenet',
      'Redegørelse fra Træning og Aktivitet vedrørende Seniorrådets høringssvar',
      'Sundheds- og Forebyggelsesudvalgets aktiviteter 2013 herunder konferencer, studiebesøg m.fl.',
    ]);
    const attachments = await t.db('attachments').where({ item_id: announcements.id }).orderBy('position').select('sub_point_id', 'title', 'is_public', 'storage_key');
    expect(attachments.map((a) => [subPoints.findIndex((s) => s.id === a.sub_point_id) + 1, a.title])).toEqual([
      [2, 'Hvordan udvikler vi det nære sundhedsvæsen sammen?'],
      [3, 'Forebyggelse af ulighed i sundhedsvæsenet'],
      [4, 'Redegørelse fra Træning og Aktivitet vedrørende Seniorrådets høringssvar'],
    ]);
    // The export names its files, but they are not in it: records without files.
    expect(attachments.every((a) => a.is_public && a.storage_key === null)).toBe(true);
  });

  it('eDoc: the approved minutes are published with the attendance, the members matched to the people of the body', async () => {
    const meeting = await t.db('meetings').where({ id: meetingOf(EDOC).id }).first('status', 'location', 'starts_at', 'slug');
    expect(meeting.status).toBe('minutes_published');
    expect(meeting.location).toBe('Mødecenter C, Lokale 32 på Ballerup Rådhus');
    expect(meeting.slug).toBe('sundheds-og-forebyggelsesudvalget-04-12-2012');
    expect(await t.db('minutes_versions').where({ meeting_id: meetingOf(EDOC).id }).pluck('version')).toEqual([1]);
    const attendance = await t.db('attendance as a').join('people as p', 'p.id', 'a.person_id').where('a.meeting_id', meetingOf(EDOC).id).orderBy('p.name').select('p.name', 'a.status', 'p.email');
    expect(attendance).toHaveLength(7);
    expect(attendance.every((a) => a.status === 'present')).toBe(true);
    // Lolan Ottesen (A) and Maria Lundahl Assov (A) are the demo's people, not copies.
    expect(attendance.find((a) => a.name === 'Lolan Ottesen')?.email).toBe('lolan.ottesen@demo.test');
    expect(await t.db('people').where({ name: 'Lolan Ottesen' }).count<{ count: number }[]>('* as count')).toEqual([{ count: 1 }]);
    const chair = await t.db('memberships as ms').join('committees as c', 'c.id', 'ms.committee_id').join('people as p', 'p.id', 'ms.person_id')
      .where({ 'c.name': 'Sundheds- og Forebyggelsesudvalget', 'p.name': 'Lolan Ottesen' }).first('ms.role', 'ms.party');
    expect(chair).toEqual({ role: 'chair', party: 'A' });
  });

  it('eDoc: the public page shows every item with its sections, the decisions and the earlier treatments', async () => {
    const res = await (await anonymous(app)).get(`/dagsorden/${meetingOf(EDOC).slug}`).expect(200);
    const text = pageText(res.text);
    for (const i of edocReferatItems(fixtureText('ballerup-edoc-sundhedsudvalg-2012-12-04-referat.txt'))) expect(text).toContain(`Punkt ${i.number} ${i.title}`);
    expect(text).toContain('Referat');
    expect(text).toContain('Sammendrag Det årlige bygningssyn er nu afsluttet');
    expect(text).toContain('Tidligere behandling Kommunalbestyrelsen den 30. januar 2012 Punkt 5');
    expect(text).toContain('Center for Ejendomme indstiller, at');
    expect(text).toContain('Indstillingen godkendt med denne bemærkning: Gruppen af unge i Ballerup Kommune også får adgang til at bruge lokalerne på Solvej 6.');
    expect(text).toContain('Lolan Ottesen (A)');
  });

  it('Acadre: punkt 715 with its sections, decision history, the unknown section and the attachments as in the referat', async () => {
    const referat = fixtureText('syddjurs-acadre-puk-2013-06-20-referat.txt');
    const meeting = meetingOf(ACADRE);
    const [item] = await items(meeting.id);
    expect(referat).toContain(`${item.number}. ${item.title}`);
    expect(item.number).toBe(715);
    expect((await t.db('cases').where({ id: item.case_id }).first('case_number')).case_number).toBe('12/27845');
    expect(referat).toContain(`Sagen afgøres i: ${(await t.db('committees').where({ id: item.decided_by_committee_id }).first('name')).name}`);
    const between = (from: string, to: string) => squash(referat.slice(referat.indexOf(from) + from.length, referat.indexOf(to, referat.indexOf(from))));
    expect(squash(plain(item.summary))).toBe(between('\nResumé\n', '\nSagsfremstilling\n'));
    expect(squash(plain(item.case_presentation))).toBe(between('\nSagsfremstilling\n', '\nØkonomi og organisatoriske konsekvenser\n').replace(/\uf0b7/g, ''));
    expect(squash(plain(item.financial_text))).toBe(between('\nØkonomi og organisatoriske konsekvenser\n', '\nIndstilling\n'));
    expect(item.recommendation_by).toBe('Direktøren');
    expect(squash(plain(item.decision))).toBe(between('Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013\n', '\nBilag\n'));
    const sections = await extras(item.id);
    expect(sections.map((s) => [s.kind, s.label])).toEqual([
      ['section', 'Supplerende Sagsfremstilling'],
      ['decision_history', 'Beslutning truffet af Udvalget for plan, udvikling og kultur (PUK) d. 10-04-2013'],
      ['decision_history', 'Beslutning truffet af Udvalget for plan, udvikling og kultur (PUK) d. 24-04-2013'],
    ]);
    expect(squash(plain(sections[0]?.body ?? null))).toBe(between('\nSupplerende Sagsfremstilling\n', '\nBeslutning i Udvalget for plan, udvikling og kultur (PUK) den 24-04-2013'));
    expect(squash(plain(sections[2]?.body ?? null))).toBe(between('den 24-04-2013\n', '\nBeslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013'));
    const attachments = await t.db('attachments').where({ item_id: item.id }).orderBy('position').pluck('title');
    for (const [n, title] of attachments.entries()) expect(referat).toContain(`${n + 1} Åben ${title}`);
    // The export's inline styles, spans and empty paragraphs are gone; what is left went through the one sanitizer.
    for (const html of [item.summary, item.case_presentation, item.decision] as string[]) {
      expect(html).not.toMatch(/style=|<span|<p>[\s\u00a0]*<\/p>|&nbsp;/);
    }
    expect(item.summary).toContain('<p><strong>Tidsplan:</strong></p>');
    const status = await t.db('meetings').where({ id: meeting.id }).first('status', 'location');
    expect(status).toEqual({ status: 'minutes_published', location: 'Kaløvig Kursuscenter, Præstekravevej 46, Følle Strand, 8410 Rønde' });

    const page = pageText((await (await anonymous(app)).get(`/dagsorden/${meeting.slug}`).expect(200)).text);
    expect(page).toContain('Punkt 715 Kulturkommune 2017. Politiske fokusområder');
    expect(page).toContain('Supplerende Sagsfremstilling Der skal arbejdes med konkretisering');
    expect(page).toContain('Beslutningshistorik Beslutning truffet af Udvalget for plan, udvikling og kultur (PUK) d. 10-04-2013');
    expect(page).toContain('Punktet blev drøftet.');
  });

  it('Publication (SBSYS/eDagsorden): the agenda with its fields by caption, unknown captions kept in order, earlier decisions as history', async () => {
    const meeting = meetingOf(PUBLICATION);
    const rows = await items(meeting.id);
    expect(rows.map((r) => `${r.number}. ${r.title}`)).toEqual([
      '1. 2. behandling af forslag til styrelsesvedtægt – nedsættelse af stående udvalg',
      '2. Anvendelse af beløb til hospitalsudstyr og patientnære arealer',
      '3. Særpublikation og konference om infrastruktur og vækst',
      '4. Anmodning fra Hans Toft (C) om offentliggørelse af beslutning truffet af Movias bestyrelse',
    ]);
    const m = await t.db('meetings').where({ id: meeting.id }).first('status', 'location', 'starts_at', 'ends_at');
    expect(m).toMatchObject({ status: 'agenda_published', location: 'H2' });
    expect((m.starts_at as Date).toISOString()).toBe('2012-09-25T13:30:00.000Z');
    const first = rows[0];
    expect(plain(first.summary)).toMatch(/^Forretningsudvalget besluttede på sit møde den 18\. september 2012/);
    expect(first.decision).toBeNull();
    const points = (await t.db('recommendation_points').where({ item_id: first.id }).pluck('text')) as string[];
    expect(points.map(plain)).toEqual(['det som bilag vedlagte forslag til styrelsesvedtægt godkendes endeligt af regionsrådet på baggrund af Økonomi- og Indenrigsministeriets godkendelse.']);
    expect((await extras(first.id)).map((e) => [e.kind, e.label, plain(e.body)])).toEqual([
      ['earlier_treatment', 'Forretningsudvalget den 18. september 2012, sag nr. 10', ''],
      ['section', 'Kommunikation', 'Ingen særskilt kommunikationsindsats planlagt.'],
      ['section', 'Sagen afgøres af', 'Regionsrådet'],
      [
        'decision_history',
        'Beslutning truffet af Forretningsudvalget d. 18-09-2012',
        'Sagen udsat til behandling på ekstraordinært forretningsudvalgsmøde den 25. september, såfremt godkendelse fra Økonomi- og Indenrigsministeriet foreligger forinden. Julie Herdal Molbech (F) deltog ikke i sagens behandling.',
      ],
    ]);
    // The export's HTML table (a column per cell) becomes a budget table placed in its section, with its total.
    expect(rows[1].case_presentation).toContain('<div data-budget-table="1"></div>');
    const [table] = (await t.db('budget_tables').where({ item_id: rows[1].id }).pluck('definition')) as Array<{ unit: string; rows: Array<{ label: string; values: number[] }>; total: { label: string; values: number[] } }>;
    expect(table?.rows[0]).toEqual({ label: 'Bornholms Hospital', values: [1.8] });
    expect(table?.rows).toHaveLength(9);
    expect(table?.total).toEqual({ label: 'I alt', values: [99.92] });
    const page = pageText((await (await anonymous(app)).get(`/dagsorden/${meeting.slug}`).expect(200)).text);
    expect(page).toMatch(/Bornholms Hospital 1,80 .*Rigshospitalet 22,50 I alt 99,92/);
    // "Sagen afgøres af: Forretningsudvalget" names the committee itself.
    expect(rows[3].decided_by_committee_id).not.toBeNull();
    // "Tomt indhold" is the export's way of saying empty.
    expect(JSON.stringify(rows)).not.toContain('Tomt indhold');
  });

  it('never makes public an attachment the export withholds ("Ikke offentliggjort"), on the page or as a record', async () => {
    const meeting = meetingOf(PUBLICATION);
    const rows = await items(meeting.id);
    const withheld = await t.db('attachments').where({ item_id: rows[3].id }).where('title', 'like', 'Ikke offentliggjort%').first('is_public', 'title');
    expect(withheld.is_public).toBe(false);
    const page = pageText((await (await anonymous(app)).get(`/dagsorden/${meeting.slug}`).expect(200)).text);
    expect(page).toContain('Bestyrelsesprotokol fra møde den 16. august 2012');
    expect(page).not.toContain(withheld.title.trim());
  });
});
