import { z } from 'zod';
import type { Jobs } from '../../jobs/queue';
import { RENDER_MEETING_PDFS, type MeetingPdfs } from './service';

const renderMeetingData = z.object({ meetingId: z.number().int().positive() });

/** As many meetings at once as the browser pool prints pages at once (src/server.ts: 2), so neither waits for the other. */
export const PDF_JOB_CONCURRENCY = 2;

/** Registers the worker that renders and caches a meeting's PDFs when its agenda or minutes are published. */
export async function registerPdfJobs(jobs: Jobs, pdfs: MeetingPdfs, options: { concurrency?: number } = {}): Promise<void> {
  await jobs.work(
    RENDER_MEETING_PDFS,
    async (data) => {
      const { meetingId } = renderMeetingData.parse(data);
      await pdfs.renderMeeting(meetingId);
    },
    { concurrency: options.concurrency ?? PDF_JOB_CONCURRENCY },
  );
}
