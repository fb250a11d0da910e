import request from 'supertest';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/**
 * The demo's consultation of seed 000 ("Opsamling af høringssvar" on the strategy of
 * seed 001): reached from /hoeringer, with the consultees, points and comments of the seed.
 */
describe('the consultation of seed 000 in the demo data', () => {
  let t: TestDb;
  let list: string;
  let page: string;
  let summary: string;
  let summaryText: string;

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    const app = testApp(t);
    list = (await request(app).get('/hoeringer').expect(200)).text;
    const href = /href="(\/hoeringer\/[a-z0-9-]+)"/.exec(list)?.[1];
    expect(href).toBeDefined();
    page = (await request(app).get(href as string).expect(200)).text;
    summary = (await request(app).get(`${href}/hoeringsnotat`).expect(200)).text;
    summaryText = pageText(summary);
  });
  afterAll(() => t.drop());

  it('is listed on /hoeringer and reached from the site menu', async () => {
    expect(pageText(list)).toContain('Plads til alle – Ballerup Kommunes strategi mod udsathed blandt voksne (2022-2029)');
    expect(pageText(list)).toContain('7. oktober – 15. november 2022');
    const front = await request(testApp(t)).get('/').expect(200);
    expect(front.text).toContain('href="/hoeringer"');
  });

  it('shows the draft, the period, all 17 consultees and the sending committee', () => {
    const text = pageText(page);
    expect(text).toContain('Høringsperiode 7. oktober – 15. november 2022');
    expect(text).toContain('Udkast: Plads til alle');
    expect(text).toContain('Socialudvalget, 4. oktober 2022, punkt 2');
    for (const name of [
      'Økonomiudvalget',
      'Erhvervs-, Beskæftigelses- og Uddannelsesudvalget',
      'Klima- og Miljøudvalget',
      'Kultur- og Fritidsudvalget',
      'Sundheds- og Ældreudvalget',
      'Børne- og Skoleudvalget',
      'Frivillighedsrådet',
      'Handicaprådet',
      'Ballerup Ungdomsråd',
      'Psykiatrirådet',
      'Folkeoplysningsudvalget',
      'Udsatterådet i Region Hovedstaden',
      'Lokalpoliti Ballerup',
      'Baldersbo',
      'Ballerup Boligselskab',
      'Grantoften',
      'Region Hovedstadens Psykiatri',
    ]) {
      expect(text).toContain(name);
    }
    const rows = [...page.matchAll(/<tr>\s*<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(rows).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it('numbers the points per consultee as the seed does, with the comments beside them', () => {
    const labels = [...summary.matchAll(/<tr id="punkt-([0-9.a-z]+)">/g)].map((m) => m[1]);
    expect(labels).toEqual([
      '1.a', '1.b', '1.c',
      '2.a', '2.b', '2.c',
      '3.a', '3.b', '3.c', '3.d', '3.e',
      '4.a', '4.b',
      '5.a', '5.b',
      '6',
      '7.a', '7.b',
      '8',
      '9.a', '9.b',
      '10.a', '10.b', '10.c', '10.d', '10.e',
      '11.a', '11.b',
      '12.a', '12.b',
      '13',
      '14.a', '14.b', '14.c',
    ]);
    expect(summaryText).toContain('1.a Økonomiudvalget bemærkede, at strategien skal tydeliggøre hvilke datakilder');
    expect(summaryText).toContain('Det foreslås at konkrete, overordnede indsatsmål og datagrundlag udarbejdes');
    expect(summaryText).toContain('2.a Tilslutter sig Økonomiudvalgets bemærkninger om koblingen til børn- og ungeområdet');
    expect(summaryText).toContain('Se svar under Økonomiudvalget (1.b og 1.c)');
    expect(summaryText).toContain('3.c Udvalget tilslutter sig KFU’s bemærkninger om samspil med foreningerne. Se svar under Kultur- og Fritidsudvalget (4.b)');
    expect(summaryText).toContain('7.a Strategien bør også omfatte udsatte borgere over 65 år');
    expect(summaryText).toContain('Se svar under Sundheds- og Ældreudvalget (5.b)');
    expect(summaryText).toContain('(se kommentarerne: 1.c, 2.a, 2.c, 6, 9.b)');
    expect(summaryText).toContain('derudover henvises til 1.c for skærpet fokus på de yngste i målgruppen');
    expect(summaryText).toContain('8 Indstillingen godkendt med denne bemærkning: Handicaprådet bakker op om de overordnede målsætninger');
    expect(summaryText).toContain('10.c Der er desuden enighed om, at der i strategien skal være mere fokus på borgere med dobbeltdiagnoser');
    expect(summaryText).toContain('Dobbeltdiagnoser – en sindslidelse og et samtidigt misbrug');
    expect(summaryText).toContain('14.c …samt nogle tanker om');
    expect(summaryText).toContain('Se svar under Klima- og Miljøudvalget (3.a)');
    expect(summaryText).toContain('15 Intet høringssvar modtaget');
    expect(summaryText).toContain('16 Intet høringssvar modtaget');
    expect(summaryText).toContain('17 Intet høringssvar modtaget');
    expect(summaryText).toContain('1-6: Politiske udvalg i Ballerup Kommune');
    expect(summaryText).toContain('7-11: Råd og nævn i Ballerup Kommune');
    expect(summaryText).toContain('12-17: Eksterne interessenter');
  });

  it('then gives every response in full, referenced "<committee>, <date>, punkt <n>", late ones marked', () => {
    const full = summaryText.slice(summaryText.indexOf('Høringssvar i deres helhed'));
    expect(full).toContain('1. Økonomiudvalget, 25. oktober 2022, punkt 7 Indstillingen godkendt med følgende bemærkninger:');
    expect(full).toContain('2. Erhvervs-, Beskæftigelses- og Uddannelsesudvalget, 15. november 2022, punkt 5');
    expect(full).toContain('3. Klima- og Miljøudvalget, 17. november 2022, punkt 7 Modtaget efter fristen');
    expect(full).toContain('8. Handicaprådet, 27. oktober 2022, punkt 15');
    expect(full).toContain('11. Folkeoplysningsudvalget, 25. november 2022, punkt 2 Modtaget efter fristen');
    expect(full).toContain('12. Udsatterådet i Region Hovedstaden, 28. oktober 2022');
    expect(full).toContain('Afsender: Sekretær for Udsatterådet, Region Hovedstaden');
    expect(full).toContain('14. Baldersbo, 13. oktober 2022');
    expect(full).toContain('Jeg håber, at dette indspark ses som et forsøg på');
    expect(full).not.toContain('15. Ballerup Boligselskab');
    // The responding committees' items are on the same case, and their meetings are public.
    const item = /href="(\/dagsorden\/oekonomiudvalget-25-10-2022\/punkt-7)"/.exec(page);
    expect(item).not.toBeNull();
  });

  it('puts the strategy case on the answering items and on a case page with the process plan', async () => {
    const app = testApp(t);
    const item = await request(app).get('/dagsorden/oekonomiudvalget-25-10-2022/punkt-7').expect(200);
    const caseLink = /href="(\/sager\/\d+)"/.exec(item.text)?.[1];
    expect(caseLink).toBeDefined();
    const casePage = pageText((await request(app).get(caseLink as string).expect(200)).text);
    expect(casePage).toContain('Sag 27.00.00-A00-9-22');
    expect(casePage).toContain('Procesplan');
  });
});
