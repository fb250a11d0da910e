import type { Knex } from 'knex';

/** The numbered points of an indstilling, each with its own decision when the committee decided per point. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('recommendation_points', (t) => {
    t.increments('id');
    t.integer('item_id').notNullable().references('agenda_items.id').onDelete('CASCADE');
    t.integer('number').notNullable();
    t.text('text').notNullable();
    t.text('decision');
    t.unique(['item_id', 'number']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('recommendation_points');
}
