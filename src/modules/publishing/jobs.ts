import type { Config } from '../../config';
import type { Db } from '../../db/knex';
import type { Jobs } from '../../jobs/queue';
import type { MeetingPdfs } from '../pdf/service';
import { publishFromDatabase } from './command';
import { describeWriteError } from './write-errors';

export const SITE_PUBLISH_JOB = 'site.publish';

/** The server republishes the static site (incrementally) in the background when something public changed. */
export async function registerSitePublishing(jobs: Jobs, deps: { db: Db; config: Config; pdf: MeetingPdfs; log: (m: string) => void }): Promise<void> {
  const out = deps.config.staticOutDir;
  if (!out) return;
  await jobs.work(SITE_PUBLISH_JOB, async () => {
    try {
      const result = await publishFromDatabase({ db: deps.db, config: deps.config, out, full: false, log: deps.log, pdf: deps.pdf });
      deps.log(result.changed ? `Det statiske site er opdateret (${result.written} filer skrevet)` : 'Det statiske site var allerede opdateret');
    } catch (error) {
      // The job is tried again; the served site stays the previous version meanwhile.
      deps.log(`Det statiske site kunne ikke udgives: ${describeWriteError(error) ?? (error instanceof Error ? error.message : String(error))}`);
      throw error;
    }
  });
}

/**
 * At start, publish once: a publication made just before the server died (its job never sent,
 * or cut off while running) still reaches the static site. Nothing is rewritten when nothing changed.
 */
export async function publishSiteOnStart(jobs: Jobs, config: Pick<Config, 'staticOutDir'>): Promise<void> {
  if (config.staticOutDir) await jobs.enqueue(SITE_PUBLISH_JOB, {}, { singletonKey: 'site' });
}

/** After an agenda or minutes became public: render the meeting's PDFs, and republish the static site if one is configured. */
export function afterPublication(deps: { jobs: Jobs; pdf: MeetingPdfs; config: Pick<Config, 'staticOutDir'> }): (meetingId: number) => Promise<void> {
  return async (meetingId) => {
    await deps.pdf.schedule(meetingId);
    // One waiting publish covers any number of publications made before it runs.
    if (deps.config.staticOutDir) await deps.jobs.enqueue(SITE_PUBLISH_JOB, {}, { singletonKey: 'site', startAfterSeconds: 5 });
  };
}
