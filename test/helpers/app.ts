import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createMailer } from '../../src/modules/mail/mailer';
import { createMeetingPdfs } from '../../src/modules/pdf/service';
import { createBrowserPool } from '../../src/pdf/browser';
import { createSessionMiddleware } from '../../src/web/session';
import { fixedNow } from './clock';
import type { TestDb } from './test-db';

/** Upload limit of the test app: small, so tests can exceed it cheaply. */
export const TEST_MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

const apps = new WeakMap<TestDb, { app: Express; filesDir: string }>();

/** The app on a test database, with its session store on the same database and its own upload folder. One per test database. */
export function testApp(t: TestDb): Express {
  return instance(t).app;
}

/** The upload folder of the test database's app. */
export function testFilesDir(t: TestDb): string {
  return instance(t).filesDir;
}

function instance(t: TestDb): { app: Express; filesDir: string } {
  const existing = apps.get(t);
  if (existing) return existing;
  const sessions = createSessionMiddleware({ connectionString: t.url, secret: 'test-secret-test-secret-test-secret-0123', secure: false });
  t.onDrop(() => sessions.close());
  // Chromium starts only when a test asks for a PDF, and stops with the database.
  const browser = createBrowserPool({ size: 2, executablePath: loadConfig(process.env).chromiumPath });
  t.onDrop(() => browser.close());
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'moedebog-files-'));
  t.onDrop(async () => fs.rmSync(filesDir, { recursive: true, force: true }));
  const app = createApp({
    files: { dir: filesDir, maxBytes: TEST_MAX_UPLOAD_BYTES },
    mailer: createMailer({ smtpUrl: undefined, from: 'Mødebog <noreply@test.invalid>', baseUrl: 'http://moedebog.test' }),
    config: { env: 'test', siteName: 'Mødebog', accessibilityStatementUrl: 'https://www.was.digst.dk/ballerup-dk' },
    db: t.db,
    session: sessions.handler,
    pdf: createMeetingPdfs({ db: t.db, filesDir, browser, baseUrl: 'http://moedebog.test', log: () => undefined }),
    now: fixedNow,
    log: () => undefined,
  });
  apps.set(t, { app, filesDir });
  return { app, filesDir };
}
