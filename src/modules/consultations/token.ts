import crypto from 'node:crypto';

/**
 * Private answer links for outside parties: 32 random bytes, base64url in the link;
 * only the SHA-256 is stored, so the database (or a backup of it) cannot answer for anyone.
 */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newAnswerToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashAnswerToken(token) as string };
}

/** The stored hash of a token from a link, or undefined when it cannot be one of ours. */
export function hashAnswerToken(token: string): string | undefined {
  if (!TOKEN.test(token)) return undefined;
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

export function answerPath(token: string): string {
  return `/hoering/svar/${token}`;
}
