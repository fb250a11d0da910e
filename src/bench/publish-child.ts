import fs from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config';
import { createDb } from '../db/knex';
import { boundHeapGrowth, publishFromDatabase } from '../modules/publishing/command';
import { oldVersionsRemoved, type PublishResult } from '../modules/publishing/static-site';
import { answerOnce } from './child-ipc';

export interface PublishChildInput {
  databaseUrl: string;
  dataDir: string;
  out: string;
  full: boolean;
  /** Give the new version the previous version's search index (hard links) instead of building it again */
  reuseSearchIndex: boolean;
}

export interface PublishChildResult {
  result: PublishResult;
  /** From the call to the publisher until it returned */
  ms: number;
  /** The process's peak resident memory over its whole life, as the kernel counted it */
  peakRssMb: number;
}

async function linkTree(from: string, to: string): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    if (entry.isDirectory()) await linkTree(path.join(from, entry.name), path.join(to, entry.name));
    else await fs.link(path.join(from, entry.name), path.join(to, entry.name));
  }
}

/**
 * The bench's static publish, in a process of its own as `npm run publish` runs (without PDFs): its
 * time and its own peak memory, apart from the bench process, whose servers are measured next.
 */
answerOnce(async (input: PublishChildInput): Promise<PublishChildResult> => {
  boundHeapGrowth();
  const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'bench-'.padEnd(40, 'x'), DATA_DIR: input.dataDir, LOG_LEVEL: 'silent', DATABASE_URL: input.databaseUrl });
  const db = createDb(input.databaseUrl, { max: 10 });
  try {
    const previousSite = input.reuseSearchIndex ? await fs.realpath(input.out) : null;
    const reuseIndex = previousSite ? (dir: string) => linkTree(path.join(previousSite, 'pagefind'), path.join(dir, 'pagefind')) : undefined;
    const started = performance.now();
    const result = await publishFromDatabase({ db, config, out: input.out, full: input.full, withoutPdfs: true, log: () => undefined, indexSearch: reuseIndex });
    const ms = performance.now() - started;
    // Old versions are deleted in the background after the swap; that ends before the next measure.
    await oldVersionsRemoved();
    return { result, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  } finally {
    await db.destroy();
  }
});
