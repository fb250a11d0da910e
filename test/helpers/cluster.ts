import fs from 'node:fs';

/** What global setup leaves for the test files (Jest runs them in worker processes that inherit its env). */
export interface ClusterInfo {
  adminUrl: string; // connection string to the 'postgres' maintenance database
  templateDb: string; // migrated, with demo data
  dataDir: string;
}

export function readClusterInfo(): ClusterInfo {
  const file = process.env.MOEDEBOG_TEST_CLUSTER;
  if (!file) throw new Error('The test cluster is not running: run the tests through jest (test/global-setup.ts).');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ClusterInfo;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
