import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/database';
import { createPublication } from '../approval/publication';
import { ImportFileError } from './model';
import { reportLines } from './report';
import { importFiles } from './service';

const USAGE = 'Brug: npm run import -- <fil eller mappe> [flere …] [--body <organisationens slug>]';

/** The export files to read: files as given, folders searched (recursively) for .xml files, in name order. */
export function exportFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.xml$/i.test(entry.name)) out.push(full);
    }
  };
  for (const p of paths) {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) throw new ImportFileError(`${p} findes ikke`);
    if (stat.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

/**
 * `npm run import -- <file or folder> [--body <slug>]`: imports case-system exports
 * into the same database as the server (DATABASE_URL, or the embedded one under
 * DATA_DIR, running or not) and prints one line per meeting with the totals.
 * Exit code 1 when a file or meeting could not be imported, 2 for wrong usage.
 */
export async function runImport(argv: string[], env: NodeJS.ProcessEnv, say: (m: string) => void): Promise<number> {
  let args: { values: { body?: string; help?: boolean }; positionals: string[] };
  try {
    args = parseArgs({ args: argv, options: { body: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    say(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help || args.positionals.length === 0) {
    say(USAGE);
    return args.values.help ? 0 : 2;
  }
  let files: string[];
  try {
    files = exportFiles(args.positionals);
  } catch (error) {
    say(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (files.length === 0) {
    say('Der er ingen XML-filer at importere.');
    return 2;
  }
  const config = loadConfig(env);
  const database = await openDatabase(config, (m) => config.logLevel === 'debug' && say(m));
  try {
    const report = await importFiles(
      database.db,
      files.map((f) => ({ name: f, bytes: fs.readFileSync(f) })),
      { bodySlug: args.values.body, now: new Date(), userId: null, publication: createPublication() },
    );
    for (const line of reportLines(report)) say(line);
    return report.meetings.some((m) => m.error) ? 1 : 0;
  } catch (error) {
    if (error instanceof ImportFileError) {
      say(error.message);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}
