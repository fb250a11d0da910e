import type { Db } from '../../src/db/knex';

/**
 * An exact "did the database change?" for tests that send many requests (the fuzz test):
 * statement-level triggers on every table of the test's own database log each committed
 * statement that inserted, updated or deleted at least one row (and every TRUNCATE). The log
 * is written inside the changing transaction, so a write that was rolled back leaves no trace,
 * and a write the app commits always does, whatever it touched, unlike row counts. Reading
 * it is one index-only query, instead of counting the rows of every table.
 */
export interface ChangeCounter {
  /** How many changing statements have been committed since the counter was installed */
  read(): Promise<number>;
  /** The committed changes after the first `since`, one line per table and operation ("agenda_items: UPDATE 1 row") */
  describeSince(since: number): Promise<string[]>;
}

const LOG = 'test_change_log';

/**
 * Installs the counter on every table of the public schema but the ignored ones (the session
 * store, whose rows change on every request). Only for a test's private database: it adds
 * a table and triggers to it.
 */
export async function installChangeCounter(db: Db, options: { ignore: string[] }): Promise<ChangeCounter> {
  const ignored = new Set([...options.ignore, LOG]);
  const tables = (
    await db.raw<{ rows: Array<{ name: string }> }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
    )
  ).rows
    .map((r) => r.name)
    .filter((name) => !ignored.has(name));
  if (tables.length === 0) throw new Error('no tables to watch: is the database migrated?');
  await db.transaction(async (trx) => {
    await trx.raw(`CREATE TABLE ${LOG} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, table_name text NOT NULL, operation text NOT NULL, row_count bigint NOT NULL)`);
    // changed_rows is the statement's transition table; TRUNCATE has none.
    await trx.raw(`
      CREATE FUNCTION ${LOG}_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          INSERT INTO ${LOG} (table_name, operation, row_count) VALUES (TG_TABLE_NAME, TG_OP, 0);
        ELSE
          INSERT INTO ${LOG} (table_name, operation, row_count)
            SELECT TG_TABLE_NAME, TG_OP, count(*) FROM changed_rows HAVING count(*) > 0;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of tables) {
      const on = `ON "${table}"`;
      const record = `FOR EACH STATEMENT EXECUTE FUNCTION ${LOG}_record()`;
      await trx.raw(`CREATE TRIGGER ${LOG}_insert AFTER INSERT ${on} REFERENCING NEW TABLE AS changed_rows ${record}`);
      await trx.raw(`CREATE TRIGGER ${LOG}_update AFTER UPDATE ${on} REFERENCING NEW TABLE AS changed_rows ${record}`);
      await trx.raw(`CREATE TRIGGER ${LOG}_delete AFTER DELETE ${on} REFERENCING OLD TABLE AS changed_rows ${record}`);
      await trx.raw(`CREATE TRIGGER ${LOG}_truncate AFTER TRUNCATE ${on} ${record}`);
    }
  });
  return {
    async read() {
      const result = await db.raw<{ rows: Array<{ n: number }> }>(`SELECT count(*)::int AS n FROM ${LOG}`);
      return result.rows[0]?.n ?? 0;
    },
    async describeSince(since) {
      const result = await db.raw<{ rows: Array<{ table_name: string; operation: string; rows: number }> }>(
        `SELECT table_name, operation, sum(row_count)::int AS rows
           FROM (SELECT * FROM ${LOG} ORDER BY id OFFSET ?) later
          GROUP BY table_name, operation ORDER BY table_name, operation`,
        [since],
      );
      return result.rows.map((r) => `${r.table_name}: ${r.operation} ${r.rows} row${r.rows === 1 ? '' : 's'}`);
    },
  };
}
