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
});

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  siteName: string;
  accessibilityStatementUrl: string;
  logLevel: 'silent' | 'info' | 'debug';
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    dataDir: path.resolve(c.DATA_DIR),
    siteName: c.SITE_NAME,
    accessibilityStatementUrl: c.ACCESSIBILITY_STATEMENT_URL,
    logLevel: c.LOG_LEVEL,
  };
}
