import { runBackup } from '../src/modules/backup/command';

/** `npm run backup -- [--out <dir>]`: see src/modules/backup/README.md. */
runBackup({ argv: process.argv.slice(2), env: process.env, say: (m) => console.log(m), fail: (m) => console.error(m) })
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error('Sikkerhedskopien mislykkedes:', error);
    process.exit(1);
  });
