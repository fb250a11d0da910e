import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { NotFoundError } from '../../web/errors';
import { audit } from '../audit/audit';
import { hashPassword } from '../auth/password';
import { insertUser } from '../auth/repository';
import { InvalidFieldError, isUniqueViolation } from '../committees/invalid-field';
import type { AccountData, UserRole } from './schema';

/** User accounts as the administration manages them. Password hashes never leave this file except into the users table. */

export interface AccountRow {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  personId: number | null;
  personName: string | null;
  allCommittees: boolean;
  disabled: boolean;
  committeeIds: number[];
}

type Conn = Db | Knex.Transaction;

const accountColumns = [
  'u.id as id',
  'u.email as email',
  'u.name as name',
  'u.role as role',
  'u.person_id as personId',
  'p.name as personName',
  'u.all_committees as allCommittees',
  'u.disabled as disabled',
];

async function withCommittees(db: Conn, rows: Array<Omit<AccountRow, 'committeeIds'>>): Promise<AccountRow[]> {
  const links = (await db('user_committees')
    .whereIn(
      'user_id',
      rows.map((r) => r.id),
    )
    .select('user_id as userId', 'committee_id as committeeId')) as Array<{ userId: number; committeeId: number }>;
  return rows.map((r) => ({ ...r, committeeIds: links.filter((l) => l.userId === r.id).map((l) => l.committeeId) }));
}

export async function listAccounts(db: Db): Promise<AccountRow[]> {
  const rows = await db('users as u').leftJoin('people as p', 'p.id', 'u.person_id').select(accountColumns).orderBy([{ column: 'u.disabled' }, { column: 'u.name' }, { column: 'u.id' }]);
  return withCommittees(db, rows);
}

export async function findAccount(db: Conn, userId: number): Promise<AccountRow | undefined> {
  const row = await db('users as u').leftJoin('people as p', 'p.id', 'u.person_id').where('u.id', userId).first(accountColumns);
  return row ? (await withCommittees(db, [row]))[0] : undefined;
}

/** Committees a secretary can be given (not outside parties), and the people a member can be. */
export async function accountChoices(db: Db): Promise<{
  committees: Array<{ id: number; name: string; bodyName: string }>;
  people: Array<{ id: number; name: string; bodyName: string }>;
}> {
  const [committees, people] = await Promise.all([
    db('committees as c')
      .join('bodies as b', 'b.id', 'c.body_id')
      .whereNot('c.kind', 'external_party')
      .select('c.id', 'c.name', 'b.name as bodyName')
      .orderBy([{ column: 'b.is_primary', order: 'desc' }, { column: 'b.name' }, { column: 'c.name' }]),
    db('people as p')
      .join('bodies as b', 'b.id', 'p.body_id')
      .select('p.id', 'p.name', 'b.name as bodyName')
      .orderBy([{ column: 'b.is_primary', order: 'desc' }, { column: 'b.name' }, { column: 'p.name' }, { column: 'p.id' }]),
  ]);
  return { committees, people };
}

const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password to read aloud or copy: four groups of four, no look-alike characters (about 92 bits). */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += PASSWORD_ALPHABET[crypto.randomInt(PASSWORD_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

function emailTaken(): InvalidFieldError {
  return new InvalidFieldError('email', 'email_taken', 'Der findes allerede en bruger med den e-mailadresse. Skriv en anden, eller ret den eksisterende bruger');
}

/** Checks that the committees and the person exist, and that the person has no other account. */
async function checkAccount(trx: Knex.Transaction, data: AccountData, exceptUserId?: number): Promise<void> {
  const clash = await trx('users')
    .whereRaw('lower(email) = lower(?)', [data.email])
    .modify((q) => exceptUserId !== undefined && q.whereNot({ id: exceptUserId }))
    .first('id');
  if (clash) throw emailTaken();
  if (data.committeeIds.length > 0) {
    const found = (await trx('committees').whereIn('id', data.committeeIds).whereNot('kind', 'external_party').pluck('id')) as number[];
    if (found.length !== data.committeeIds.length) throw new InvalidFieldError('committeeIds', 'unknown_committee', 'Vælg udvalgene fra listen');
  }
  if (data.personId !== null) {
    const person = await trx('people').where({ id: data.personId }).first('id');
    if (!person) throw new InvalidFieldError('personId', 'unknown_person', 'Vælg personen fra listen');
    const holder = (await trx('users')
      .where({ person_id: data.personId })
      .modify((q) => exceptUserId !== undefined && q.whereNot({ id: exceptUserId }))
      .first('email')) as { email: string } | undefined;
    if (holder) throw new InvalidFieldError('personId', 'person_has_account', `Personen har allerede en brugerkonto (${holder.email})`);
  }
}

/** What the audit log keeps of an account: everything but the password. */
const auditView = (data: AccountData & { disabled?: boolean }) => ({
  email: data.email,
  name: data.name,
  role: data.role,
  personId: data.personId,
  allCommittees: data.allCommittees,
  committeeIds: data.committeeIds,
  disabled: data.disabled ?? false,
});

/** Runs a write; a concurrent insert of the same e-mail (the unique index) becomes the form's 422. */
async function guardEmail<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) throw emailTaken();
    throw error;
  }
}

/**
 * Creates an account. actorUserId is null when the command line creates it.
 * The password is hashed before the transaction opens, so no lock waits on argon2.
 */
export async function createAccount(db: Db, data: AccountData, password: string, actor: { userId: number | null; via?: string }): Promise<number> {
  const passwordHash = await hashPassword(password);
  return guardEmail(() =>
    db.transaction(async (trx) => {
      await checkAccount(trx, data);
      const id = await insertUser(trx, { ...data, passwordHash });
      await audit(trx, { userId: actor.userId, action: 'user.create', entity: 'user', entityId: id, after: { ...auditView(data), ...(actor.via ? { via: actor.via } : {}) } });
      return id;
    }),
  );
}

/** Signs the user out everywhere (but the session that made the change): their sessions are rows in the session table. */
async function endSessions(trx: Knex.Transaction, userId: number, keepSessionId?: string): Promise<void> {
  await trx('session')
    .whereRaw("(sess->>'userId') = ?", [String(userId)])
    .modify((q) => keepSessionId !== undefined && q.whereNot({ sid: keepSessionId }))
    .delete();
}

/** Saves an account. An admin cannot demote or disable themselves: someone must always be able to administer. */
export async function updateAccount(db: Db, userId: number, data: AccountData & { disabled: boolean }, actor: { userId: number }): Promise<void> {
  if (userId === actor.userId && data.role !== 'admin') {
    throw new InvalidFieldError('role', 'self_demote', 'Du kan ikke fjerne din egen administratorrolle. Bed en anden administrator om det');
  }
  if (userId === actor.userId && data.disabled) {
    throw new InvalidFieldError('disabled', 'self_disable', 'Du kan ikke deaktivere din egen konto. Bed en anden administrator om det');
  }
  await guardEmail(() =>
    db.transaction(async (trx) => {
      const lock = await trx('users').where({ id: userId }).forUpdate().first('id');
      if (!lock) throw new NotFoundError('Brugeren');
      const before = (await findAccount(trx, userId)) as AccountRow;
      await checkAccount(trx, data, userId);
      await trx('users').where({ id: userId }).update({
        email: data.email,
        name: data.name,
        role: data.role,
        person_id: data.personId,
        all_committees: data.allCommittees,
        disabled: data.disabled,
        updated_at: trx.fn.now(),
      });
      await trx('user_committees').where({ user_id: userId }).delete();
      if (data.committeeIds.length > 0) await trx('user_committees').insert(data.committeeIds.map((committeeId) => ({ user_id: userId, committee_id: committeeId })));
      if (data.disabled && !before.disabled) await endSessions(trx, userId);
      await audit(trx, { userId: actor.userId, action: 'user.update', entity: 'user', entityId: userId, before: auditView(before), after: auditView(data) });
    }),
  );
}

/** Sets a new password and signs the user out of their other sessions. */
export async function resetPassword(db: Db, userId: number, password: string, actor: { userId: number; sessionId?: string; generated: boolean }): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (trx) => {
    const updated = await trx('users').where({ id: userId }).update({ password_hash: passwordHash, updated_at: trx.fn.now() });
    if (updated === 0) throw new NotFoundError('Brugeren');
    await endSessions(trx, userId, userId === actor.userId ? actor.sessionId : undefined);
    await audit(trx, { userId: actor.userId, action: 'user.password_reset', entity: 'user', entityId: userId, after: { generated: actor.generated } });
  });
}
