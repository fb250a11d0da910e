import autocannon from 'autocannon';
import { answerOnce } from './child-ipc';
import type { LoadOptions, LoadResult } from './cannon';

/** The child of loadInChildProcess (src/bench/cannon.ts): one autocannon run, its figures sent back to the parent. */
answerOnce(async (options: LoadOptions): Promise<LoadResult> => {
  // Unmeasured first: both servers reach the measured part warmed up (JIT, sockets, the page cache).
  if (options.warmup) await autocannon({ url: options.url, connections: options.connections, duration: options.warmup });
  const r = await autocannon({ url: options.url, connections: options.connections, duration: options.duration });
  return {
    rps: r.requests.average,
    total: r.requests.total,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
});
