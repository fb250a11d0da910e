import type { Knex } from 'knex';

/**
 * Substitutes who attend a meeting beside their member, without a vote (a board that invites
 * its substitutes to every meeting). A substitute sitting in an absent member's seat is in
 * `attendance` (status 'substitute') instead, and never here as well.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('substitute_presence', (t) => {
    t.integer('meeting_id').notNullable().references('meetings.id').onDelete('CASCADE');
    t.integer('person_id').notNullable().references('people.id').onDelete('RESTRICT');
    t.text('status').notNullable();
    t.text('reason');
    t.primary(['meeting_id', 'person_id']);
  });
  await knex.raw("ALTER TABLE substitute_presence ADD CONSTRAINT substitute_presence_status_check CHECK (status IN ('present', 'absent'))");
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('substitute_presence');
}
