import { z } from 'zod';
import type { Jobs } from '../../jobs/queue';
import { RENDER_MEETING_PDFS, type MeetingPdfs } from './service';

const renderMeetingData = z.object({ meetingId: z.number().int().positive() });

/** Registers the worker that renders and caches a meeting's PDFs when its agenda or minutes are published. */
export async function registerPdfJobs(jobs: Jobs, pdfs: MeetingPdfs): Promise<void> {
  await jobs.work(RENDER_MEETING_PDFS, async (data) => {
    const { meetingId } = renderMeetingData.parse(data);
    await pdfs.renderMeeting(meetingId);
  });
}
