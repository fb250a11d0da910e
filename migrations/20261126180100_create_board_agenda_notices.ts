import type { Knex } from 'knex';

/** A board was told that a committee it follows published an agenda: once per board and meeting (mail and "Mine møder"). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('board_agenda_notices', (t) => {
    t.integer('board_id').notNullable().references('committees.id').onDelete('CASCADE');
    t.integer('meeting_id').notNullable().references('meetings.id').onDelete('CASCADE');
    t.timestamp('notified_at', { useTz: true }).notNullable();
    t.integer('recipients').notNullable().defaultTo(0);
    t.primary(['board_id', 'meeting_id']);
    t.index(['meeting_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('board_agenda_notices');
}
