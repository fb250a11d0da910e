import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../helpers/server-process';

/**
 * `npm start` end to end, in a child process on an embedded PostgreSQL under a
 * temporary DATA_DIR: first start with demo data, a hard kill, a restart on the
 * same data, and a graceful SIGTERM that stops PostgreSQL too.
 */
describe('the server process', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'moedebog-server-'));
    fs.chmodSync(dataDir, 0o755);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts on an empty data dir, survives a hard kill, and shuts down gracefully', async () => {
    const env = { DATA_DIR: dataDir, NODE_ENV: 'development' };
    const first = await startServer(env);
    expect(first.output()).toContain('Demodata indlæst');
    const page = await fetch(`http://127.0.0.1:${first.port}/dagsorden/social-og-sundhedsudvalget-06-04-2021`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('1.177.788');
    expect(html).toContain('For stemte');

    // A hard kill leaves postmaster.pid (and an orphaned PostgreSQL) behind.
    first.child.kill('SIGKILL');
    await first.exited;
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);

    const second = await startServer(env);
    expect(second.output()).not.toContain('Demodata indlæst'); // loaded once, kept
    const again = await fetch(`http://127.0.0.1:${second.port}/udvalg/social-og-sundhedsudvalget`);
    expect(again.status).toBe(200);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    // Stopped in order, PostgreSQL last: not under the job queue's or the sessions' connections.
    expect(second.output()).toContain('SIGTERM: lukker ned');
    expect(second.output()).not.toMatch(/fejlede|Kunne ikke lukke/);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 120_000);

  it('never loads demo data in production', async () => {
    const prodDir = fs.mkdtempSync(path.join(dataDir, 'prod-'));
    fs.chmodSync(prodDir, 0o755);
    const server = await startServer({ DATA_DIR: prodDir, NODE_ENV: 'production', SESSION_SECRET: 'a-production-secret-of-at-least-32-chars' });
    expect(server.output()).not.toContain('Demodata indlæst');
    expect((await fetch(`http://127.0.0.1:${server.port}/dagsorden/social-og-sundhedsudvalget-06-04-2021`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('refuses to start with an invalid configuration, saying why', async () => {
    await expect(startServer({ DATA_DIR: dataDir, PORT: 'abc' })).rejects.toThrow(/PORT/);
  });
});
