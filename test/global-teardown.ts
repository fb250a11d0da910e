import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const cluster = (globalThis as { __moedebogCluster?: { stop(): Promise<void>; dataDir: string } }).__moedebogCluster;
  if (!cluster) return;
  await cluster.stop();
  fs.rmSync(cluster.dataDir, { recursive: true, force: true });
}
