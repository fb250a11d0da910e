import fs from 'node:fs';
import path from 'node:path';
import { createWebClient, login, type WebClient } from '../../src/bench/web-client';
import { createDb, type Db } from '../../src/db/knex';
import type { ServerProcess } from '../helpers/server-process';
import { freePort, pgCtl, pgCtlStart, postmasterOf, Servers, startCluster, tempDir, waitFor, type Cluster } from './helpers';

const MEETING = 'social-og-sundhedsudvalget-06-04-2021';
const PUBLIC_PAGES = ['/', '/udvalg', '/udvalg/social-og-sundhedsudvalget', `/dagsorden/${MEETING}`, `/dagsorden/${MEETING}/punkt-14`, '/soeg?q=sundhed', '/feeds/rss.xml', '/kalender.ics'];

/**
 * PostgreSQL stops and starts again under a running server: a cluster of the test's own behind
 * DATABASE_URL, and the server's embedded one stopped and started with pg_ctl. Meanwhile every
 * request gets a prompt Danish 503 page, the process stays up, and afterwards pages, sessions,
 * logins and the job queue work again without a restart.
 */
describe('PostgreSQL restarting under a running server', () => {
  let work: string;
  let cluster: Cluster | undefined;
  let db: Db | undefined;
  const servers = new Servers();

  beforeAll(() => {
    work = tempDir('fault-postgres');
  });
  afterAll(async () => {
    await servers.stopAll();
    await db?.destroy();
    await cluster?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const get = async (s: ServerProcess, urlPath: string) => {
    const res = await fetch(`http://127.0.0.1:${s.port}${urlPath}`, { signal: AbortSignal.timeout(30_000), redirect: 'manual' });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), text: await res.text() };
  };

  it('a cluster behind DATABASE_URL, stopped and started: 503 meanwhile, then pages, sessions and the job queue recover by themselves', async () => {
    const port = await freePort();
    const clusterDir = path.join(work, 'pg');
    cluster = await startCluster(clusterDir, port);
    db = createDb(cluster.url, { max: 2 });
    const server = await servers.start({ DATABASE_URL: cluster.url, DATA_DIR: path.join(work, 'data') });
    const origin = `http://127.0.0.1:${server.port}`;
    for (const p of PUBLIC_PAGES) expect({ p, status: (await get(server, p)).status }).toEqual({ p, status: 200 });
    const secretary = await login(origin, 'sekretaer@demo.test');
    expect((await secretary.get('/admin')).status).toBe(200);

    // The database goes away (fast shutdown: its sessions are cut).
    await db.destroy();
    db = undefined;
    await cluster.stop();
    await expectUnavailable(server, secretary);

    // Back on the same port: the server reconnects on its own.
    cluster = await startCluster(clusterDir, port);
    db = createDb(cluster.url, { max: 2 });
    await expectRecovered(server, secretary);
    const admin = await login(origin, 'admin@demo.test');
    // Pages follow the data again (nothing stale is served from before or during the outage).
    await db('committees').where({ slug: 'social-og-sundhedsudvalget' }).update({ name: 'Social- og Sundhedsudvalget efter genstart' });
    await waitFor('the committee page to show the new name', async () => (await get(server, '/udvalg/social-og-sundhedsudvalget')).text.includes('Sundhedsudvalget efter genstart'), 30_000, 250);

    // The job queue: reopening published minutes asks it to render the meeting's PDFs; a worker takes the job and finishes it.
    const meeting = await db('meetings').where({ slug: 'udsatteraadet-17-04-2018' }).first('id');
    const reopenedAt = new Date();
    expect((await admin.post(`/admin/moeder/${meeting.id}/genaabn`, { reason: 'Rettelse efter genstart af databasen' })).status).toBe(303);
    const job = await waitFor('the PDF job to be sent', async () => (await db?.raw<{ rows: Array<{ id: string }> }>(`SELECT id FROM pgboss.job WHERE name = 'pdf.render-meeting' AND created_on >= ?`, [reopenedAt]))?.rows[0]);
    await waitFor(
      'the PDF job to complete',
      async () => {
        const row = (await db?.raw<{ rows: Array<{ state: string; output: unknown }> }>('SELECT state, output FROM pgboss.job WHERE id = ?', [job.id]))?.rows[0];
        if (row?.state === 'failed') throw new Error(`the job failed: ${JSON.stringify(row.output)}`);
        return row?.state === 'completed';
      },
      240_000,
      500,
    );
    expect(server.child.exitCode).toBeNull();

    expect(await servers.stop(server)).toBe(0);
  });

  it('the embedded PostgreSQL, stopped and started again with pg_ctl: the server recovers, and still shuts down cleanly', async () => {
    const dataDir = path.join(work, 'embedded');
    const clusterDir = path.join(dataDir, 'postgres');
    const server = await servers.start({ DATA_DIR: dataDir });
    const origin = `http://127.0.0.1:${server.port}`;
    for (const p of PUBLIC_PAGES) expect({ p, status: (await get(server, p)).status }).toEqual({ p, status: 200 });
    const secretary = await login(origin, 'sekretaer@demo.test');

    const before = postmasterOf(clusterDir);
    const stopped = await pgCtl(before, ['stop', '-m', 'fast', '-w']);
    expect(stopped).toMatchObject({ code: 0 });
    await expectUnavailable(server, secretary);

    const started = await pgCtlStart(before);
    expect(started).toMatchObject({ code: 0 });
    const after = postmasterOf(clusterDir);
    expect(after.pid).not.toBe(before.pid);
    expect(after.port).toBe(before.port);
    await expectRecovered(server, secretary);
    expect((await login(origin, 'admin@demo.test').then((c) => c.get('/admin'))).status).toBe(200);

    // Shutdown must not wait for the PostgreSQL it started (gone), and stops the one started outside it.
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([servers.stop(server), new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still running after 60 s'), 60_000)))]);
    clearTimeout(timer);
    if (exit !== 0) await pgCtl(after, ['stop', '-m', 'immediate', '-w']);
    expect(exit).toBe(0);
    expect(fs.existsSync(path.join(clusterDir, 'postmaster.pid'))).toBe(false);
  });

  const expectUnavailable = async (server: ServerProcess, secretary: WebClient) => {
    const origin = `http://127.0.0.1:${server.port}`;
    for (const p of PUBLIC_PAGES) {
      const res = await get(server, p);
      expect({ p, status: res.status }).toEqual({ p, status: 503 });
      expect(res.text).toContain('Siden er midlertidigt utilgængelig');
      expect(res.text).toContain('databasen ikke svarer');
      expect(res.text).toContain('lang="da"');
      expect(res.retryAfter).toBe('30');
    }
    expect((await secretary.get('/admin')).status).toBe(503);
    const anonymous = createWebClient(origin);
    expect((await anonymous.get('/login')).status).toBe(503);
    expect((await anonymous.post('/login', { email: 'sekretaer@demo.test', password: 'demo' })).status).toBe(503);
    // What needs no database is still served.
    expect((await get(server, '/assets/css/moedebog.css')).status).toBe(200);
    // The job queue's workers keep polling (and failing) meanwhile; the process stays up.
    await waitFor('the job queue to notice', () => /Jobkøen fejlede: database unavailable/.test(server.output()), 60_000);
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/Unhandled|uncaught/i);
  };

  const expectRecovered = async (server: ServerProcess, secretary: WebClient) => {
    await waitFor('the front page to answer again', async () => (await get(server, '/')).status === 200, 60_000, 500);
    for (const p of PUBLIC_PAGES) expect({ p, status: (await get(server, p)).status }).toEqual({ p, status: 200 });
    // The session made before the outage is still signed in.
    const dashboard = await secretary.get('/admin');
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).toContain('Sekretariatet (demo)');
  };
});
