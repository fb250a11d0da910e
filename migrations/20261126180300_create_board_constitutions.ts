import type { Knex } from 'knex';

/**
 * A board's constituting decision at one of its meetings: the chair and vice chair it
 * elected, and whether substitutes are invited to every meeting (without a vote), as
 * seed 004 tells it. The latest one on or before a day is in force that day.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('board_constitutions', (t) => {
    t.increments('id');
    t.integer('board_id').notNullable().references('committees.id').onDelete('CASCADE');
    t.integer('meeting_id').notNullable().unique().references('meetings.id').onDelete('CASCADE');
    t.integer('chair_person_id').references('people.id').onDelete('SET NULL');
    t.integer('vice_chair_person_id').references('people.id').onDelete('SET NULL');
    t.boolean('substitutes_attend_all').notNullable().defaultTo(false);
    t.timestamp('recorded_at', { useTz: true }).notNullable();
    t.integer('recorded_by_user_id').references('users.id').onDelete('SET NULL');
    t.index(['board_id']);
  });
  await knex.raw(
    'ALTER TABLE board_constitutions ADD CONSTRAINT board_constitutions_distinct CHECK (chair_person_id IS NULL OR chair_person_id IS DISTINCT FROM vice_chair_person_id)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('board_constitutions');
}
