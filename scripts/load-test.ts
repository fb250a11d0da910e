import { parseArgs } from 'node:util';
import { formatLoadReport, runLoad } from '../src/bench/load';

const USAGE = 'Brug: npm run test:load [-- --duration <sekunder>] [--connections <antal>] [--timeout <sekunder>] [--keep]';

/**
 * `npm run test:load [-- --duration 10]`: 200 public clients for 60 s against the server with the
 * demo data, while a secretary edits and the static site publishes (src/bench/load.ts). Exits 1 on
 * any failed request or edit.
 */
async function main(): Promise<number> {
  let values: { duration?: string; connections?: string; timeout?: string; keep?: boolean };
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: { duration: { type: 'string' }, connections: { type: 'string' }, timeout: { type: 'string' }, keep: { type: 'boolean' } },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const number = (value: string | undefined, fallback: number, name: string): number => {
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} skal være et helt tal over 0.\n${USAGE}`);
    return n;
  };
  const options = {
    duration: number(values.duration, 60, 'duration'),
    connections: number(values.connections, 200, 'connections'),
    // Generous: this catches hangs and dropped requests on a busy machine; the latencies are printed.
    timeout: number(values.timeout, 30, 'timeout'),
    keep: Boolean(values.keep),
    say: (m: string) => console.log(m),
  };
  const report = await runLoad(options);
  console.log(`\n${formatLoadReport(report, options)}`);
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Belastningstesten kunne ikke gennemføres:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
