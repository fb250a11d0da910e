import { loadConfig } from '../config';
import { createDb } from '../db/knex';
import { boundHeapGrowth, publishFromDatabase } from '../modules/publishing/command';
import { oldVersionsRemoved, type PublishResult } from '../modules/publishing/static-site';
import { answerOnce } from './child-ipc';
import { flushFileSystems } from './disk';

export interface PublishChildInput {
  databaseUrl: string;
  dataDir: string;
  out: string;
  /** The changes made after the full publish, each followed by an incremental publish: an item's new title */
  changes: Array<{ meetingId: number; itemNumber: number; title: string }>;
}

export interface PublishRun {
  result: PublishResult;
  /** From the call to the publisher until it returned */
  ms: number;
  /** The process's peak resident memory so far, as the kernel counted it */
  peakRssMb: number;
}

export interface PublishChildResult {
  full: PublishRun;
  /** One per change, in their order */
  incrementals: PublishRun[];
}

/**
 * The bench's static publishes, in a process of their own as `npm run publish` runs (without PDFs):
 * the whole site from a cold start, then, in the same (now warm) process as the server's publishing
 * job would be, an incremental publish after each change of one item. Their time and the process's own
 * peak memory, apart from the bench process, whose servers are measured next.
 */
answerOnce(async (input: PublishChildInput): Promise<PublishChildResult> => {
  boundHeapGrowth();
  const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'bench-'.padEnd(40, 'x'), DATA_DIR: input.dataDir, LOG_LEVEL: 'silent', DATABASE_URL: input.databaseUrl });
  const db = createDb(input.databaseUrl, { max: 10 });
  const publish = async (full: boolean, indexSearch?: (dir: string) => Promise<void>): Promise<PublishRun> => {
    const started = performance.now();
    const result = await publishFromDatabase({ db, config, out: input.out, full, withoutPdfs: true, log: () => undefined, indexSearch });
    const ms = performance.now() - started;
    // Old versions are deleted in the background after the swap, and the files written are written back to
    // disk: both end before the next measure.
    await oldVersionsRemoved();
    flushFileSystems();
    return { result, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  };
  try {
    const full = await publish(true);
    const incrementals: PublishRun[] = [];
    for (const change of input.changes) {
      await db('agenda_items').where({ meeting_id: change.meetingId, number: change.itemNumber }).update({ title: change.title });
      // The search index apart: Pagefind has no incremental mode (the full publish shows what it takes), and
      // building it beside the rest would slow what is measured here.
      incrementals.push(await publish(false, async () => undefined));
    }
    return { full, incrementals };
  } finally {
    await db.destroy();
  }
});
