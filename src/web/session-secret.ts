import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Outside production: a random secret kept under DATA_DIR, so sessions survive restarts without configuration. */
export async function sessionSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'session-secret');
  try {
    const existing = (await fs.readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start
  }
  const secret = crypto.randomBytes(48).toString('base64url');
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(file, secret, { mode: 0o600 });
  return secret;
}
