import type { Knex } from 'knex';

/** Absence for a single item: "deltog ikke i punktet", or inhabil (conflict of interest). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('item_absences', (t) => {
    t.integer('item_id').notNullable().references('agenda_items.id').onDelete('CASCADE');
    t.integer('person_id').notNullable().references('people.id').onDelete('RESTRICT');
    t.text('reason').notNullable();
    t.text('note');
    t.primary(['item_id', 'person_id']);
  });
  await knex.raw(
    "ALTER TABLE item_absences ADD CONSTRAINT item_absences_reason_check CHECK (reason IN ('absent', 'conflict_of_interest'))",
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('item_absences');
}
