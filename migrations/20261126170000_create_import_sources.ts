import type { Knex } from 'knex';

/**
 * What an import from a case system (ESDH) made of the export's own identifiers:
 * its meeting, committee, item, attachment and person ids mapped to our rows, so a
 * re-import updates the same rows and never duplicates them. Ids are the source
 * system's, so they are kept per body. content_hash is the hash of what was last
 * imported (meetings and items), so an unchanged export changes nothing.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('import_sources', (t) => {
    t.increments('id');
    t.integer('body_id').notNullable().references('bodies.id').onDelete('CASCADE');
    t.text('system').notNullable();
    t.text('kind').notNullable();
    t.text('external_id').notNullable();
    t.integer('local_id').notNullable();
    t.text('content_hash');
    t.timestamp('imported_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['body_id', 'system', 'kind', 'external_id']);
    t.index(['kind', 'local_id']);
  });
  await knex.raw("ALTER TABLE import_sources ADD CONSTRAINT import_sources_system_check CHECK (system IN ('edoc', 'publication', 'acadre'))");
  await knex.raw(
    "ALTER TABLE import_sources ADD CONSTRAINT import_sources_kind_check CHECK (kind IN ('meeting', 'committee', 'item', 'attachment', 'person'))",
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('import_sources');
}
