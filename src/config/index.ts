import path from 'node:path';
import { z } from 'zod';

/** The only reader of process.env. Everything else receives a Config. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SITE_NAME: z.string().min(1).default('Mødebog'),
  ACCESSIBILITY_STATEMENT_URL: z.string().min(1).default('https://www.was.digst.dk/'),
  LOG_LEVEL: z.enum(['silent', 'info', 'debug']).default('info'),
  SESSION_SECRET: z.string().min(32, 'skal være mindst 32 tegn').optional(),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(500).default(25),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Mødebog <noreply@moedebog.invalid>'),
  BASE_URL: z.string().url().optional(),
  PUPPETEER_EXECUTABLE_PATH: z.string().min(1).optional(),
  STATIC_OUT_DIR: z.string().min(1).optional(),
});

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  siteName: string;
  accessibilityStatementUrl: string;
  logLevel: 'silent' | 'info' | 'debug';
  /** Undefined outside production: the server then keeps a generated secret under DATA_DIR. */
  sessionSecret: string | undefined;
  /** Mark cookies Secure (set when the site is served over TLS). */
  cookieSecure: boolean;
  uploadMaxBytes: number;
  /** SMTP server for outgoing mail; without it mail is only captured in the outbox (viewable by admins) */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The site's address, for links in e-mails */
  baseUrl: string;
  /** BASE_URL only when it was set: public URLs (the OParl API's ids) then use it; unset, they follow the request's host */
  publicBaseUrl: string | undefined;
  /** Chromium for PDFs; otherwise /usr/bin/chromium, then the one in @sparticuz/chromium */
  chromiumPath: string | undefined;
  /** When set, publishing an agenda or approved minutes republishes the static site here */
  staticOutDir: string | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && !c.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration: SESSION_SECRET is required in production');
  }
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    dataDir: path.resolve(c.DATA_DIR),
    siteName: c.SITE_NAME,
    accessibilityStatementUrl: c.ACCESSIBILITY_STATEMENT_URL,
    logLevel: c.LOG_LEVEL,
    sessionSecret: c.SESSION_SECRET,
    cookieSecure: c.COOKIE_SECURE === 'true',
    uploadMaxBytes: c.UPLOAD_MAX_MB * 1024 * 1024,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    baseUrl: (c.BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    publicBaseUrl: c.BASE_URL?.replace(/\/$/, ''),
    chromiumPath: c.PUPPETEER_EXECUTABLE_PATH,
    staticOutDir: c.STATIC_OUT_DIR ? path.resolve(c.STATIC_OUT_DIR) : undefined,
  };
}
