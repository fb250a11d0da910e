import path from 'node:path';
import { buildSync } from 'esbuild';

/**
 * Bundles browser-editor.ts (and with it compute.ts, the one implementation of the
 * table arithmetic) into one browser script. Built once when the app starts; the
 * caller keeps the result in memory.
 */
export function buildEditorScript(): string {
  const result = buildSync({
    entryPoints: [path.join(__dirname, 'browser-editor.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for the budget-table editor');
  return file.text;
}
