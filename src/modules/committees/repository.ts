import type { Db } from '../../db/knex';

export type CommitteeKind = 'council' | 'committee' | 'advisory_board' | 'external_party';

export interface CommitteeRow {
  id: number;
  bodyId: number;
  bodyName: string;
  bodySlug: string;
  bodyIsPrimary: boolean;
  kind: CommitteeKind;
  name: string;
  shortName: string | null;
  slug: string;
}

const columns = [
  'c.id as id',
  'c.body_id as bodyId',
  'b.name as bodyName',
  'b.slug as bodySlug',
  'b.is_primary as bodyIsPrimary',
  'c.kind as kind',
  'c.name as name',
  'c.short_name as shortName',
  'c.slug as slug',
];

/** Committees, councils and advisory boards of every body (not outside parties), primary body first, in Danish order. */
export async function listCommittees(db: Db): Promise<CommitteeRow[]> {
  return db('committees as c')
    .join('bodies as b', 'b.id', 'c.body_id')
    .whereNot('c.kind', 'external_party')
    .select(columns)
    .orderBy([{ column: 'b.is_primary', order: 'desc' }, { column: 'b.name' }])
    .orderByRaw("CASE c.kind WHEN 'council' THEN 0 WHEN 'committee' THEN 1 ELSE 2 END")
    .orderBy('c.name');
}

export async function findCommitteeBySlug(db: Db, slug: string): Promise<CommitteeRow | undefined> {
  return db('committees as c')
    .join('bodies as b', 'b.id', 'c.body_id')
    .where('c.slug', slug)
    .whereNot('c.kind', 'external_party')
    .first(columns);
}

export async function countBodies(db: Db): Promise<number> {
  const [row] = await db('bodies').count<{ count: number }[]>('* as count');
  return Number(row?.count ?? 0);
}

/** The name shown as the authority in the header and footer. */
export async function primaryBodyName(db: Db): Promise<string | null> {
  const row = (await db('bodies').orderBy('is_primary', 'desc').orderBy('id').first('name')) as { name: string } | undefined;
  return row?.name ?? null;
}
