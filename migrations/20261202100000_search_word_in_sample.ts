import type { Knex } from 'knex';

/**
 * Whether a word of search_words occurs in a public document, for the misspelling fallback's suggestions
 * (src/modules/search/repository.ts, closestWords). Asked of the words index (GIN) exactly, a common word's
 * look-up gathers every document that has it (36,000 of the bench's 41,000, about 2 ms) to find one.
 *
 * search_word_in_sample asks the same index for a sample of about a thousand of them (gin_fuzzy_search_limit,
 * set for this function alone): a word in thousands of documents is found in its sample, and each document found
 * is checked against its row as always. It says false when the sample held none; the caller then asks exactly,
 * so the answer is the exact one either way (a word in fewer documents than the limit is never sampled).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION search_word_in_sample(word text) RETURNS boolean
      LANGUAGE sql STABLE
      SET gin_fuzzy_search_limit = 1000
      AS $$ SELECT EXISTS (SELECT 1 FROM search_documents d WHERE d.words @> ARRAY[word]) $$
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP FUNCTION search_word_in_sample(text)');
}
