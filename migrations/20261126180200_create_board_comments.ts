import type { Knex } from 'knex';

/**
 * A board's comment on another committee's public agenda item (seed 004: "Udsatterådet har
 * følgende kommentarer til dagsorden for mødet i Social- og Sundhedsudvalget …"). Body is
 * sanitized HTML. One comment per board and item; a sent comment is not edited.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('board_comments', (t) => {
    t.increments('id');
    t.integer('board_id').notNullable().references('committees.id').onDelete('CASCADE');
    t.integer('item_id').notNullable().references('agenda_items.id').onDelete('CASCADE');
    t.text('body').notNullable();
    t.timestamp('sent_at', { useTz: true }).notNullable();
    t.integer('sent_by_user_id').references('users.id').onDelete('SET NULL');
    t.unique(['board_id', 'item_id']);
    t.index(['item_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('board_comments');
}
