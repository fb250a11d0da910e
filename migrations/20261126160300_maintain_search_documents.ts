import type { Knex } from 'knex';

/**
 * Keeps search_documents correct inside every transaction that changes what
 * citizens can read, whichever code path makes the change: a document exists
 * exactly for each open item of a published agenda of a committee that is not an
 * outside party, and holds decisions only while the minutes are published.
 * Closing an item, unpublishing (status back to planned), reopening minutes or
 * making an attachment non-public removes the text in the same transaction.
 */

const MARKERS = "U&'\\E000\\E001'"; // the snippet highlight markers (src/modules/search/snippet.ts); never part of a document

/** Children of an item whose text is part of its document, and the columns that matter. */
const CHILDREN: Array<{ table: string; columns: string[] }> = [
  { table: 'recommendation_points', columns: ['item_id', 'text', 'decision'] },
  { table: 'sub_points', columns: ['item_id', 'title', 'body'] },
  { table: 'amendments', columns: ['item_id', 'text'] },
  { table: 'attachments', columns: ['item_id', 'title', 'is_public', 'storage_key'] },
];

const ITEM_COLUMNS = ['meeting_id', 'is_closed', 'title', 'summary', 'background', 'case_presentation', 'financial_text', 'decision'];

const changed = (columns: string[]) => columns.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ');

export async function up(knex: Knex): Promise<void> {
  // Plain text: control characters and the highlight markers out, whitespace collapsed.
  await knex.raw(`
    CREATE FUNCTION search_clean_text(input text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT btrim(regexp_replace(translate(coalesce(input, ''), ${MARKERS}, '  '), '[[:space:][:cntrl:]]+', ' ', 'g'))
    $$`);
  // Sanitized HTML (src/modules/sanitize) to plain text: inline tags vanish, others separate words, entities decoded.
  await knex.raw(`
    CREATE FUNCTION search_plain_text(html text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
      result text := coalesce(html, '');
      entity text[];
      code integer;
    BEGIN
      IF result = '' THEN RETURN ''; END IF;
      -- (No question marks in this SQL: knex.raw would read them as bindings.)
      result := regexp_replace(result, '</{0,1}(a|abbr|b|em|i|mark|s|small|span|strong|sub|sup|u)([[:space:]][^>]*){0,1}>', '', 'gi');
      result := regexp_replace(result, '<[^>]*>', ' ', 'g');
      FOR entity IN SELECT DISTINCT m FROM regexp_matches(result, '(&#([0-9]{1,7});)', 'g') AS m LOOP
        code := entity[2]::integer;
        result := replace(result, entity[1], CASE WHEN code BETWEEN 1 AND 1114111 AND code NOT BETWEEN 55296 AND 57343 THEN chr(code) ELSE ' ' END);
      END LOOP;
      FOR entity IN SELECT DISTINCT m FROM regexp_matches(result, '(&#[xX]([0-9a-fA-F]{1,6});)', 'g') AS m LOOP
        code := ('x' || lpad(entity[2], 8, '0'))::bit(32)::integer;
        result := replace(result, entity[1], CASE WHEN code BETWEEN 1 AND 1114111 AND code NOT BETWEEN 55296 AND 57343 THEN chr(code) ELSE ' ' END);
      END LOOP;
      result := replace(replace(replace(replace(replace(result, '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', '''');
      result := replace(result, '&amp;', '&');
      RETURN search_clean_text(result);
    END $$`);
  await knex.raw(`
    CREATE FUNCTION search_refresh_item(target integer) RETURNS void LANGUAGE plpgsql AS $$
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
    END $$`);

  await knex.raw(`
    CREATE FUNCTION search_item_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM search_refresh_item(NEW.id);
      RETURN NULL;
    END $$`);
  await knex.raw('CREATE TRIGGER search_item_inserted AFTER INSERT ON agenda_items FOR EACH ROW EXECUTE FUNCTION search_item_changed()');
  await knex.raw(
    `CREATE TRIGGER search_item_updated AFTER UPDATE OF ${ITEM_COLUMNS.join(', ')} ON agenda_items FOR EACH ROW WHEN (${changed(ITEM_COLUMNS)}) EXECUTE FUNCTION search_item_changed()`,
  );
  // A deleted item's document goes with it (ON DELETE CASCADE).

  await knex.raw(`
    CREATE FUNCTION search_item_child_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM search_refresh_item(NEW.item_id);
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM search_refresh_item(OLD.item_id);
      ELSE
        PERFORM search_refresh_item(OLD.item_id);
        IF NEW.item_id IS DISTINCT FROM OLD.item_id THEN
          PERFORM search_refresh_item(NEW.item_id);
        END IF;
      END IF;
      RETURN NULL;
    END $$`);
  for (const { table, columns } of CHILDREN) {
    await knex.raw(`CREATE TRIGGER search_${table}_inserted_or_deleted AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION search_item_child_changed()`);
    await knex.raw(
      `CREATE TRIGGER search_${table}_updated AFTER UPDATE OF ${columns.join(', ')} ON ${table} FOR EACH ROW WHEN (${changed(columns)}) EXECUTE FUNCTION search_item_child_changed()`,
    );
  }

  await knex.raw(`
    CREATE FUNCTION search_attachment_text_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      key text := CASE WHEN TG_OP = 'DELETE' THEN OLD.storage_key ELSE NEW.storage_key END;
    BEGIN
      PERFORM search_refresh_item(a.item_id) FROM (SELECT DISTINCT item_id FROM attachments WHERE storage_key = key ORDER BY item_id) a;
      RETURN NULL;
    END $$`);
  await knex.raw('CREATE TRIGGER search_attachment_text_changed AFTER INSERT OR UPDATE OR DELETE ON attachment_texts FOR EACH ROW EXECUTE FUNCTION search_attachment_text_changed()');

  // A meeting's items change visibility when its agenda is (un)published, its minutes are
  // published or reopened, or it moves to another committee.
  await knex.raw(`
    CREATE FUNCTION search_meeting_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM search_refresh_item(i.id) FROM (SELECT id FROM agenda_items WHERE meeting_id = NEW.id ORDER BY id) i;
      RETURN NULL;
    END $$`);
  await knex.raw(`
    CREATE TRIGGER search_meeting_changed AFTER UPDATE OF status, committee_id ON meetings FOR EACH ROW
    WHEN ((OLD.status = 'planned') IS DISTINCT FROM (NEW.status = 'planned')
       OR (OLD.status = 'minutes_published') IS DISTINCT FROM (NEW.status = 'minutes_published')
       OR OLD.committee_id IS DISTINCT FROM NEW.committee_id)
    EXECUTE FUNCTION search_meeting_changed()`);

  await knex.raw(`
    CREATE FUNCTION search_committee_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM search_refresh_item(i.id) FROM (SELECT i.id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE m.committee_id = NEW.id ORDER BY i.id) i;
      RETURN NULL;
    END $$`);
  await knex.raw(`
    CREATE TRIGGER search_committee_changed AFTER UPDATE OF kind ON committees FOR EACH ROW
    WHEN ((OLD.kind = 'external_party') IS DISTINCT FROM (NEW.kind = 'external_party'))
    EXECUTE FUNCTION search_committee_changed()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER search_committee_changed ON committees');
  await knex.raw('DROP FUNCTION search_committee_changed()');
  await knex.raw('DROP TRIGGER search_meeting_changed ON meetings');
  await knex.raw('DROP FUNCTION search_meeting_changed()');
  await knex.raw('DROP TRIGGER search_attachment_text_changed ON attachment_texts');
  await knex.raw('DROP FUNCTION search_attachment_text_changed()');
  for (const { table } of CHILDREN) {
    await knex.raw(`DROP TRIGGER search_${table}_updated ON ${table}`);
    await knex.raw(`DROP TRIGGER search_${table}_inserted_or_deleted ON ${table}`);
  }
  await knex.raw('DROP FUNCTION search_item_child_changed()');
  await knex.raw('DROP TRIGGER search_item_updated ON agenda_items');
  await knex.raw('DROP TRIGGER search_item_inserted ON agenda_items');
  await knex.raw('DROP FUNCTION search_item_changed()');
  await knex.raw('DROP FUNCTION search_refresh_item(integer)');
  await knex.raw('DROP FUNCTION search_plain_text(text)');
  await knex.raw('DROP FUNCTION search_clean_text(text)');
}
