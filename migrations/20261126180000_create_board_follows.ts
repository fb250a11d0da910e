import type { Knex } from 'knex';

/** The committees whose agendas an advisory board follows (seed 004: Udsatterådet follows SUS, BSU and EBU). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('board_follows', (t) => {
    t.integer('board_id').notNullable().references('committees.id').onDelete('CASCADE');
    t.integer('committee_id').notNullable().references('committees.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['board_id', 'committee_id']);
    t.index(['committee_id']);
  });
  await knex.raw('ALTER TABLE board_follows ADD CONSTRAINT board_follows_not_self CHECK (board_id <> committee_id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('board_follows');
}
