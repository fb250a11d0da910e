import type { Knex } from 'knex';

/**
 * What the public search needs to answer a common word over tens of thousands of
 * documents without reading every document's vector (src/modules/search/README.md):
 *
 * - `title_tsv`: the title alone, small and kept in the row, so the best title
 *   matches can be found and ordered from the index and the row.
 * - `phrases`: every pair of words at adjacent positions of `tsv` ('kommun budg'),
 *   so a two-word phrase is one exact index look-up instead of a check of the
 *   positions in every document that has both words. Built from `tsv` itself, so
 *   it agrees with the phrase operator; words over 30 bytes are left out (the
 *   search checks those phrases on `tsv`), which keeps it under tsvector's 1 MB.
 * - `starts_at`, `committee_id`: the meeting's, for ordering and filters without
 *   a join. Deliberately without btree indexes: the planner must find documents
 *   through the text indexes, never by walking dates and reading each vector.
 * - A short row: the large columns (text, vectors) move out of line, so scanning
 *   thousands of matching rows touches few pages.
 *
 * The derived columns are set by a trigger on search_documents itself, so
 * search_refresh_item() (…_maintain_search_documents.ts and later) is unchanged.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION search_phrase_pairs(vector tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme)), ''::tsvector)
        FROM (SELECT t.lexeme, p AS pos FROM unnest(vector) t, unnest(t.positions) p WHERE octet_length(t.lexeme) <= 30) a
        JOIN (SELECT t.lexeme, p AS pos FROM unnest(vector) t, unnest(t.positions) p WHERE octet_length(t.lexeme) <= 30) b ON b.pos = a.pos + 1
    $$`);
  await knex.raw(`
    CREATE FUNCTION search_documents_derive() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      SELECT m.starts_at, m.committee_id INTO NEW.starts_at, NEW.committee_id FROM meetings m WHERE m.id = NEW.meeting_id;
      IF TG_OP = 'INSERT' THEN
        -- search_refresh_item() upserts: when the document exists, the insert becomes an update
        -- of it, which derives what changed (below). Locked, it cannot go away meanwhile, so
        -- these placeholders are never stored.
        PERFORM 1 FROM search_documents WHERE item_id = NEW.item_id FOR UPDATE;
        IF FOUND THEN
          NEW.title_tsv := ''::tsvector;
          NEW.phrases := ''::tsvector;
        ELSE
          NEW.title_tsv := to_tsvector('danish', NEW.title);
          NEW.phrases := search_phrase_pairs(NEW.tsv);
        END IF;
      ELSE
        IF NEW.title IS DISTINCT FROM OLD.title THEN
          NEW.title_tsv := to_tsvector('danish', NEW.title);
        END IF;
        IF NEW.tsv IS DISTINCT FROM OLD.tsv THEN
          NEW.phrases := search_phrase_pairs(NEW.tsv);
        END IF;
      END IF;
      RETURN NEW;
    END $$`);
  await knex.raw(`
    ALTER TABLE search_documents
      ADD COLUMN starts_at timestamptz,
      ADD COLUMN committee_id integer,
      ADD COLUMN title_tsv tsvector,
      ADD COLUMN phrases tsvector`);
  await knex.raw('ALTER TABLE search_documents ALTER COLUMN title_tsv SET STORAGE MAIN');
  await knex.raw('ALTER TABLE search_documents SET (toast_tuple_target = 128)');
  await knex.raw(
    'UPDATE search_documents d SET starts_at = m.starts_at, committee_id = m.committee_id, title_tsv = to_tsvector(\'danish\', d.title), phrases = search_phrase_pairs(d.tsv) FROM meetings m WHERE m.id = d.meeting_id',
  );
  for (const column of ['starts_at', 'committee_id', 'title_tsv', 'phrases']) {
    await knex.raw(`ALTER TABLE search_documents ALTER COLUMN ${column} SET NOT NULL`);
  }
  await knex.raw('CREATE TRIGGER search_documents_derive BEFORE INSERT OR UPDATE ON search_documents FOR EACH ROW EXECUTE FUNCTION search_documents_derive()');

  // A meeting moved in time: its documents follow (a move to another committee refreshes them already).
  await knex.raw(`
    CREATE FUNCTION search_meeting_moved() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE search_documents SET starts_at = NEW.starts_at WHERE meeting_id = NEW.id;
      RETURN NULL;
    END $$`);
  await knex.raw(
    'CREATE TRIGGER search_meeting_moved AFTER UPDATE OF starts_at ON meetings FOR EACH ROW WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at) EXECUTE FUNCTION search_meeting_moved()',
  );

  await knex.raw('CREATE INDEX search_documents_title_tsv_index ON search_documents USING gin (title_tsv)');
  await knex.raw('CREATE INDEX search_documents_phrases_index ON search_documents USING gin (phrases)');
  // The years with searchable meetings, read as a handful of index probes; no search filters on this expression.
  await knex.raw("CREATE INDEX search_documents_year_index ON search_documents ((EXTRACT(YEAR FROM timezone('Europe/Copenhagen', starts_at))::int))");
  await knex.raw('ANALYZE search_documents');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER search_meeting_moved ON meetings');
  await knex.raw('DROP FUNCTION search_meeting_moved()');
  await knex.raw('DROP TRIGGER search_documents_derive ON search_documents');
  await knex.raw('DROP FUNCTION search_documents_derive()');
  await knex.raw('ALTER TABLE search_documents RESET (toast_tuple_target)');
  await knex.raw('ALTER TABLE search_documents DROP COLUMN phrases, DROP COLUMN title_tsv, DROP COLUMN committee_id, DROP COLUMN starts_at');
  await knex.raw('DROP FUNCTION search_phrase_pairs(tsvector)');
}
