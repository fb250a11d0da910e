import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('committees', (t) => {
    t.increments('id');
    t.integer('body_id').notNullable().references('bodies.id').onDelete('RESTRICT');
    t.text('kind').notNullable();
    t.text('name').notNullable();
    t.text('short_name');
    t.text('slug').notNullable().unique();
    t.text('contact_email');
    t.timestamps(true, true);
    t.unique(['body_id', 'name']);
  });
  await knex.raw(
    "ALTER TABLE committees ADD CONSTRAINT committees_kind_check CHECK (kind IN ('council', 'committee', 'advisory_board', 'external_party'))",
  );
  await knex.raw("ALTER TABLE committees ADD CONSTRAINT committees_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')");
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('committees');
}
