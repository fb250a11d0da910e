import type { Knex } from 'knex';

/** Sections are sanitized HTML (src/modules/sanitize); budget tables, points and votes live in their own tables. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('agenda_items', (t) => {
    t.increments('id');
    t.integer('meeting_id').notNullable().references('meetings.id').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.integer('number').notNullable();
    t.text('kind').notNullable().defaultTo('regular');
    t.boolean('is_closed').notNullable().defaultTo(false);
    t.integer('case_id').references('cases.id').onDelete('SET NULL');
    t.integer('postponed_from_item_id').references('agenda_items.id').onDelete('SET NULL');
    t.text('title').notNullable();
    t.text('summary');
    t.text('background');
    t.text('case_presentation');
    t.text('financial_text');
    t.integer('decided_by_committee_id').references('committees.id').onDelete('SET NULL');
    t.text('recommendation_by');
    t.text('decision');
    t.text('attachments_note');
    t.timestamps(true, true);
    t.unique(['meeting_id', 'number']);
    t.unique(['meeting_id', 'position']);
    t.index(['case_id']);
  });
  await knex.raw(
    "ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_kind_check CHECK (kind IN ('regular', 'announcements', 'minutes_approval'))",
  );
  await knex.raw('ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_number_check CHECK (number > 0)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('agenda_items');
}
