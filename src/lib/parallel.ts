/**
 * Runs `work` on every job, `lanes` at a time, in the jobs' order (each lane takes the next job when its own is
 * done). Rejects with the first failure; lanes already running finish their current job.
 */
export async function inParallel<T>(jobs: readonly T[], lanes: number, work: (job: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) await work(jobs[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, jobs.length) }, lane));
}
