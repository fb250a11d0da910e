import fs from 'node:fs';
import path from 'node:path';
import { runScript } from '../helpers/run-script';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { inspectSite, siteFile, tempDir } from './helpers';

const COMMITTEE_PAGE = 'udvalg/udsatteraadet/index.html';
/** KiB: above every page and the script's own compile cache, below the design system's fonts and style sheets */
const FILE_SIZE_LIMIT_KB = 150;

/**
 * A disk write fails in the middle of a publish. (We may run as root, for whom permissions stop
 * nothing, so the fault is a file size limit on the publishing process.) The publish stops with a
 * Danish message naming the cause, the served site is the previous version, whole, and the next
 * publish with room to write succeeds.
 */
describe('a failing disk write while the static site is published', () => {
  let t: TestDb;
  let work: string;
  let out: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    work = tempDir('fault-disk');
    out = path.join(work, 'site');
    env = { DATABASE_URL: t.url, DATA_DIR: path.join(work, 'data') };
  });
  afterAll(async () => {
    fs.rmSync(work, { recursive: true, force: true });
    await t.drop();
  });

  it('stops with the reason in Danish and leaves the previous site whole', async () => {
    const first = await runScript('publish.ts', ['--out', out, '--uden-pdf'], env);
    expect(first.code).toBe(0);
    const before = inspectSite(out);
    expect(before.problems).toEqual([]);
    // The limit is a real fault for this site: some of its files are larger.
    const largest = Math.max(...Object.keys(before.manifest).map((f) => fs.statSync(path.join(before.target as string, f)).size));
    expect(largest).toBeGreaterThan(FILE_SIZE_LIMIT_KB * 1024);

    await t.db('committees').where({ slug: 'udsatteraadet' }).update({ name: 'Udsatterådet i Albertslund' });
    const failed = await runScript('publish.ts', ['--out', out, '--full', '--uden-pdf'], env, { fileSizeLimitKb: FILE_SIZE_LIMIT_KB });
    expect(failed.code).toBe(1);
    expect(failed.output).toContain('Udgivelsen mislykkedes. Der kunne ikke skrives til disken');
    expect(failed.output).toContain('filen er større, end systemet tillader');
    expect(failed.output).toContain('[EFBIG]');
    expect(failed.output).toContain(`Det offentlige site i ${out} er uændret: den forrige version vises fortsat.`);
    expect(failed.output).not.toMatch(/\n\s+at /); // a message, not a stack trace

    const after = inspectSite(out);
    expect(after.target).toBe(before.target);
    expect(after.manifest).toEqual(before.manifest);
    expect(after.problems).toEqual([]);
    expect(siteFile(out, COMMITTEE_PAGE)).not.toContain('Udsatterådet i Albertslund');

    // With room to write again, the next publish brings the change, whole.
    const again = await runScript('publish.ts', ['--out', out, '--uden-pdf'], env);
    expect(again.code).toBe(0);
    const fixed = inspectSite(out);
    expect(fixed.target).not.toBe(before.target);
    expect(fixed.problems).toEqual([]);
    expect(siteFile(out, COMMITTEE_PAGE)).toContain('Udsatterådet i Albertslund');
  });
});
