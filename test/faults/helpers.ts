import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../src/db/knex';
import { MANIFEST, PAGE_INDEX, SHARED_FILES, SHARED_INDEX } from '../../src/modules/publishing/static-site';
import { startServer, type ServerProcess } from '../helpers/server-process';

const ROOT = path.resolve(__dirname, '../..');

/** A temp folder PostgreSQL (its own user when we are root) can enter. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `moedebog-${prefix}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** Polls until `check` returns something truthy; fails with `what` and the last value after the time-out. */
export async function waitFor<T>(what: string, check: () => Promise<T> | T, timeoutMs = 180_000, intervalMs = 200): Promise<Exclude<T, false | null | undefined | 0 | ''>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as Exclude<T, false | null | undefined | 0 | ''>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Servers started by a test file, so afterAll can end any a failed test left running. */
export class Servers {
  private readonly running = new Set<ServerProcess>();

  async start(env: Record<string, string>): Promise<ServerProcess> {
    const chromium = process.env.PUPPETEER_EXECUTABLE_PATH;
    const server = await startServer({ NODE_ENV: 'development', ...(chromium ? { PUPPETEER_EXECUTABLE_PATH: chromium } : {}), ...env });
    this.running.add(server);
    void server.exited.then(() => this.running.delete(server));
    return server;
  }

  /** kill -9: no shutdown code runs. */
  async kill(server: ServerProcess): Promise<void> {
    server.child.kill('SIGKILL');
    await server.exited;
  }

  /** SIGTERM, as a service manager stops it; resolves with the exit code. */
  async stop(server: ServerProcess): Promise<number | null> {
    server.child.kill('SIGTERM');
    return server.exited;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running].map((s) => this.kill(s)));
  }
}

export interface SiteState {
  /** The version folder the served symlink points at */
  target: string | null;
  manifest: Record<string, string>;
  /** Files missing or differing from the manifest of that version */
  problems: string[];
}

/** What a visitor of the static site would get: the version the link points at, checked file by file against its manifest. */
export function inspectSite(out: string): SiteState {
  let target: string;
  try {
    target = fs.realpathSync(out);
  } catch {
    return { target: null, manifest: {}, problems: ['no site'] };
  }
  const manifestFile = path.join(target, MANIFEST);
  if (!fs.existsSync(manifestFile)) return { target, manifest: {}, problems: ['no manifest'] };
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, string>;
  const problems: string[] = [];
  // The meetings' folders are shared between versions: each one's own manifest lists its files.
  const { shared } = JSON.parse(fs.readFileSync(path.join(target, PAGE_INDEX), 'utf8')) as { shared: Record<string, { store: string }> };
  for (const [dir, { store }] of Object.entries(shared)) {
    const folder = path.join(`${out}.shared`, store);
    if (fs.realpathSync(path.join(target, dir)) !== fs.realpathSync(path.join(folder, SHARED_FILES))) problems.push(`${dir} is not linked to ${store}`);
    Object.assign(manifest, (JSON.parse(fs.readFileSync(path.join(folder, SHARED_INDEX), 'utf8')) as { manifest: Record<string, string> }).manifest);
  }
  for (const [file, hash] of Object.entries(manifest)) {
    const full = path.join(target, file);
    if (!fs.existsSync(full)) problems.push(`missing ${file}`);
    else if (crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex') !== hash) problems.push(`differs ${file}`);
  }
  if (Object.keys(manifest).length < 100) problems.push(`only ${Object.keys(manifest).length} files`);
  if (!fs.existsSync(path.join(target, 'pagefind'))) problems.push('no search index');
  return { target, manifest, problems };
}

export function siteFile(out: string, relative: string): string {
  return fs.readFileSync(path.join(fs.realpathSync(out), relative), 'utf8');
}

function countFiles(dir: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += countFiles(path.join(dir, entry.name));
    else n++;
  }
  return n;
}

/** A version folder being written (not the one served) holding at least `files` files, or null. */
export function versionInProgress(out: string, files: number): string | null {
  const versions = `${out}.versions`;
  if (!fs.existsSync(versions)) return null;
  const served = fs.existsSync(out) ? fs.realpathSync(out) : null;
  for (const name of fs.readdirSync(versions)) {
    const dir = path.join(versions, name);
    if (dir === served || fs.existsSync(path.join(dir, MANIFEST))) continue;
    try {
      // Its meetings' folders are written beside it, under <out>.shared/<version>.
      const sharedDir = path.join(`${out}.shared`, name);
      if (countFiles(dir) + (fs.existsSync(sharedDir) ? countFiles(sharedDir) : 0) >= files) return dir;
    } catch {
      // removed while we counted
    }
  }
  return null;
}

/** Site publishing jobs that still have to run: waiting, retrying, or running in a server started after `since`. */
export async function pendingSitePublishes(db: Db, since: Date): Promise<number> {
  const rows = await db.raw<{ rows: Array<{ n: number }> }>(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'site.publish' AND (state IN ('created', 'retry') OR (state = 'active' AND started_on >= ?))`,
    [since],
  );
  return rows.rows[0]?.n ?? 0;
}

/** Waits until no site publish is waiting or running, and at least one finished after `since`. */
export async function sitePublishesSettled(db: Db, since: Date, timeoutMs = 300_000): Promise<void> {
  await waitFor(
    'the site publishing jobs to finish',
    async () => {
      if ((await pendingSitePublishes(db, since)) > 0) return false;
      const done = await db.raw<{ rows: Array<{ n: number }> }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'site.publish' AND state = 'completed' AND completed_on >= ?`, [since]);
      const failed = await db.raw<{ rows: Array<{ output: unknown }> }>(`SELECT output FROM pgboss.job WHERE name = 'site.publish' AND state = 'failed' AND completed_on >= ?`, [since]);
      if (failed.rows.length > 0) throw new Error(`a site publish failed: ${JSON.stringify(failed.rows[0]?.output)}`);
      return (done.rows[0]?.n ?? 0) > 0;
    },
    timeoutMs,
    500,
  );
}

/** The backends of the database waiting for a lock whose query starts like `query` (case-insensitive). */
export async function blockedBackends(db: Db, query: RegExp): Promise<number[]> {
  const rows = await db.raw<{ rows: Array<{ pid: number; query: string }> }>(
    `SELECT pid, query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
  );
  return rows.rows.filter((r) => query.test(r.query.trim())).map((r) => r.pid);
}

/**
 * Ends the database sessions of a server that was killed while they waited for a lock. PostgreSQL
 * notices a vanished client only when it next talks to it; ending them is what it would do then.
 */
export async function endBackends(db: Db, pids: number[]): Promise<void> {
  for (const pid of pids) await db.raw('SELECT pg_terminate_backend(?)', [pid]);
  await waitFor('the dead server’s sessions to end', async () => {
    const rows = await db.raw<{ rows: unknown[] }>('SELECT 1 FROM pg_stat_activity WHERE pid = ANY(?)', [pids]);
    return rows.rows.length === 0;
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  url: string;
  /** Fast shutdown: sessions are ended, as when an administrator restarts the database */
  stop(): Promise<void>;
}

/** A PostgreSQL cluster of the test's own, in a child process (test/faults/pg-cluster.ts). */
export async function startCluster(dir: string, port: number): Promise<Cluster> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'pg-cluster.ts'), dir, String(port)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const m = /ready (\S+)/.exec(output);
      if (m?.[1]) resolve(m[1]);
    });
    void exited.then(() => reject(new Error(`PostgreSQL did not start:\n${output}`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Postmaster {
  pid: number;
  port: number;
  clusterDir: string;
  /** The folder of the postgres binary, where pg_ctl lies too */
  binDir: string;
  /** The postmaster's options after `-D <dir>` (port, listen address, socket folder) */
  options: string[];
  uid: number;
  gid: number;
}

/** The running postmaster of a cluster, read from its postmaster.pid and /proc. */
export function postmasterOf(clusterDir: string): Postmaster {
  const [pidLine, , , portLine] = fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  const pid = Number(pidLine);
  const [binary, ...args] = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const id = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
  const d = args.indexOf('-D');
  return {
    pid,
    port: Number(portLine),
    clusterDir,
    binDir: path.dirname(binary as string),
    options: d >= 0 ? [...args.slice(0, d), ...args.slice(d + 2)] : args,
    uid: id('Uid'),
    gid: id('Gid'),
  };
}

/** Runs pg_ctl on the cluster as the user PostgreSQL runs as (it refuses root), as an administrator would. */
export function pgCtl(pm: Postmaster, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(pm.binDir, 'pg_ctl'), ['-D', pm.clusterDir, ...args], {
      uid: pm.uid,
      gid: pm.gid,
      cwd: pm.clusterDir,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** `pg_ctl start` with the options the postmaster had (so the same port), logging into the cluster folder. */
export function pgCtlStart(pm: Postmaster): Promise<{ code: number | null; output: string }> {
  const quoted = pm.options.map((o) => `'${o.replace(/'/g, `'\\''`)}'`).join(' ');
  return pgCtl(pm, ['start', '-w', '-t', '120', '-l', path.join(pm.clusterDir, 'restarted.log'), '-o', quoted]);
}
