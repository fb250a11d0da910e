import type { Knex } from 'knex';

/** Every change made through the app: who, when, what, before and after. Append-only. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('user_id').references('users.id').onDelete('SET NULL');
    t.text('action').notNullable();
    t.text('entity').notNullable();
    t.integer('entity_id');
    t.jsonb('before');
    t.jsonb('after');
    t.index(['entity', 'entity_id']);
    t.index(['at']);
  });
  await knex.raw(`
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
  await knex.raw(
    'CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_log');
  await knex.raw('DROP FUNCTION audit_log_append_only()');
}
