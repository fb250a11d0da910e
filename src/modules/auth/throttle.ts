import type { Db } from '../../db/knex';

/**
 * Login throttling: after ACCOUNT_LIMIT failures for one account, or ADDRESS_LIMIT
 * failures from one address, within WINDOW, further attempts are refused until the
 * lock expires. A success clears the account's count.
 */
const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 20;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `address:${ip}`;

/** Minutes until the first of the keys unlocks, or 0 when none is locked. */
export async function lockedFor(db: Db, keys: string[], now: Date): Promise<number> {
  const rows = (await db('login_failures').whereIn('key', keys).where('locked_until', '>', now).select('locked_until')) as Array<{ locked_until: Date }>;
  if (rows.length === 0) return 0;
  const until = Math.max(...rows.map((r) => r.locked_until.getTime()));
  return Math.max(1, Math.ceil((until - now.getTime()) / 60000));
}

export async function recordFailure(db: Db, key: string, limit: number, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  await db.raw(
    `INSERT INTO login_failures (key, failures, window_started_at) VALUES (?, 1, ?)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN login_failures.window_started_at < ? THEN 1 ELSE login_failures.failures + 1 END,
       window_started_at = CASE WHEN login_failures.window_started_at < ? THEN EXCLUDED.window_started_at ELSE login_failures.window_started_at END`,
    [key, now, windowStart, windowStart],
  );
  await db('login_failures').where({ key }).where('failures', '>=', limit).update({ locked_until: new Date(now.getTime() + LOCK_MS), failures: 0, window_started_at: now });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db('login_failures').where({ key }).delete();
}
