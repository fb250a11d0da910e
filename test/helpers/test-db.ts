import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { createDb, type Db } from '../../src/db/knex';
import { readClusterInfo, withDatabase } from './cluster';

export interface TestDb {
  db: Db;
  url: string;
  /** Things to close before the database is dropped (session pools, apps) */
  onDrop(cleanup: () => Promise<void>): void;
  drop(): Promise<void>;
}

/** A private copy of the template database (migrated, demo data) for one test file. */
export async function cloneDemoDatabase(): Promise<TestDb> {
  return createFrom(readClusterInfo().templateDb);
}

/** An empty database with nothing in it (not even migrations). */
export async function emptyDatabase(): Promise<TestDb> {
  return createFrom('template0');
}

/** `work` in a transaction of `db` that is rolled back, whatever it did. */
export async function inRolledBack<T>(db: Db, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  const trx = await db.transaction();
  try {
    return await work(trx);
  } finally {
    await trx.rollback();
  }
}

async function createFrom(template: string): Promise<TestDb> {
  const info = readClusterInfo();
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = createDb(info.adminUrl, { max: 1 });
  try {
    // Copies of a template must not run while another connection uses it; retry briefly when a parallel file is copying.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.raw(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (error) {
        if (attempt >= 50 || !String(error).includes('is being accessed by other users')) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.destroy();
  }
  const url = withDatabase(info.adminUrl, name);
  const db = createDb(url, { max: 5 });
  const cleanups: Array<() => Promise<void>> = [];
  return {
    db,
    url,
    onDrop(cleanup) {
      cleanups.push(cleanup);
    },
    async drop() {
      for (const cleanup of cleanups) await cleanup();
      await db.destroy();
      const a = createDb(info.adminUrl, { max: 1 });
      await a.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.destroy();
    },
  };
}
