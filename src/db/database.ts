import path from 'node:path';
import type { Config } from '../config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { createDb, migrateLatest, type Db } from './knex';

export interface Database {
  db: Db;
  /** The connection string, for the session store's own small pool */
  url: string;
  /** Ends the pool, then stops the embedded server if we started one. */
  close(): Promise<void>;
  embedded: boolean;
}

/** DATABASE_URL when given; otherwise an embedded PostgreSQL under DATA_DIR/postgres. Migrations run before it is returned. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, log: (m: string) => void): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres'), log: (m) => m && log(`[postgres] ${m}`) });
    url = embedded.connectionString;
  }
  const db = createDb(url);
  try {
    await migrateLatest(db);
  } catch (error) {
    await db.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    url,
    embedded: embedded !== undefined,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}
