import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import type { ImportFormat } from './model';

export type SourceKind = 'meeting' | 'committee' | 'item' | 'attachment' | 'person';

export interface SourceRow {
  localId: number;
  contentHash: string | null;
}

export interface BodyRow {
  id: number;
  slug: string;
  name: string;
  isPrimary: boolean;
}

/** The body imports go to: the one named by slug, or the primary body. */
export async function findBody(db: Db, slug: string | undefined): Promise<BodyRow | undefined> {
  const q = db('bodies').select('id', 'slug', 'name', 'is_primary as isPrimary');
  return (slug ? q.where({ slug }) : q.where({ is_primary: true })).first() as Promise<BodyRow | undefined>;
}

export async function listBodies(db: Db): Promise<BodyRow[]> {
  return db('bodies').orderBy([{ column: 'is_primary', order: 'desc' }, 'name']).select('id', 'slug', 'name', 'is_primary as isPrimary');
}

export async function findSource(trx: Knex.Transaction, bodyId: number, system: ImportFormat, kind: SourceKind, externalId: string): Promise<SourceRow | undefined> {
  return trx('import_sources')
    .where({ body_id: bodyId, system, kind, external_id: externalId })
    .first('local_id as localId', 'content_hash as contentHash') as Promise<SourceRow | undefined>;
}

/** The export's ids of the given local rows of one kind. */
export async function sourcesOf(trx: Knex.Transaction, bodyId: number, system: ImportFormat, kind: SourceKind, localIds: number[]): Promise<Map<string, SourceRow>> {
  if (localIds.length === 0) return new Map();
  const rows = (await trx('import_sources')
    .where({ body_id: bodyId, system, kind })
    .whereIn('local_id', localIds)
    .select('external_id', 'local_id', 'content_hash')) as Array<{ external_id: string; local_id: number; content_hash: string | null }>;
  return new Map(rows.map((r) => [r.external_id, { localId: r.local_id, contentHash: r.content_hash }]));
}

export async function saveSource(
  trx: Knex.Transaction,
  input: { bodyId: number; system: ImportFormat; kind: SourceKind; externalId: string; localId: number; contentHash?: string | null; now: Date },
): Promise<void> {
  const row = {
    body_id: input.bodyId,
    system: input.system,
    kind: input.kind,
    external_id: input.externalId,
    local_id: input.localId,
    content_hash: input.contentHash ?? null,
    imported_at: input.now,
  };
  await trx('import_sources').insert(row).onConflict(['body_id', 'system', 'kind', 'external_id']).merge(['local_id', 'content_hash', 'imported_at']);
}

export async function forgetSources(trx: Knex.Transaction, kind: SourceKind, localIds: number[]): Promise<void> {
  if (localIds.length > 0) await trx('import_sources').where({ kind }).whereIn('local_id', localIds).delete();
}
