import type { Knex } from 'knex';

/**
 * The extra sections of an item (item_extra_sections: imported sections under labels
 * without a field of their own, earlier treatments, decision history) become part
 * of its search document, as the public item page shows them: sections and earlier
 * treatments with the agenda, the decision history only with the published minutes.
 * Triggers on item_extra_sections refresh the item's document in the same
 * transaction; a closed item still has no document at all.
 *
 * The words of a document go to search_words through search_note_words(), so the
 * next migration can change how that table is written without repeating this one.
 */

const EXTRA_COLUMNS = ['item_id', 'kind', 'label', 'body'];

/** search_refresh_item as written by 20261126160300_maintain_search_documents.ts, for down(). */
const PREVIOUS_REFRESH = `
    CREATE OR REPLACE FUNCTION search_refresh_item(target integer) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      item record;
      with_minutes boolean;
      summary text;
      decisions text := '';
      rest text;
      points text;
      point_decisions text;
      announcements text;
      amendment_texts text;
      attachment_titles text;
      attachment_text text;
      body text;
      attachments text;
      new_words text[];
      old_words text[];
    BEGIN
      SELECT i.id, i.meeting_id, i.title, i.summary, i.background, i.case_presentation, i.financial_text, i.decision, m.status
        INTO item
        FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id
       WHERE i.id = target AND NOT i.is_closed AND m.status <> 'planned' AND c.kind <> 'external_party';
      IF NOT FOUND THEN
        DELETE FROM search_documents WHERE item_id = target;
        RETURN;
      END IF;
      with_minutes := item.status = 'minutes_published';

      SELECT coalesce(string_agg(search_plain_text(p.text), ' ' ORDER BY p.number), ''),
             coalesce(string_agg(search_plain_text(p.decision), ' ' ORDER BY p.number), '')
        INTO points, point_decisions
        FROM recommendation_points p WHERE p.item_id = target;
      SELECT coalesce(string_agg(concat_ws(' ', search_clean_text(s.title), search_plain_text(s.body)), ' ' ORDER BY s.number), '')
        INTO announcements
        FROM sub_points s WHERE s.item_id = target;
      SELECT coalesce(string_agg(search_plain_text(a.text), ' ' ORDER BY a.position, a.id), '')
        INTO amendment_texts
        FROM amendments a WHERE a.item_id = target;
      SELECT coalesce(string_agg(search_clean_text(a.title), ' ' ORDER BY a.position, a.id), ''),
             coalesce(string_agg(search_clean_text(left(t.text, 200000)), ' ' ORDER BY a.position, a.id), '')
        INTO attachment_titles, attachment_text
        FROM attachments a LEFT JOIN attachment_texts t ON t.storage_key = a.storage_key
       WHERE a.item_id = target AND a.is_public;

      summary := search_plain_text(item.summary);
      IF with_minutes THEN
        decisions := concat_ws(' ', search_plain_text(item.decision), point_decisions, amendment_texts);
      END IF;
      rest := concat_ws(' ', search_plain_text(item.background), search_plain_text(item.case_presentation), search_plain_text(item.financial_text), points, announcements);
      body := search_clean_text(concat_ws(' ', summary, rest, decisions));
      attachments := search_clean_text(concat_ws(' ', attachment_titles, attachment_text));

      SELECT coalesce(array_agg(DISTINCT w ORDER BY w), '{}')
        INTO new_words
        FROM unnest(tsvector_to_array(to_tsvector('simple', concat_ws(' ', item.title, body, attachments)))) AS w
       WHERE char_length(w) BETWEEN 4 AND 40 AND w !~ '[0-9_]';
      SELECT d.words INTO old_words FROM search_documents d WHERE d.item_id = target;

      INSERT INTO search_documents (item_id, meeting_id, minutes, title, body, attachments, words, tsv, updated_at)
      VALUES (
        target, item.meeting_id, with_minutes, search_clean_text(item.title), body, attachments, new_words,
        setweight(to_tsvector('danish', search_clean_text(item.title)), 'A')
          || setweight(to_tsvector('danish', concat_ws(' ', summary, decisions)), 'B')
          || setweight(to_tsvector('danish', concat_ws(' ', rest, attachment_titles)), 'C')
          || setweight(to_tsvector('danish', attachment_text), 'D'),
        now())
      ON CONFLICT (item_id) DO UPDATE SET
        meeting_id = EXCLUDED.meeting_id, minutes = EXCLUDED.minutes, title = EXCLUDED.title, body = EXCLUDED.body,
        attachments = EXCLUDED.attachments, words = EXCLUDED.words, tsv = EXCLUDED.tsv, updated_at = EXCLUDED.updated_at;

      -- New words in sorted order, so concurrent writers take their locks in the same order.
      INSERT INTO search_words (word)
      SELECT w FROM unnest(new_words) AS w WHERE NOT (w = ANY (coalesce(old_words, '{}'))) ORDER BY w
      ON CONFLICT DO NOTHING;
    END $$`;

const REFRESH = `
    CREATE OR REPLACE FUNCTION search_refresh_item(target integer) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      item record;
      with_minutes boolean;
      summary text;
      decisions text := '';
      history text := '';
      rest text;
      points text;
      point_decisions text;
      announcements text;
      amendment_texts text;
      extra_sections text;
      extra_history text;
      attachment_titles text;
      attachment_text text;
      body text;
      attachments text;
      new_words text[];
      old_words text[];
    BEGIN
      SELECT i.id, i.meeting_id, i.title, i.summary, i.background, i.case_presentation, i.financial_text, i.decision, m.status
        INTO item
        FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id
       WHERE i.id = target AND NOT i.is_closed AND m.status <> 'planned' AND c.kind <> 'external_party';
      IF NOT FOUND THEN
        DELETE FROM search_documents WHERE item_id = target;
        RETURN;
      END IF;
      with_minutes := item.status = 'minutes_published';

      SELECT coalesce(string_agg(search_plain_text(p.text), ' ' ORDER BY p.number), ''),
             coalesce(string_agg(search_plain_text(p.decision), ' ' ORDER BY p.number), '')
        INTO points, point_decisions
        FROM recommendation_points p WHERE p.item_id = target;
      SELECT coalesce(string_agg(concat_ws(' ', search_clean_text(s.title), search_plain_text(s.body)), ' ' ORDER BY s.number), '')
        INTO announcements
        FROM sub_points s WHERE s.item_id = target;
      SELECT coalesce(string_agg(search_plain_text(a.text), ' ' ORDER BY a.position, a.id), '')
        INTO amendment_texts
        FROM amendments a WHERE a.item_id = target;
      -- Extra sections as the public item page shows them (src/modules/meetings/presenter.ts):
      -- sections (label and text) and earlier treatments (a label) with the agenda; the
      -- decision history only with the published minutes.
      SELECT coalesce(string_agg(concat_ws(' ', search_clean_text(x.label), search_plain_text(x.body)), ' ' ORDER BY x.position) FILTER (WHERE x.kind <> 'decision_history'), ''),
             coalesce(string_agg(concat_ws(' ', search_clean_text(x.label), search_plain_text(x.body)), ' ' ORDER BY x.position) FILTER (WHERE x.kind = 'decision_history'), '')
        INTO extra_sections, extra_history
        FROM item_extra_sections x WHERE x.item_id = target;
      SELECT coalesce(string_agg(search_clean_text(a.title), ' ' ORDER BY a.position, a.id), ''),
             coalesce(string_agg(search_clean_text(left(t.text, 200000)), ' ' ORDER BY a.position, a.id), '')
        INTO attachment_titles, attachment_text
        FROM attachments a LEFT JOIN attachment_texts t ON t.storage_key = a.storage_key
       WHERE a.item_id = target AND a.is_public;

      summary := search_plain_text(item.summary);
      IF with_minutes THEN
        decisions := concat_ws(' ', search_plain_text(item.decision), point_decisions, amendment_texts);
        history := extra_history;
      END IF;
      rest := concat_ws(' ', search_plain_text(item.background), search_plain_text(item.case_presentation), search_plain_text(item.financial_text), points, announcements, extra_sections);
      body := search_clean_text(concat_ws(' ', summary, rest, decisions, history));
      attachments := search_clean_text(concat_ws(' ', attachment_titles, attachment_text));

      SELECT coalesce(array_agg(DISTINCT w ORDER BY w), '{}')
        INTO new_words
        FROM unnest(tsvector_to_array(to_tsvector('simple', concat_ws(' ', item.title, body, attachments)))) AS w
       WHERE char_length(w) BETWEEN 4 AND 40 AND w !~ '[0-9_]';
      SELECT d.words INTO old_words FROM search_documents d WHERE d.item_id = target;

      INSERT INTO search_documents (item_id, meeting_id, minutes, title, body, attachments, words, tsv, updated_at)
      VALUES (
        target, item.meeting_id, with_minutes, search_clean_text(item.title), body, attachments, new_words,
        setweight(to_tsvector('danish', search_clean_text(item.title)), 'A')
          || setweight(to_tsvector('danish', concat_ws(' ', summary, decisions)), 'B')
          || setweight(to_tsvector('danish', concat_ws(' ', rest, history, attachment_titles)), 'C')
          || setweight(to_tsvector('danish', attachment_text), 'D'),
        now())
      ON CONFLICT (item_id) DO UPDATE SET
        meeting_id = EXCLUDED.meeting_id, minutes = EXCLUDED.minutes, title = EXCLUDED.title, body = EXCLUDED.body,
        attachments = EXCLUDED.attachments, words = EXCLUDED.words, tsv = EXCLUDED.tsv, updated_at = EXCLUDED.updated_at;

      PERFORM search_note_words(ARRAY(SELECT w FROM unnest(new_words) AS w WHERE NOT (w = ANY (coalesce(old_words, '{}')))));
    END $$`;

export async function up(knex: Knex): Promise<void> {
  // Unchanged behaviour, in a function of its own: new words in sorted order.
  await knex.raw(`
    CREATE FUNCTION search_note_words(words text[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO search_words (word) SELECT w FROM unnest(words) AS w ORDER BY w ON CONFLICT DO NOTHING
    $$`);
  await knex.raw(REFRESH);
  // search_item_child_changed() (20261126160300) refreshes OLD.item_id and NEW.item_id as the operation needs.
  await knex.raw('CREATE TRIGGER search_item_extra_sections_inserted_or_deleted AFTER INSERT OR DELETE ON item_extra_sections FOR EACH ROW EXECUTE FUNCTION search_item_child_changed()');
  await knex.raw(
    `CREATE TRIGGER search_item_extra_sections_updated AFTER UPDATE OF ${EXTRA_COLUMNS.join(', ')} ON item_extra_sections FOR EACH ROW
     WHEN (${EXTRA_COLUMNS.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')}) EXECUTE FUNCTION search_item_child_changed()`,
  );
  await knex.raw('SELECT search_refresh_item(item_id) FROM (SELECT DISTINCT item_id FROM item_extra_sections ORDER BY item_id) x');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER search_item_extra_sections_updated ON item_extra_sections');
  await knex.raw('DROP TRIGGER search_item_extra_sections_inserted_or_deleted ON item_extra_sections');
  await knex.raw(PREVIOUS_REFRESH);
  await knex.raw('DROP FUNCTION search_note_words(text[])');
  await knex.raw('SELECT search_refresh_item(item_id) FROM (SELECT DISTINCT item_id FROM item_extra_sections ORDER BY item_id) x');
}
