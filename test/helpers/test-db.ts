import crypto from 'node:crypto';
import { createDb, type Db } from '../../src/db/knex';
import { readClusterInfo, withDatabase } from './cluster';

export interface TestDb {
  db: Db;
  url: string;
  drop(): Promise<void>;
}

/** A private copy of the template database (migrated, demo data) for one test file. */
export async function cloneDemoDatabase(): Promise<TestDb> {
  const info = readClusterInfo();
  return createFrom(info.templateDb);
}

/** An empty database with nothing in it (not even migrations). */
export async function emptyDatabase(): Promise<TestDb> {
  return createFrom('template0');
}

async function createFrom(template: string): Promise<TestDb> {
  const info = readClusterInfo();
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = createDb(info.adminUrl, { max: 1 });
  try {
    // Copies of a template must not run concurrently with connections to it; retry briefly if another file is copying.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.raw(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (error) {
        if (attempt >= 20 || !String(error).includes('is being accessed by other users')) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.destroy();
  }
  const url = withDatabase(info.adminUrl, name);
  const db = createDb(url, { max: 5 });
  return {
    db,
    url,
    async drop() {
      await db.destroy();
      const a = createDb(info.adminUrl, { max: 1 });
      await a.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.destroy();
    },
  };
}
