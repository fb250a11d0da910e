/**
 * What the public schema holds, read from PostgreSQL's catalog. Used by both
 * directions: the backup lists what to dump, the restore checks that the
 * migrated schema has exactly the tables and columns the backup has.
 */

/** Runs one query and returns its rows (pg client or knex, whichever the caller holds). */
export type Query = (sql: string) => Promise<Array<Record<string, unknown>>>;

export interface CatalogTable {
  name: string;
  /** Columns in table order, without generated columns (PostgreSQL computes those itself) */
  columns: Array<{ name: string; type: string }>;
  primaryKey: string[];
  /** Has a GENERATED ALWAYS identity column: inserting stored values needs OVERRIDING SYSTEM VALUE */
  identityAlways: boolean;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualified(name: string): string {
  return `public.${quoteIdent(name)}`;
}

/**
 * Session settings under which every value's text form reads back as the same
 * value (pg_dump uses the same ones): ISO dates, UTC, hex bytea, all float digits.
 */
export const SESSION_SETTINGS: Array<[string, string]> = [
  ['client_encoding', 'UTF8'],
  ['DateStyle', 'ISO, YMD'],
  ['IntervalStyle', 'postgres'],
  ['TimeZone', 'UTC'],
  ['extra_float_digits', '3'],
  ['bytea_output', 'hex'],
  ['standard_conforming_strings', 'on'],
];

export async function listTables(query: Query): Promise<CatalogTable[]> {
  const columns = await query(`
    SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
           a.attgenerated <> '' AS generated, a.attidentity = 'a' AS identity_always
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     ORDER BY c.relname COLLATE "C", a.attnum`);
  const keys = await query(`
    SELECT c.relname AS table_name, array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE n.nspname = 'public' AND i.indisprimary
     GROUP BY c.relname`);
  const primaryKeys = new Map(keys.map((k) => [String(k.table_name), k.columns as string[]]));
  const tables = new Map<string, CatalogTable>();
  for (const row of columns) {
    const name = String(row.table_name);
    let table = tables.get(name);
    if (!table) {
      table = { name, columns: [], primaryKey: primaryKeys.get(name) ?? [], identityAlways: false };
      tables.set(name, table);
    }
    if (row.column_name === null) continue; // a table without columns
    if (row.identity_always === true) table.identityAlways = true;
    if (row.generated !== true) table.columns.push({ name: String(row.column_name), type: String(row.type) });
  }
  return [...tables.values()];
}

export async function listSequences(query: Query): Promise<string[]> {
  const rows = await query(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname COLLATE "C"`);
  return rows.map((r) => String(r.name));
}

/**
 * Tables with the ones they refer to (foreign keys) first. Self-references are
 * ignored and a cycle, should one appear, is broken in name order: with triggers
 * disabled (session_replication_role = replica) the order does not matter anyway.
 */
export async function dependencyOrder(query: Query, tables: string[]): Promise<string[]> {
  const edges = await query(`
    SELECT child.relname AS child, parent.relname AS parent
      FROM pg_constraint f
      JOIN pg_class child ON child.oid = f.conrelid
      JOIN pg_class parent ON parent.oid = f.confrelid
     WHERE f.contype = 'f' AND f.connamespace = 'public'::regnamespace`);
  const known = new Set(tables);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) {
    const child = String(e.child);
    const parent = String(e.parent);
    if (child !== parent && known.has(child) && known.has(parent)) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const done = new Set<string>();
  const remaining = [...tables].sort();
  while (remaining.length > 0) {
    const ready = remaining.findIndex((t) => [...(parents.get(t) ?? [])].every((p) => done.has(p)));
    const [next] = remaining.splice(ready >= 0 ? ready : 0, 1) as [string];
    ordered.push(next);
    done.add(next);
  }
  return ordered;
}
