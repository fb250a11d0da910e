import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's recommended minimum cost (19 MiB, 2 iterations). */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Verifies against a throwaway hash when the account does not exist, so the answer takes as long either way. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('moedebog-dummy-password');
  await verifyPassword(await dummyHash, password);
  return false;
}
