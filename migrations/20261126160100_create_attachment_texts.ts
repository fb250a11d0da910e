import type { Knex } from 'knex';

/**
 * The text extracted from an uploaded file (PDF, DOCX), for the public search.
 * Keyed by the file's storage key (the SHA-256 of its bytes), not by attachment:
 * the same file attached twice is read once, and writing here never touches a
 * locked meeting's attachments. Whether the text is searchable is decided by the
 * attachment (public, on an open item of a public agenda), never here.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('attachment_texts', (t) => {
    t.text('storage_key').primary();
    t.text('text').notNullable();
    t.timestamp('extracted_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('attachment_texts');
}
