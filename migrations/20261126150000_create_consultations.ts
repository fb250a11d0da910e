import type { Knex } from 'knex';

/**
 * A consultation (høring): a draft sent from an agenda item to committees, advisory
 * boards and outside parties for a period. The summary (høringsnotat) is published
 * when summary_published_at is set.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('consultations', (t) => {
    t.increments('id');
    t.integer('item_id').notNullable().references('agenda_items.id').onDelete('CASCADE');
    t.integer('case_id').references('cases.id').onDelete('SET NULL');
    t.text('slug').notNullable().unique();
    t.text('title').notNullable();
    t.text('cover_text');
    t.integer('draft_attachment_id').references('attachments.id').onDelete('SET NULL');
    t.date('starts_on').notNullable();
    t.date('deadline').notNullable();
    // Private answer links keep working this many days after the deadline.
    t.integer('grace_days').notNullable().defaultTo(7);
    t.text('summary_intro');
    t.timestamp('summary_published_at', { useTz: true });
    t.integer('version').notNullable().defaultTo(1);
    t.integer('created_by_user_id').references('users.id').onDelete('SET NULL');
    t.timestamps(true, true);
    t.index(['item_id']);
    t.index(['case_id']);
  });
  await knex.raw("ALTER TABLE consultations ADD CONSTRAINT consultations_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')");
  await knex.raw('ALTER TABLE consultations ADD CONSTRAINT consultations_period_check CHECK (deadline >= starts_on)');
  await knex.raw('ALTER TABLE consultations ADD CONSTRAINT consultations_grace_check CHECK (grace_days BETWEEN 0 AND 365)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('consultations');
}
