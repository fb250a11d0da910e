import { runRestore } from '../src/modules/backup/command';

/** `npm run restore -- <backup> [--force] [--kontroller]`: see src/modules/backup/README.md. */
runRestore({ argv: process.argv.slice(2), env: process.env, say: (m) => console.log(m), fail: (m) => console.error(m) })
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error('Gendannelsen mislykkedes:', error);
    process.exit(1);
  });
