import request from 'supertest';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/** The demo's upcoming SUS meeting has a closed item about buying Lindevej 12 for 14,5 mio. kr. */
const SECRETS = ['Lindevej', '14,5 mio', 'Købsaftale', 'købesum', '82.06.02-G01-3-26'];

function publicPaths(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1] ?? '').filter((p) => !p.startsWith('/assets/'));
}

describe('a closed item never reaches the public', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await cloneDemoDatabase();
  });
  afterAll(() => t.drop());

  it('shows only its number and "Lukket punkt" on the meeting page and the item permalink', async () => {
    const app = testApp(t);
    const row = await t.db('meetings as m').join('agenda_items as i', 'i.meeting_id', 'm.id').where('i.is_closed', true).where('i.title', 'like', '%Lindevej%').first('m.slug', 'i.number');
    expect(row).toBeDefined();
    const meeting = await request(app).get(`/dagsorden/${row.slug}`).expect(200);
    expect(pageText(meeting.text)).toContain(`Punkt ${row.number} Lukket punkt`);
    const item = await request(app).get(`/dagsorden/${row.slug}/punkt-${row.number}`).expect(200);
    expect(pageText(item.text)).toContain(`Punkt ${row.number} Lukket punkt`);
    for (const secret of SECRETS) {
      expect(meeting.text).not.toContain(secret);
      expect(item.text).not.toContain(secret);
    }
  });

  it('appears on no public page reachable from the front page', async () => {
    const app = testApp(t);
    const seen = new Set<string>();
    const queue = ['/'];
    while (queue.length > 0) {
      const path = queue.shift() as string;
      if (seen.has(path)) continue;
      seen.add(path);
      // PDFs are checked by their extracted text in test/pdf and test/publishing; this crawl reads pages and data files.
      if (path.endsWith('.pdf')) continue;
      const res = await request(app).get(path);
      expect([200, 404]).toContain(res.status);
      for (const secret of SECRETS) {
        if (res.text.includes(secret)) throw new Error(`"${secret}" leaked on ${path}`);
      }
      if (res.status === 200) for (const next of publicPaths(res.text)) if (!seen.has(next)) queue.push(next);
    }
    // The crawl really covered the site: every committee and every published meeting, plus item permalinks.
    expect([...seen].filter((p) => p.startsWith('/udvalg/')).length).toBeGreaterThan(20);
    expect([...seen].filter((p) => /^\/dagsorden\/[^/]+$/.test(p)).length).toBeGreaterThanOrEqual(7);
    expect([...seen].some((p) => p.endsWith('/punkt-3'))).toBe(true);
  });

  it('keeps decisions off the page until the minutes are published', async () => {
    const app = testApp(t);
    const upcoming = await t.db('meetings').where({ status: 'agenda_published' }).first('id', 'slug');
    const item = await t.db('agenda_items').where({ meeting_id: upcoming.id, is_closed: false, kind: 'regular' }).first('id');
    await t.db('agenda_items').where({ id: item.id }).update({ decision: '<p>Hemmelig kladde til beslutning</p>' });
    const res = await request(app).get(`/dagsorden/${upcoming.slug}`).expect(200);
    expect(pageText(res.text)).toContain('Dagsorden Social- og Sundhedsudvalget');
    expect(res.text).not.toContain('Hemmelig kladde');
  });

  it('does not show planned meetings or outside parties as pages', async () => {
    const app = testApp(t);
    const sus = await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id');
    await t.db('meetings').insert({ committee_id: sus.id, slug: 'social-og-sundhedsudvalget-05-01-2027', starts_at: new Date('2027-01-05T15:00:00Z'), status: 'planned' });
    await request(app).get('/dagsorden/social-og-sundhedsudvalget-05-01-2027').expect(404);
    const party = await t.db('committees').where({ kind: 'external_party' }).first('slug');
    await request(app).get(`/udvalg/${party.slug}`).expect(404);
  });
});
