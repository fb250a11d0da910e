import type { Knex } from 'knex';
import type { Db } from '../../db/knex';

export type Role = 'admin' | 'secretary' | 'member';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  personId: number | null;
  allCommittees: boolean;
  /** Committees a secretary works for (empty for admins and all-committee secretaries: see canEditCommittee) */
  committeeIds: number[];
}

const columns = ['u.id', 'u.email', 'u.name', 'u.role', 'u.person_id as personId', 'u.all_committees as allCommittees'];

async function withCommittees(db: Db | Knex.Transaction, row: Omit<User, 'committeeIds'> | undefined): Promise<User | undefined> {
  if (!row) return undefined;
  const committeeIds = (await db('user_committees').where({ user_id: row.id }).pluck('committee_id')) as number[];
  return { ...row, committeeIds };
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  return withCommittees(db, await db('users as u').where({ 'u.id': id, 'u.disabled': false }).first(columns));
}

export async function findLoginByEmail(db: Db, email: string): Promise<{ id: number; passwordHash: string } | undefined> {
  return db('users').whereRaw('lower(email) = lower(?)', [email]).where({ disabled: false }).first('id', 'password_hash as passwordHash');
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  personId?: number | null;
  allCommittees?: boolean;
  committeeIds?: number[];
}

export async function insertUser(trx: Knex.Transaction, user: NewUser): Promise<number> {
  const [row] = await trx('users')
    .insert({
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      role: user.role,
      person_id: user.personId ?? null,
      all_committees: user.allCommittees ?? false,
    })
    .returning('id');
  const id = (row as { id: number }).id;
  for (const committeeId of user.committeeIds ?? []) await trx('user_committees').insert({ user_id: id, committee_id: committeeId });
  return id;
}

/** Committees whose meetings a member sits in (current or past memberships). */
export async function memberCommitteeIds(db: Db, personId: number): Promise<number[]> {
  return (await db('memberships').where({ person_id: personId }).distinct().pluck('committee_id')) as number[];
}
