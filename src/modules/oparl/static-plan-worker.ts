import { parentPort } from 'node:worker_threads';
import { createDb, type Db } from '../../db/knex';
import type { ObjectStamps } from '../publishing/change-stamps';
import { sharedFolderOfPath } from '../publishing/site-map';
import { planOparlFiles, readOparlKeys, type KeyOptions, type KeysRead, type OparlPlan } from './static-plan';
import type { PlanReply, PlanRequest } from './static-plan-thread';

/**
 * The thread that plans the OParl files of a process's publishes (static-plan-thread.ts starts it, once). Told
 * a publish's stamps, it reads every object's key on a connection of its own and answers the shared folders'
 * keys; told which folders the publisher takes over whole, it answers what is left to make, and the keys of
 * the pages it asks for, until it is told the publish is done with the plan.
 * It keeps the keys it read last, per database and options: the next publish reads again only the objects of
 * the meetings that changed since (readOparlKeys).
 */
if (!parentPort) throw new Error('static-plan-worker.ts kører kun som en tråd');
const port = parentPort;

const plans = new Map<number, OparlPlan>();
/** One pool per database, of one connection: the thread reads one publish's keys at a time, in one snapshot */
const pools = new Map<string, Db>();
/** The keys read last, by database, with the options they were read under (one entry per database: a new day replaces it) */
const lastRead = new Map<string, { options: string; read: KeysRead }>();
const reply = (message: PlanReply) => port.postMessage(message);

port.on('message', (request: PlanRequest) => {
  if (request.type === 'plan') {
    void planWith(request.id, request.connection, request.options, request.stamps);
    return;
  }
  if (request.type === 'forget') {
    plans.delete(request.id);
    return;
  }
  const plan = plans.get(request.id);
  if (!plan) reply({ type: 'error', id: request.id, message: 'Der blev spurgt om en plan, der ikke findes' });
  else if (request.type === 'work') reply({ type: 'work', id: request.id, work: plan.work(request.whole) });
  else reply({ type: 'keys', id: request.id, keys: plan.pageKeys(request.pages) });
});

async function planWith(id: number, connection: string, options: KeyOptions, stamps: ObjectStamps) {
  try {
    let db = pools.get(connection);
    if (!db) {
      db = createDb(connection, { max: 1 });
      pools.set(connection, db);
    }
    // One entry per database: kept under other options (another day) they are read again, and replaced.
    const before = lastRead.get(connection);
    const keyOptions = JSON.stringify(options);
    const keys = await readOparlKeys(db, options, stamps, before?.options === keyOptions ? before.read : undefined);
    lastRead.set(connection, { options: keyOptions, read: { stamps, keys } });
    const plan = planOparlFiles(keys, stamps, sharedFolderOfPath);
    plans.set(id, plan);
    reply({ type: 'folders', id, folders: plan.folders });
  } catch (error) {
    reply({ type: 'error', id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
