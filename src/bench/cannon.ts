import { fork } from 'node:child_process';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

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
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'cannon-child.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: LoadResult | undefined;
    let failure: string | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), (options.duration + (options.warmup ?? 0) + 180) * 1000);
    child.on('message', (message: { ready?: boolean; result?: LoadResult; error?: string }) => {
      if (message.ready) {
        settleBeforeLoad((options.warmup ?? 0) + options.duration).then(
          () => child.send(options),
          (error: unknown) => {
            failure = String(error);
            child.kill('SIGKILL');
          },
        );
        return;
      }
      result = message.result;
      failure = message.error;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (result) resolve(result);
      else reject(new Error(`autocannon child ended (${signal ?? code}) without a result${failure ? `: ${failure}` : ''}`));
    });
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
