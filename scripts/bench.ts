import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable, runBench } from '../src/bench/run';

/** `npm run bench [-- --quick] [--out file]`: builds a synthetic municipality and measures it (src/bench). */
async function main(): Promise<number> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { quick: { type: 'boolean' }, out: { type: 'string' } }, strict: true });
  const out = path.resolve(values.out ?? 'bench/results.json');
  const started = Date.now();
  // Each step with the seconds since the start, so the run's time can be accounted for step by step.
  const say = (m: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);
  const results = await runBench({ quick: Boolean(values.quick), out, say });
  console.log(`\n${formatTable(results)}\n\nWritten to ${out} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
