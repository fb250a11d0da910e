import { runUserAdd } from '../src/modules/users/user-add';

/** `npm run user:add -- --email … --name … --role …`: creates a user account. See src/modules/users/user-add.ts. */
runUserAdd({ argv: process.argv.slice(2), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error('Brugeren kunne ikke oprettes:', error);
    process.exitCode = 1;
  });
