import { collectGarbageNow } from '../lib/collect-garbage';
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
    nodeOptions: [`--max-semi-space-size=${LOAD_GENERATOR_SEMI_SPACE_MB}`],
  });
}

/**
 * The load generator's young generation, in MB (Node's default is 16). autocannon decodes every response body
 * to a string and appends it chunk by chunk: for a 97 KB page, garbage enough that with the default the child
 * spent a third to a half of its time collecting it, was the bottleneck rather than the servers (its core busy,
 * the servers' idle half the time), and swung between about 800 and 2,900 requests/s from run to run for the
 * same server. With 64 MB it kept up with both: express.static 1,900-2,060 and the app 2,700-4,000 requests/s.
 */
const LOAD_GENERATOR_SEMI_SPACE_MB = 64;

/**
 * Before a measured run against a server in this process: a full garbage collection,
 * so no run pays for garbage left by what ran before it, and, when the run would span
 * the turn of a minute, a wait for that turn: the page cache empties then (pages may
 * depend on the clock), and the first requests after it render the page again. The
 * bench measures serving a page in steady state, beside a static file server.
 */
export async function settleBeforeLoad(seconds: number): Promise<void> {
  collectGarbageNow();
  const left = 60_000 - (Date.now() % 60_000);
  if (left < (seconds + 2) * 1000) await new Promise((resolve) => setTimeout(resolve, left + 250));
}
