import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config';
import { DataDirInUseError, startEmbeddedPostgres } from '../../db/embedded-postgres';
import { BackupError } from './manifest';

/**
 * The server's database as the other commands find it (DATABASE_URL, or the
 * embedded cluster under DATA_DIR/postgres, started here or attached to when a
 * running server owns it), but without running migrations: a backup takes the
 * database as it is, and a restore migrates to the backup's own version.
 */
export interface DatabaseConnection {
  url: string;
  /** The embedded cluster belongs to a running server: we only connected to it */
  attachedToRunningServer: boolean;
  embedded: boolean;
  close(): Promise<void>;
}

export async function connectWithoutMigrating(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  options: { create: boolean; log: (m: string) => void },
): Promise<DatabaseConnection> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, attachedToRunningServer: false, embedded: false, async close() {} };
  }
  const clusterDir = path.join(config.dataDir, 'postgres');
  const exists = await fs
    .access(path.join(clusterDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!exists && !options.create) {
    throw new BackupError(`Der er ingen database i ${clusterDir}. Sæt DATA_DIR til Mødebogs datamappe, eller DATABASE_URL.`);
  }
  try {
    const embedded = await startEmbeddedPostgres({ dataDir: clusterDir, log: (m) => m && options.log(`[postgres] ${m}`) });
    return { url: embedded.connectionString, attachedToRunningServer: embedded.attached, embedded: true, close: () => embedded.stop() };
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      throw new BackupError(`Databasen i ${clusterDir} bruges af en kørende Mødebog, hvis port ikke kan læses. Stop serveren, eller sæt DATABASE_URL.`, { cause: error });
    }
    throw error;
  }
}
