import type { Knex } from 'knex';

/** A body is a municipality (or region). One installation can host several. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('bodies', (t) => {
    t.increments('id');
    t.text('slug').notNullable().unique();
    t.text('name').notNullable();
    t.boolean('is_primary').notNullable().defaultTo(false);
    t.timestamps(true, true);
  });
  // At most one primary body: its committees keep the plain slugs.
  await knex.raw('CREATE UNIQUE INDEX bodies_one_primary ON bodies (is_primary) WHERE is_primary');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('bodies');
}
