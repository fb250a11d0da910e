import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { runScript } from '../helpers/run-script';
import { inspectSite, Servers, sitePublishesSettled, siteFile, tempDir, versionInProgress, waitFor } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const COMMITTEE_PAGE = 'udvalg/udsatteraadet/index.html';

/**
 * kill -9 in the middle of publishing the static site, twice: `npm run publish`, and the
 * server's own publish job. Each time the served site is the previous version, whole,
 * and the next start of the server publishes the new version, whole.
 */
describe('a hard kill while the static site is published', () => {
  let t: TestDb;
  let work: string;
  let out: string;
  let env: Record<string, string>;
  const servers = new Servers();

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    work = tempDir('fault-publish');
    out = path.join(work, 'site');
    env = { DATABASE_URL: t.url, DATA_DIR: path.join(work, 'data') };
  });
  afterAll(async () => {
    await servers.stopAll();
    fs.rmSync(work, { recursive: true, force: true });
    await t.drop();
  });

  it('leaves the previous site whole, and the next start publishes the new one', async () => {
    // The site as it was: the committee under its old name.
    const first = await runScript('publish.ts', ['--out', out, '--uden-pdf'], env);
    expect(first.code).toBe(0);
    const before = inspectSite(out);
    expect(before.problems).toEqual([]);
    expect(siteFile(out, COMMITTEE_PAGE)).not.toContain('Udsatterådet i Albertslund');

    await t.db('committees').where({ slug: 'udsatteraadet' }).update({ name: 'Udsatterådet i Albertslund' });

    // 1. `npm run publish` killed with SIGKILL once it has written part of the new version.
    const cli = spawn(process.execPath, ['--import', 'tsx', 'scripts/publish.ts', '--out', out, '--full', '--uden-pdf'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
      stdio: 'ignore',
    });
    const cliExited = new Promise<NodeJS.Signals | null>((resolve) => cli.on('exit', (_code, signal) => resolve(signal)));
    const partial = await waitFor('the publish to have written 50 files', () => versionInProgress(out, 50));
    cli.kill('SIGKILL');
    expect(await cliExited).toBe('SIGKILL');
    const afterCli = inspectSite(out);
    expect(afterCli.target).toBe(before.target);
    expect(afterCli.problems).toEqual([]);
    expect(afterCli.manifest).toEqual(before.manifest);
    expect(fs.existsSync(path.join(partial, '.moedebog-manifest.json'))).toBe(false);

    // 2. The server's publish job (it publishes at start) killed the same way.
    const s1 = await servers.start({ ...env, STATIC_OUT_DIR: out });
    await waitFor('the server’s publish to have written 50 files', () => versionInProgress(out, 50));
    await servers.kill(s1);
    const afterServer = inspectSite(out);
    expect(afterServer.target).toBe(before.target);
    expect(afterServer.problems).toEqual([]);
    expect(siteFile(out, COMMITTEE_PAGE)).not.toContain('Udsatterådet i Albertslund');

    // 3. The next start finishes the job: the new version, whole, with the new name (and the PDFs the server renders).
    const restartedAt = new Date();
    const s2 = await servers.start({ ...env, STATIC_OUT_DIR: out });
    await sitePublishesSettled(t.db, restartedAt);
    const after = inspectSite(out);
    expect(after.target).not.toBe(before.target);
    expect(after.problems).toEqual([]);
    expect(siteFile(out, COMMITTEE_PAGE)).toContain('Udsatterådet i Albertslund');
    expect(Object.keys(after.manifest).some((f) => f.endsWith('/referat.pdf'))).toBe(true);
    expect(s2.output()).toMatch(/Det statiske site er opdateret/);
    expect(await servers.stop(s2)).toBe(0);
  });
});
