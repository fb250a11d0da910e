import pg from 'pg';
import PgBoss from 'pg-boss';
import { isDatabaseUnavailable } from '../db/unavailable';

/** What a job handler learns besides its data. */
export interface JobInfo {
  id: string;
  name: string;
}

export type JobHandler<T> = (data: T, job: JobInfo) => Promise<void>;

/**
 * Background jobs on the app's own PostgreSQL (pg-boss, in its own schema). Other
 * modules register workers with `work` and send jobs with `enqueue`; server.ts
 * starts the queue after the migrations and stops it at shutdown.
 */
export interface Jobs {
  /** Installs or updates the queue's schema, then starts the workers registered so far. */
  start(): Promise<void>;
  /** Stops taking jobs, lets running ones finish (up to a timeout) and closes the queue's connections. */
  stop(): Promise<void>;
  /** Sends a job; resolves with its id once it is stored (null when a singleton key already has one waiting). */
  enqueue<T extends object>(name: string, data: T, options?: { singletonKey?: string; startAfterSeconds?: number }): Promise<string | null>;
  /**
   * Registers the handler of a job name; works before and after start. A handler that throws fails the job, which is retried.
   * `concurrency` jobs of the name run at once in this process (default 1).
   */
  work<T extends object>(name: string, handler: JobHandler<T>, options?: { concurrency?: number }): Promise<void>;
}

export interface JobsOptions {
  connectionString: string;
  /** The PostgreSQL schema of the queue's tables */
  schema?: string;
  /** How often an idle worker looks for new jobs */
  pollingIntervalSeconds?: number;
  /** Connections of the queue's own pool */
  maxConnections?: number;
  log?: (message: string, error?: unknown) => void;
}

/** Failed jobs are tried three times in all, waiting longer each time; a job running for 15 minutes has failed. */
const QUEUE_DEFAULTS = { retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 } as const;

export function createJobs(options: JobsOptions): Jobs {
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error));
  let state: 'new' | 'starting' | 'started' | 'stopped' = 'new';
  // Our own pool rather than pg-boss's: stop() can then wait until every connection is really closed (pg's
  // pool.end() resolves before the sockets are), so the database may stop right after without cutting any off.
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 4, application_name: 'moedebog-jobs' });
  // While stopping, the database may already be going down (embedded PostgreSQL stops itself on SIGTERM): cut connections are expected then.
  const expected = (error: unknown) => state === 'stopped' && (error as { code?: string }).code === '57P01';
  // While the database is away (a restart), workers fail each poll and carry on: one short line each, not the whole error.
  const report = (message: string, error: unknown) =>
    isDatabaseUnavailable(error) ? log(`${message}: database unavailable`, (error as Error).message) : log(message, error);
  pool.on('error', (error) => !expected(error) && report('Jobkøens databaseforbindelse fejlede', error));
  const open = new Set<pg.PoolClient>();
  pool.on('connect', (client) => {
    open.add(client);
    client.once('end', () => open.delete(client));
  });
  const boss = new PgBoss({
    db: { executeSql: async (text: string, values: unknown[]) => pool.query(text, values) },
    schema: options.schema ?? 'pgboss',
  });
  // pg-boss reports background failures (maintenance, lost connections) as events; an unheard 'error' would end the process.
  boss.on('error', (error) => !expected(error) && report('Jobkøen fejlede', error));

  const closePool = async () => {
    const closing = [...open].map((client) => new Promise<void>((resolve) => client.once('end', () => resolve())));
    await pool.end();
    await Promise.race([Promise.all(closing), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
  };

  const handlers = new Map<string, { handler: JobHandler<object>; concurrency: number }>();
  const queues = new Set<string>();
  /** The pg-boss workers of each job name in this process */
  const workers = new Map<string, string[]>();

  const ensureQueue = async (name: string) => {
    if (queues.has(name)) return;
    await boss.createQueue(name, { name, ...QUEUE_DEFAULTS });
    queues.add(name);
  };

  const startWorker = async (name: string, { handler, concurrency }: { handler: JobHandler<object>; concurrency: number }) => {
    await ensureQueue(name);
    const ids: string[] = [];
    for (let i = 0; i < concurrency; i++) {
      let id: string | undefined;
      id = await boss.work<object>(name, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
        try {
          for (const job of jobs) await handler(job.data, { id: job.id, name: job.name });
        } finally {
          // pg-boss waits out the polling interval even after a job: look for the next one at once instead.
          if (id) boss.notifyWorker(id);
        }
      });
      ids.push(id);
    }
    workers.set(name, ids);
  };

  return {
    async start() {
      if (state !== 'new') throw new Error(`The job queue cannot start: it is ${state}`);
      state = 'starting';
      await boss.start();
      for (const [name, worker] of handlers) await startWorker(name, worker);
      state = 'started';
    },

    async stop() {
      if (state === 'stopped') return;
      const wasRunning = state !== 'new';
      state = 'stopped';
      if (wasRunning) await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await closePool();
    },

    async enqueue(name, data, sendOptions = {}) {
      if (state !== 'started') throw new Error(`The job queue is not running (${state}): cannot send ${name}`);
      await ensureQueue(name);
      const id = await boss.send(name, data, {
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
        ...(sendOptions.startAfterSeconds ? { startAfter: sendOptions.startAfterSeconds } : {}),
      });
      // Our own workers of the name start on it now rather than at their next poll.
      if (id && !sendOptions.startAfterSeconds) for (const worker of workers.get(name) ?? []) boss.notifyWorker(worker);
      return id;
    },

    async work<T extends object>(name: string, handler: JobHandler<T>, workOptions: { concurrency?: number } = {}) {
      if (handlers.has(name)) throw new Error(`A worker for ${name} is already registered`);
      const worker = { handler: handler as JobHandler<object>, concurrency: Math.max(1, Math.floor(workOptions.concurrency ?? 1)) };
      handlers.set(name, worker);
      if (state === 'started') await startWorker(name, worker);
    },
  };
}
