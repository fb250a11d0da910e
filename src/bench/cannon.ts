import v8 from 'node:v8';
import vm from 'node:vm';
import { forkForResult } from './child-ipc';

/** What the bench reads from one autocannon run. */
export interface LoadResult {
  /** Mean requests per second */
  rps: number;
  total: number;
  /** Latency percentiles in ms */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds */
  duration: number;
  /** Seconds of the same load before, not measured */
  warmup?: number;
}

/**
 * Runs autocannon in a child process of its own, so the load generator's work
 * (parsing responses, timing, its garbage collection) never runs on the event loop
 * of the server it measures, which runs in this process. The reference and the app
 * are measured the same way: once the child is ready, this process settles
 * (settleBeforeLoad), then the child warms the server up and measures it.
 */
export function loadInChildProcess(options: LoadOptions): Promise<LoadResult> {
  return forkForResult<LoadOptions, LoadResult>('cannon-child.ts', options, {
    timeoutMs: (options.duration + (options.warmup ?? 0) + 180) * 1000,
    beforeSend: () => settleBeforeLoad((options.warmup ?? 0) + options.duration),
  });
}

/**
 * Before a measured run against a server in this process: a full garbage collection,
 * so no run pays for garbage left by what ran before it, and, when the run would span
 * the turn of a minute, a wait for that turn: the page cache empties then (pages may
 * depend on the clock), and the first requests after it render the page again. The
 * bench measures serving a page in steady state, beside a static file server.
 */
export async function settleBeforeLoad(seconds: number): Promise<void> {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  const left = 60_000 - (Date.now() % 60_000);
  if (left < (seconds + 2) * 1000) await new Promise((resolve) => setTimeout(resolve, left + 250));
}
