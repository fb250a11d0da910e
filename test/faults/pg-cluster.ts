import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';

/**
 * A PostgreSQL cluster the fault tests stop and start under a running server:
 * `tsx test/faults/pg-cluster.ts <dir> <port>` starts it (initialising on first
 * use), prints its connection string, and stops it (fast shutdown) on SIGTERM.
 */
async function main(): Promise<void> {
  const [dir, port] = process.argv.slice(2);
  if (!dir || !port) throw new Error('usage: pg-cluster.ts <dir> <port>');
  const cluster = await startEmbeddedPostgres({ dataDir: dir, port: Number(port) });
  console.log(`ready ${cluster.connectionString}`);
  process.on('SIGTERM', () => {
    void cluster.stop().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
