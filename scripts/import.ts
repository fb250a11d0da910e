import { runImport } from '../src/modules/import/command';

/** `npm run import -- <file or folder> [--body <slug>]`: see src/modules/import/command.ts. */
runImport(process.argv.slice(2), process.env, (m) => console.log(m))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error('Importen mislykkedes:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
