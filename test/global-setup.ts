import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemoData } from '../seeds/demo/load';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createDb, migrateLatest } from '../src/db/knex';
import { withDatabase, type ClusterInfo } from './helpers/cluster';
import { TEST_TODAY } from './helpers/clock';

/**
 * Starts one embedded PostgreSQL for the whole run in a temp dir, on a free port,
 * and builds a template database (migrated, demo data loaded) that each test file
 * copies with CREATE DATABASE … TEMPLATE, so files never share state.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'moedebog-test-'));
  fs.chmodSync(dataDir, 0o755);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'cluster') });
  const adminUrl = withDatabase(cluster.connectionString, 'postgres');
  const templateDb = 'moedebog_template';
  const admin = createDb(adminUrl);
  await admin.raw(`CREATE DATABASE ${templateDb}`);
  await admin.destroy();
  const db = createDb(withDatabase(cluster.connectionString, templateDb));
  await migrateLatest(db);
  await loadDemoData(db, { today: TEST_TODAY });
  await db.destroy();

  const info: ClusterInfo = { adminUrl, templateDb, dataDir };
  const file = path.join(dataDir, 'cluster.json');
  fs.writeFileSync(file, JSON.stringify(info));
  process.env.MOEDEBOG_TEST_CLUSTER = file;
  (globalThis as { __moedebogCluster?: { stop(): Promise<void>; dataDir: string } }).__moedebogCluster = { stop: () => cluster.stop(), dataDir };
}
