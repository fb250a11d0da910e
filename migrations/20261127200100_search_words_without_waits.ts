import type { Knex } from 'knex';

/**
 * search_words without a unique constraint, so writers never wait for each other
 * there. Under the primary key, INSERT … ON CONFLICT DO NOTHING waits for any other
 * transaction that has inserted the same word and not yet committed. Two
 * transactions writing different meetings (minutes published, items edited) each
 * brought a new word the other then needed: a deadlock, whatever the order of the
 * words inside one statement, because a transaction refreshes many documents one
 * after another.
 *
 * Now a word is added when no committed (or own) row has it yet. Two concurrent
 * transactions may both add the same word: a duplicate row, bounded by how many
 * write at once, which the suggestion query does not mind (it takes one best word).
 * A word is never lost: a transaction that rolls back takes only its own rows, and
 * a committed document's new words were written by its own transaction.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE search_words DROP CONSTRAINT search_words_pkey');
  await knex.raw('CREATE INDEX search_words_word_index ON search_words (word)');
  await knex.raw(`
    CREATE OR REPLACE FUNCTION search_note_words(words text[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO search_words (word)
      SELECT w FROM unnest(words) AS w WHERE NOT EXISTS (SELECT 1 FROM search_words s WHERE s.word = w)
    $$`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE OR REPLACE FUNCTION search_note_words(words text[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO search_words (word) SELECT w FROM unnest(words) AS w ORDER BY w ON CONFLICT DO NOTHING
    $$`);
  await knex.raw('DELETE FROM search_words s USING search_words o WHERE o.word = s.word AND o.ctid < s.ctid');
  await knex.raw('DROP INDEX search_words_word_index');
  await knex.raw('ALTER TABLE search_words ADD CONSTRAINT search_words_pkey PRIMARY KEY (word)');
}
