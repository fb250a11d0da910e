import type { Knex } from 'knex';

/** Public, dated notes of changes made to an item after its agenda was published. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('item_change_notes', (t) => {
    t.increments('id');
    t.integer('item_id').notNullable().references('agenda_items.id').onDelete('CASCADE');
    t.timestamp('changed_at', { useTz: true }).notNullable();
    t.text('note').notNullable();
    t.integer('user_id').references('users.id').onDelete('SET NULL');
    t.index(['item_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('item_change_notes');
}
