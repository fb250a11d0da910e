import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { createApp } from '../../src/app';
import { createMailer } from '../../src/modules/mail/mailer';
import { createSessionMiddleware } from '../../src/web/session';
import { TEST_TODAY } from '../helpers/clock';
import type { TestDb } from '../helpers/test-db';

/**
 * The app on a test database with a clock the test moves: a consultation's deadline
 * and its links' grace period pass without waiting. No PDFs.
 */
export interface ClockApp {
  app: Express;
  filesDir: string;
  /** Sets the clock to a Copenhagen wall time or an instant */
  setNow(at: Date): void;
}

export function clockApp(t: TestDb): ClockApp {
  let current = new Date(TEST_TODAY);
  const sessions = createSessionMiddleware({ connectionString: t.url, secret: 'test-secret-test-secret-test-secret-0123', secure: false });
  t.onDrop(() => sessions.close());
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'moedebog-consultations-'));
  t.onDrop(async () => fs.rmSync(filesDir, { recursive: true, force: true }));
  const app = createApp({
    files: { dir: filesDir, maxBytes: 2 * 1024 * 1024 },
    mailer: createMailer({ smtpUrl: undefined, from: 'Mødebog <noreply@test.invalid>', baseUrl: 'http://moedebog.test' }),
    config: { env: 'test', siteName: 'Mødebog', accessibilityStatementUrl: 'https://www.was.digst.dk/ballerup-dk' },
    db: t.db,
    session: sessions.handler,
    now: () => new Date(current),
    log: () => undefined,
  });
  return {
    app,
    filesDir,
    setNow(at) {
      current = new Date(at);
    },
  };
}
