import { createApp } from '../../src/app';
import type { Db } from '../../src/db/knex';
import { fixedNow } from './clock';

export function testApp(db: Db) {
  return createApp({
    config: { env: 'test', siteName: 'Mødebog', accessibilityStatementUrl: 'https://www.was.digst.dk/ballerup-dk' },
    db,
    now: fixedNow,
    log: () => undefined,
  });
}
