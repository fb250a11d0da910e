import type { Knex } from 'knex';

/** Numbered sub-points of an announcements item (Meddelelser); each may belong to a case. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sub_points', (t) => {
    t.increments('id');
    t.integer('item_id').notNullable().references('agenda_items.id').onDelete('CASCADE');
    t.integer('number').notNullable();
    t.text('title');
    t.text('body').notNullable();
    t.integer('case_id').references('cases.id').onDelete('SET NULL');
    t.unique(['item_id', 'number']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sub_points');
}
