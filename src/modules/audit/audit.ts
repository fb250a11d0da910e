import type { Knex } from 'knex';
import type { Db } from '../../db/knex';

/** Records a change in the same transaction as the change itself. */
export async function audit(
  trx: Knex.Transaction,
  entry: { userId: number | null; action: string; entity: string; entityId: number | null; before?: unknown; after?: unknown },
): Promise<void> {
  await trx('audit_log').insert({
    user_id: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  });
}

export interface AuditRow {
  id: number;
  at: Date;
  userName: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
}

export async function recentAudit(db: Db, limit: number, filter: { entity?: string; entityId?: number } = {}): Promise<AuditRow[]> {
  const q = db('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select('a.id', 'a.at', 'u.name as userName', 'a.action', 'a.entity', 'a.entity_id as entityId', 'a.before', 'a.after')
    .orderBy('a.id', 'desc')
    .limit(limit);
  if (filter.entity) q.where('a.entity', filter.entity);
  if (filter.entityId !== undefined) q.where('a.entity_id', filter.entityId);
  return q;
}
