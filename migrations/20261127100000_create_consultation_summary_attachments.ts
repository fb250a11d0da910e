import type { Knex } from 'knex';

/**
 * Every time a consultation's summary (høringsnotat) was attached as a PDF to an item
 * of its case, e.g. when the case returned for decision: which attachment, which
 * edition for that item, and the key of the rendered document, so the secretariat
 * can see when the summary has changed since and attach it again. The attachment
 * itself is an ordinary one (attachments); deleting it leaves this record.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('consultation_summary_attachments', (t) => {
    t.increments('id');
    t.integer('consultation_id').notNullable().references('consultations.id').onDelete('CASCADE');
    t.integer('item_id').notNullable().references('agenda_items.id').onDelete('CASCADE');
    t.integer('attachment_id').references('attachments.id').onDelete('SET NULL');
    t.integer('edition').notNullable();
    // The PDF cache key of the rendered summary: equal keys, equal documents.
    t.text('content_key').notNullable();
    t.text('storage_key').notNullable();
    t.boolean('automatic').notNullable().defaultTo(false);
    t.timestamp('attached_at', { useTz: true }).notNullable();
    t.integer('attached_by_user_id').references('users.id').onDelete('SET NULL');
    t.unique(['consultation_id', 'item_id', 'edition']);
    t.index(['item_id']);
  });
  await knex.raw('ALTER TABLE consultation_summary_attachments ADD CONSTRAINT consultation_summary_attachments_edition_check CHECK (edition >= 1)');
  await knex.raw("ALTER TABLE consultation_summary_attachments ADD CONSTRAINT consultation_summary_attachments_keys_check CHECK (content_key ~ '^[0-9a-f]{64}$' AND storage_key ~ '^[0-9a-f]{64}$')");
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('consultation_summary_attachments');
}
