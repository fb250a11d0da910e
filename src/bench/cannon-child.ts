import autocannon from 'autocannon';
import type { LoadOptions, LoadResult } from './cannon';

/** The child of loadInChildProcess (src/bench/cannon.ts): one autocannon run, its figures sent back to the parent. */
process.once('message', (options: LoadOptions) => {
  const run = async () => {
    // Unmeasured first: both servers reach the measured part warmed up (JIT, sockets, the page cache).
    if (options.warmup) await autocannon({ url: options.url, connections: options.connections, duration: options.warmup });
    return autocannon({ url: options.url, connections: options.connections, duration: options.duration });
  };
  run().then(
    (r) => {
      const result: LoadResult = {
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
      process.send?.({ result }, () => process.exit(0));
    },
    (error: unknown) => {
      process.send?.({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1));
    },
  );
});
// Loaded: the parent settles, then sends the options.
process.send?.({ ready: true });
