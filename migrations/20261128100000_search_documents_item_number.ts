import type { Knex } from 'knex';

/**
 * The item's number in its search document, as the meeting's time and committee are
 * (…_search_candidate_columns.ts): a page of hits names and links each item by its number,
 * and reading it from agenda_items was a look-up of a large table's row per hit, each on a
 * page of its own (the table's rows hold the items' texts), read from disk when cold.
 * Read from the item when its document is written (the derive trigger's insert; search_refresh_item()
 * upserts), and set by its own trigger when an item is renumbered: an update of a document otherwise
 * keeps its number, so it does not look the item up again.
 */
const derive = (withNumber: boolean) => `
    CREATE OR REPLACE FUNCTION search_documents_derive() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      SELECT m.starts_at, m.committee_id INTO NEW.starts_at, NEW.committee_id FROM meetings m WHERE m.id = NEW.meeting_id;
      IF TG_OP = 'INSERT' THEN${
        withNumber ? '\n        SELECT i.number INTO NEW.number FROM agenda_items i WHERE i.id = NEW.item_id;' : ''
      }
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
    END $$`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE search_documents ADD COLUMN number integer');
  await knex.raw(derive(true));
  await knex.raw('UPDATE search_documents d SET number = i.number FROM agenda_items i WHERE i.id = d.item_id');
  await knex.raw('ALTER TABLE search_documents ALTER COLUMN number SET NOT NULL');
  // An item renumbered (moved on the agenda): its document follows.
  await knex.raw(`
    CREATE FUNCTION search_item_renumbered() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE search_documents SET number = NEW.number WHERE item_id = NEW.id;
      RETURN NULL;
    END $$`);
  await knex.raw(
    'CREATE TRIGGER search_item_renumbered AFTER UPDATE OF number ON agenda_items FOR EACH ROW WHEN (OLD.number IS DISTINCT FROM NEW.number) EXECUTE FUNCTION search_item_renumbered()',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER search_item_renumbered ON agenda_items');
  await knex.raw('DROP FUNCTION search_item_renumbered()');
  await knex.raw(derive(false));
  await knex.raw('ALTER TABLE search_documents DROP COLUMN number');
}
