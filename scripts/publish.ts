import { runPublish } from '../src/modules/publishing/command';

runPublish(process.argv.slice(2), process.env, (m) => console.log(m))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error('Udgivelsen mislykkedes:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
