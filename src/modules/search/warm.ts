import type { Knex } from 'knex';

/**
 * After a start, PostgreSQL's cache holds nothing of the search index, and the first
 * searches read it from disk: a third slower than later ones on ten years of meetings
 * (41,000 items, 620 MB of index and vectors; scripts/bench). The server reads it into
 * the cache once, in the background, right after it starts (pg_prewarm, enabled by
 * migrations/20261203100000_enable_pg_prewarm.ts), as far as WARM_SHARE of the cache
 * allows: the text indexes and the rows first, then the documents' vectors and text.
 */
const WARM_SHARE = 0.75;

export interface WarmedRelation {
  name: string;
  /** Its size, all of it read into the cache */
  bytes: number;
}

export interface WarmOutcome {
  /** What was read into the cache, in order */
  warmed: WarmedRelation[];
  /** Relations left out because the cache could not hold them too */
  left: string[];
  /** Why nothing was read, when nothing was */
  skipped: 'no-extension' | null;
}

/**
 * Reads search_documents and search_words (the misspelling fallback's words), their
 * indexes and their out-of-line values (TOAST) into PostgreSQL's cache, in priority order, while their total stays within WARM_SHARE
 * of shared_buffers (or `budgetBytes`). Reads only: what the cache holds changes, no data does.
 */
export async function warmSearchIndex(db: Knex | Knex.Transaction, options: { budgetBytes?: number } = {}): Promise<WarmOutcome> {
  const extension = await db.raw<{ rows: unknown[] }>("SELECT 1 FROM pg_extension WHERE extname = 'pg_prewarm'");
  if (extension.rows.length === 0) return { warmed: [], left: [], skipped: 'no-extension' };
  const relations = await db.raw<{ rows: Array<{ oid: number; name: string; bytes: string; budget: string }> }>(
    `WITH search AS (SELECT t.oid FROM unnest(ARRAY['search_documents'::regclass, 'search_words'::regclass]) AS t(oid)),
     parts AS (
       SELECT i.indexrelid AS oid, 1 AS priority FROM pg_index i JOIN search ON i.indrelid = search.oid
       UNION ALL SELECT search.oid, 2 FROM search
       UNION ALL SELECT t.indexrelid, 3 FROM pg_index t JOIN pg_class c ON t.indrelid = c.reltoastrelid JOIN search ON c.oid = search.oid
       UNION ALL SELECT c.reltoastrelid, 4 FROM pg_class c JOIN search ON c.oid = search.oid WHERE c.reltoastrelid <> 0)
     SELECT p.oid::int AS oid, p.oid::regclass::text AS name, pg_relation_size(p.oid) AS bytes,
            floor(pg_size_bytes(current_setting('shared_buffers')) * ${WARM_SHARE}) AS budget
       FROM parts p
      ORDER BY p.priority, pg_relation_size(p.oid), p.oid`,
  );
  const warmed: WarmedRelation[] = [];
  const left: string[] = [];
  let room = options.budgetBytes ?? Number(relations.rows[0]?.budget ?? 0);
  for (const relation of relations.rows) {
    const bytes = Number(relation.bytes);
    if (bytes > room) {
      left.push(relation.name);
      continue;
    }
    room -= bytes;
    await db.raw('SELECT pg_prewarm(?::oid::regclass)', [relation.oid]);
    warmed.push({ name: relation.name, bytes });
  }
  return { warmed, left, skipped: null };
}
