import path from 'node:path';
import { buildSync } from 'esbuild';

let built: string | undefined;

/**
 * Bundles browser-editor.ts (and with it compute.ts, the one implementation of the
 * table arithmetic) into one browser script: the first time it is asked for in this
 * process (when the first app starts), then kept, as it is the same for every app.
 */
export function buildEditorScript(): string {
  built ??= bundleEditorScript();
  return built;
}

function bundleEditorScript(): string {
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
