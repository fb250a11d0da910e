import request from 'supertest';
import { createJobs, type Jobs } from '../../src/jobs/queue';
import { registerPdfJobs } from '../../src/modules/pdf/jobs';
import { createMeetingPdfs, RENDER_MEETING_PDFS, type MeetingPdfs, type PdfVariant } from '../../src/modules/pdf/service';
import { createBrowserPool, type BrowserPool } from '../../src/pdf/browser';
import { testApp, testFilesDir } from '../helpers/app';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

const SLUG = 'social-og-sundhedsudvalget-02-03-2021';

async function queueConnections(t: TestDb): Promise<number> {
  const rows = await t.db.raw(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'moedebog-jobs' AND datname = current_database()`);
  return (rows.rows[0] as { n: number }).n;
}

describe('the job queue (pg-boss) and the PDF job', () => {
  let t: TestDb;
  let jobs: Jobs;
  let browser: BrowserPool;

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    browser = createBrowserPool({ size: 1 });
    jobs = createJobs({ connectionString: t.url, pollingIntervalSeconds: 0.5, log: () => undefined });
  });
  afterAll(async () => {
    await jobs.stop();
    await browser.close();
    await t.drop();
  });

  it('refuses jobs before it runs', async () => {
    await expect(jobs.enqueue(RENDER_MEETING_PDFS, { meetingId: 1 })).rejects.toThrow(/not running/);
  });

  it("renders and caches a meeting's PDFs when the job is sent, so the site serves them from the cache", async () => {
    const app = testApp(t);
    // The same cache and address as the test app, so the app finds what the job made.
    const pdfs = createMeetingPdfs({ db: t.db, filesDir: testFilesDir(t), browser, baseUrl: 'http://moedebog.test', jobs });
    let finished: (variants: PdfVariant[]) => void = () => undefined;
    const done = new Promise<PdfVariant[]>((resolve) => (finished = resolve));
    const observed: MeetingPdfs = {
      ...pdfs,
      async renderMeeting(meetingId) {
        const variants = await pdfs.renderMeeting(meetingId);
        finished(variants);
        return variants;
      },
    };
    await registerPdfJobs(jobs, observed);
    await jobs.start();
    expect(await queueConnections(t)).toBeGreaterThan(0);

    const meeting = await t.db('meetings').where({ slug: SLUG }).first('id');
    await observed.schedule(meeting.id);
    expect(await done).toEqual(['dagsorden', 'referat', 'samlet']);

    for (const variant of ['dagsorden', 'referat', 'samlet']) {
      const res = await request(app).get(`/dagsorden/${SLUG}/${variant}.pdf`).expect(200);
      expect({ variant, cache: res.headers['x-pdf-cache'] }).toEqual({ variant, cache: 'hit' });
    }
  });

  it('lets other modules register their own jobs', async () => {
    const received: unknown[] = [];
    let seen: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (seen = resolve));
    await jobs.work<{ site: string }>('test.echo', async (data) => {
      received.push(data);
      seen();
    });
    await jobs.enqueue('test.echo', { site: 'ballerup' });
    await arrived;
    expect(received).toEqual([{ site: 'ballerup' }]);
  });

  it('runs as many jobs of a name at once as it is asked to (the PDF worker: as many as the browser prints)', async () => {
    let arrived = 0;
    let bothIn: () => void = () => undefined;
    const together = new Promise<void>((resolve) => (bothIn = resolve));
    const finished: number[] = [];
    let allDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allDone = resolve));
    await jobs.work<{ n: number }>(
      'test.pair',
      async (data) => {
        if (++arrived === 2) bothIn();
        // Each waits for the other: run one at a time, neither would finish.
        await together;
        finished.push(data.n);
        if (finished.length === 2) allDone();
      },
      { concurrency: 2 },
    );
    await jobs.enqueue('test.pair', { n: 1 });
    await jobs.enqueue('test.pair', { n: 2 });
    await done;
    expect(finished.sort()).toEqual([1, 2]);
  });

  it('stops without leaving a connection behind', async () => {
    await jobs.stop();
    // A closed connection's server process leaves pg_stat_activity a moment after the client has gone.
    const deadline = Date.now() + 10_000;
    while ((await queueConnections(t)) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await queueConnections(t)).toBe(0);
    await expect(jobs.enqueue('test.echo', {})).rejects.toThrow(/not running/);
  });
});
