import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('attendance', (t) => {
    t.integer('meeting_id').notNullable().references('meetings.id').onDelete('CASCADE');
    t.integer('person_id').notNullable().references('people.id').onDelete('RESTRICT');
    t.text('status').notNullable();
    t.text('reason');
    t.integer('substitute_for_person_id').references('people.id').onDelete('SET NULL');
    t.primary(['meeting_id', 'person_id']);
  });
  await knex.raw(
    "ALTER TABLE attendance ADD CONSTRAINT attendance_status_check CHECK (status IN ('present', 'absent', 'substitute'))",
  );
  await knex.raw(
    "ALTER TABLE attendance ADD CONSTRAINT attendance_substitute_check CHECK ((status = 'substitute') = (substitute_for_person_id IS NOT NULL))",
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('attendance');
}
