import request from 'supertest';
import { testApp } from '../helpers/app';
import { pageText as text } from '../helpers/page-text';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

const SEED_MEETING = '/dagsorden/social-og-sundhedsudvalget-06-04-2021';

describe('the published referat of Social- og Sundhedsudvalget, 6 April 2021 (seed 003)', () => {
  let t: TestDb;
  let page: string;
  beforeAll(async () => {
    t = await cloneDemoDatabase();
    const res = await request(testApp(t)).get(SEED_MEETING).expect(200);
    page = res.text;
  });
  afterAll(() => t.drop());

  it('is the referat, in Danish, with date, time and place', () => {
    expect(page).toContain('<html lang="da">');
    expect(page).toContain('Gå til sidens indhold');
    const body = text(page);
    expect(body).toContain('Referat Social- og Sundhedsudvalget');
    expect(body).toContain('tirsdag den 6. april 2021 kl. 14.00');
    expect(body).toContain('Mødelokale 1, Ballerup Rådhus');
    expect(body).toContain('Lolan Ottesen (A), formand');
  });

  it('holds all 17 items in order, ending with the signature page', () => {
    const headings = [...page.matchAll(/<h2 id="punkt-(\d+)-heading"/g)].map((m) => Number(m[1]));
    expect(headings).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    const body = text(page);
    expect(body).toContain('Punkt 2 Regnskab 2020 på bevillingsrammerne under Social- og Sundhedsudvalget');
    expect(body).toContain('Punkt 17 Godkendelse af referat (underskriftside)');
    expect(body).toContain('For at godkende referatet for dette møde skal alle medlemmer af udvalget klikke på "Godkendt".');
  });

  it("renders punkt 2's budget table with its printed I alt row", () => {
    const total = page.match(/<tr class="row-total">([\s\S]*?)<\/tr>/);
    expect(total).not.toBeNull();
    const cells = [...(total?.[1] ?? '').matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(cells).toEqual(['1.177.788', '1.191.649', '1.184.987', '-6.662', '11.463', '4.801']);
    expect(text(page)).toContain('(3)-(2)=(4)');
  });

  it("shows punkt 14's amendment with the named vote, its fall and the dissent", () => {
    const body = text(page);
    expect(body).toContain('Indstillingens punkt 1: Godkendt med følgende ændring');
    expect(body).toContain('Kåre Harder Olesen (V) fremsatte følgende ændringsforslag:');
    expect(body).toContain('For stemte: Kåre Harder Olesen (V), Jack Nør (A), Birgitte Dahl (O).');
    expect(body).toContain('Imod stemte: Lolan Ottesen (A), Dennis Sørensen (A), Maria Lundahl Assov (A), Ali Abbasi (Ø).');
    expect(body).toContain('Ændringsforslaget er dermed faldet.');
    expect(body).toContain(
      'Kåre Harder Olesen (V), Jack Nør (A), Birgitte Dahl (O) kunne ikke godkende indstillingens punkt 1, da ændringsforslaget ikke blev vedtaget.',
    );
    expect(body).toContain('Indstillingens punkt 2: Godkendt.');
  });

  it('derives "Tidligere behandling" and "Beslutningshistorik" from earlier items on the same cases', () => {
    const body = text(page);
    expect(body).toContain('Tidligere behandling Social- og Sundhedsudvalget den 2. marts 2021 Punkt 2');
    expect(body).toContain('Social- og Sundhedsudvalget den 31. marts 2020 Punkt 7');
    expect(body).toContain('Kommunalbestyrelsen den 26. november 2018 Punkt 14');
    expect(body).toContain('Social- og Sundhedsudvalget den 2. marts 2021, Meddelelser');
    expect(body).toContain('Social- og Sundhedsudvalget den 2. marts 2021 Punkt 5');
    expect(body).toContain('Kommunalbestyrelsen den 22. februar 2021 Punkt 7');
    expect(body).toContain('Erhvervs- og Beskæftigelsesudvalget den 9. marts 2021 Punkt 3');
    expect(body).toContain('Beslutningshistorik Beslutning truffet af Social- og Sundhedsudvalget d. 02-03-2021 Udsættes');
    // The earlier treatment links to the real earlier item.
    expect(page).toContain('href="/dagsorden/social-og-sundhedsudvalget-02-03-2021/punkt-2"');
  });

  it('counts attachments as the seed does', () => {
    const body = text(page);
    expect(body).toContain('5 bilag, heraf 5 anbefales');
    expect(body).toContain('1 bilag, heraf 1 anbefales (kapitel 9, side 94-96)');
    expect(body).toContain('3 bilag, heraf 2 anbefales');
  });

  it('serves each item at its permalink, and the earlier item it links to', async () => {
    const app = testApp(t);
    const item = await request(app).get(`${SEED_MEETING}/punkt-14`).expect(200);
    expect(text(item.text)).toContain('Punkt 14 Sundhedspolitik');
    expect(text(item.text)).toContain('For stemte:');
    await request(app).get('/dagsorden/social-og-sundhedsudvalget-02-03-2021/punkt-2').expect(200);
    await request(app).get(`${SEED_MEETING}/punkt-18`).expect(404);
  });
});
