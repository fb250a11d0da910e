import type { Knex } from 'knex';

/**
 * The public search index: one document per open item of a public agenda
 * (src/modules/search/README.md). Rows are written only by the function and
 * triggers of the next migration. search_words is the vocabulary of the public
 * documents, for trigram suggestions when a search finds nothing; it only grows,
 * so every suggestion is checked against search_documents.words before use.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('search_documents', (t) => {
    t.integer('item_id').primary().references('agenda_items.id').onDelete('CASCADE');
    t.integer('meeting_id').notNullable().references('meetings.id').onDelete('CASCADE');
    /** The document holds the published minutes (decisions), not only the agenda */
    t.boolean('minutes').notNullable();
    t.text('title').notNullable();
    /** Plain text of the item: sections, recommendation, announcements and (with minutes) decisions */
    t.text('body').notNullable();
    /** Titles and extracted text of the item's public attachments */
    t.text('attachments').notNullable();
    t.specificType('words', 'text[]').notNullable();
    t.specificType('tsv', 'tsvector').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['meeting_id']);
  });
  await knex.raw('CREATE INDEX search_documents_tsv_index ON search_documents USING gin (tsv)');
  await knex.raw('CREATE INDEX search_documents_words_index ON search_documents USING gin (words)');
  await knex.raw('CREATE INDEX search_documents_title_trgm_index ON search_documents USING gin (lower(title) gin_trgm_ops)');
  await knex.schema.createTable('search_words', (t) => {
    t.text('word').primary();
  });
  await knex.raw('CREATE INDEX search_words_trgm_index ON search_words USING gin (word gin_trgm_ops)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('search_words');
  await knex.schema.dropTable('search_documents');
}
