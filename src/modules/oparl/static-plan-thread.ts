import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { connectionStringOf, type Db } from '../../db/knex';
import type { ObjectStamps } from '../publishing/change-stamps';
import type { ObjectKey } from './repository';
import type { FolderKey, KeyOptions, OparlWork } from './static-plan';

/** What a publish tells the planning thread (static-plan-worker.ts), and what it answers; `id` names the publish */
export type PlanRequest =
  | { type: 'plan'; id: number; connection: string; options: KeyOptions; stamps: ObjectStamps }
  | { type: 'work'; id: number; whole: ReadonlySet<string> }
  | { type: 'keys'; id: number; pages: number[] }
  | { type: 'forget'; id: number };
export type PlanReply =
  | { type: 'folders'; id: number; folders: FolderKey[] }
  | { type: 'work'; id: number; work: OparlWork }
  | { type: 'keys'; id: number; keys: ObjectKey[][] }
  | { type: 'error'; id: number; message: string };

/** A publish's OParl files being planned in the thread (oparl/static-plan.ts) */
export interface OparlPlanning {
  /** Every shared folder's key and files */
  folders(): Promise<FolderKey[]>;
  /** The pages and objects left to make or take over once the given folders are taken over whole */
  work(whole: ReadonlySet<string>): Promise<OparlWork>;
  /** The keys of the objects on the given pages (PagePlan.index), in order */
  pageKeys(pages: number[]): Promise<ObjectKey[][]>;
  /** Drops the plan: the publish is done with it, or failed */
  done(): void;
}

const WORKER = path.join(__dirname, `static-plan-worker${path.extname(__filename)}`);
/** The thread loads the TypeScript sources as the app does, under tsx or Jest alike. */
const TSX = require.resolve('tsx/cjs');

interface Waiter {
  type: PlanReply['type'];
  resolve: (reply: PlanReply) => void;
  reject: (error: Error) => void;
}

interface PlanningThread {
  worker: Worker;
  waiting: Map<number, Waiter>;
  failure?: Error;
}
/**
 * The one planning thread of the process, started by its first publish and kept for the next: its code warm,
 * and the keys it read last at hand (readOparlKeys reads again only the changed meetings' objects). It holds
 * the process open only while a publish waits on it.
 */
let thread: PlanningThread | undefined;
let lastId = 0;

function planningThread(): PlanningThread {
  if (thread) return thread;
  const worker = new Worker(`require(${JSON.stringify(TSX)}); require(${JSON.stringify(WORKER)});`, { eval: true });
  const started: PlanningThread = { worker, waiting: new Map<number, Waiter>() };
  const fail = (error: Error) => {
    if (thread === started) thread = undefined;
    started.failure ??= error;
    for (const waiter of started.waiting.values()) waiter.reject(error);
    started.waiting.clear();
  };
  worker.on('message', (reply: PlanReply) => {
    const waiter = started.waiting.get(reply.id);
    if (!waiter) return;
    started.waiting.delete(reply.id);
    if (started.waiting.size === 0) worker.unref();
    if (reply.type === 'error') waiter.reject(new Error(`OParl-filerne kunne ikke planlægges: ${reply.message}`));
    else if (reply.type !== waiter.type) waiter.reject(new Error(`OParl-planens tråd svarede ${reply.type}, ikke ${waiter.type}`));
    else waiter.resolve(reply);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`OParl-planens tråd sluttede (kode ${code})`)));
  worker.unref();
  thread = started;
  return started;
}

/**
 * Starts planning a publish's OParl files from its stamps. The thread reads the keys after the stamps were
 * read: a change made meanwhile is in a newer stamp, and the next publish makes its files again.
 */
export function planOparlInThread(db: Db, options: KeyOptions, stamps: ObjectStamps): OparlPlanning {
  const started = planningThread();
  const { worker, waiting } = started;
  const id = ++lastId;
  const ask = <T extends PlanReply['type']>(type: T, request: PlanRequest) =>
    new Promise<Extract<PlanReply, { type: T }>>((resolve, reject) => {
      if (started.failure) return reject(started.failure);
      waiting.set(id, { type, resolve: resolve as (reply: PlanReply) => void, reject });
      worker.ref();
      worker.postMessage(request);
    });
  const folders = ask('folders', { type: 'plan', id, connection: connectionStringOf(db), options, stamps });
  // Awaited by the publish; a publish that fails first leaves it unread.
  folders.catch(() => undefined);
  return {
    folders: async () => (await folders).folders,
    work: async (whole) => (await ask('work', { type: 'work', id, whole })).work,
    pageKeys: async (pages) => (pages.length === 0 ? [] : (await ask('keys', { type: 'keys', id, pages })).keys),
    done: () => {
      if (waiting.delete(id) && waiting.size === 0) worker.unref();
      worker.postMessage({ type: 'forget', id } satisfies PlanRequest);
    },
  };
}
