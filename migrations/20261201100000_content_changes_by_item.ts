import type { Knex } from 'knex';

/**
 * content_changes also names the agenda item a change belongs to: its own row, or a row of its children
 * (attachments, votes and their ballots, amendments, dissents …). NULL is a change to the meeting as a whole
 * (the meeting, its attendance, its minutes), as every row logged before this migration counts. The tables of an
 * item's children keep their triggers: the function finds the item as it found the meeting.
 *
 * An item's page shows its own data and its meeting's, never a sibling's: the publisher renders again only
 * the items that changed, not every item of a changed meeting (publishing/change-stamps.ts, readItemStamps).
 */

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE content_changes ADD COLUMN item_id integer;
    COMMENT ON COLUMN content_changes.item_id IS 'The agenda item the change belongs to; NULL for a change to the meeting as a whole (or to the whole site)';
    CREATE INDEX content_changes_meeting_item_seq ON content_changes (meeting_id, item_id, seq);

    -- Arguments: the column that leads to the meeting, how it leads there, and for agenda_items the column of the item's own id.
    CREATE OR REPLACE FUNCTION moedebog_changed_row() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      rows jsonb[];
      r jsonb;
      ref integer;
      mid integer;
      iid integer;
      seen text[] := '{}';
    BEGIN
      rows := CASE TG_OP WHEN 'INSERT' THEN ARRAY[to_jsonb(NEW)] WHEN 'DELETE' THEN ARRAY[to_jsonb(OLD)] ELSE ARRAY[to_jsonb(OLD), to_jsonb(NEW)] END;
      FOREACH r IN ARRAY rows LOOP
        ref := (r ->> TG_ARGV[0])::integer;
        CONTINUE WHEN ref IS NULL;
        mid := NULL;
        iid := NULL;
        CASE TG_ARGV[1]
          WHEN 'meeting' THEN
            mid := ref;
            IF TG_NARGS > 2 THEN iid := (r ->> TG_ARGV[2])::integer; END IF;
          WHEN 'item' THEN SELECT i.id, i.meeting_id INTO iid, mid FROM agenda_items i WHERE i.id = ref;
          WHEN 'vote' THEN SELECT i.id, i.meeting_id INTO iid, mid FROM votes x JOIN agenda_items i ON i.id = x.item_id WHERE x.id = ref;
          WHEN 'amendment' THEN SELECT i.id, i.meeting_id INTO iid, mid FROM amendments x JOIN agenda_items i ON i.id = x.item_id WHERE x.id = ref;
          WHEN 'dissent' THEN SELECT i.id, i.meeting_id INTO iid, mid FROM dissents x JOIN agenda_items i ON i.id = x.item_id WHERE x.id = ref;
          ELSE NULL;
        END CASE;
        -- A child deleted with its parent finds no parent: the parent's own change was logged.
        IF mid IS NOT NULL AND NOT (mid || ':' || coalesce(iid::text, '')) = ANY (seen) THEN
          seen := seen || (mid || ':' || coalesce(iid::text, ''));
          INSERT INTO content_changes (meeting_id, item_id) VALUES (mid, iid);
        END IF;
      END LOOP;
      PERFORM pg_notify('moedebog_changes', '');
      RETURN NULL;
    END $$;

    DROP TRIGGER moedebog_changes ON agenda_items;
    CREATE TRIGGER moedebog_changes AFTER INSERT OR UPDATE OR DELETE ON agenda_items FOR EACH ROW EXECUTE FUNCTION moedebog_changed_row(meeting_id, meeting, id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER moedebog_changes ON agenda_items;
    CREATE TRIGGER moedebog_changes AFTER INSERT OR UPDATE OR DELETE ON agenda_items FOR EACH ROW EXECUTE FUNCTION moedebog_changed_row(meeting_id, meeting);
    CREATE OR REPLACE FUNCTION moedebog_changed_row() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      rows jsonb[];
      r jsonb;
      mid integer;
      seen integer[] := '{}';
    BEGIN
      rows := CASE TG_OP WHEN 'INSERT' THEN ARRAY[to_jsonb(NEW)] WHEN 'DELETE' THEN ARRAY[to_jsonb(OLD)] ELSE ARRAY[to_jsonb(OLD), to_jsonb(NEW)] END;
      FOREACH r IN ARRAY rows LOOP
        mid := (r ->> TG_ARGV[0])::integer;
        CONTINUE WHEN mid IS NULL;
        CASE TG_ARGV[1]
          WHEN 'item' THEN SELECT i.meeting_id INTO mid FROM agenda_items i WHERE i.id = mid;
          WHEN 'vote' THEN SELECT i.meeting_id INTO mid FROM votes x JOIN agenda_items i ON i.id = x.item_id WHERE x.id = mid;
          WHEN 'amendment' THEN SELECT i.meeting_id INTO mid FROM amendments x JOIN agenda_items i ON i.id = x.item_id WHERE x.id = mid;
          WHEN 'dissent' THEN SELECT i.meeting_id INTO mid FROM dissents x JOIN agenda_items i ON i.id = x.item_id WHERE x.id = mid;
          ELSE NULL;
        END CASE;
        IF mid IS NOT NULL AND NOT mid = ANY (seen) THEN
          seen := seen || mid;
          INSERT INTO content_changes (meeting_id) VALUES (mid);
        END IF;
      END LOOP;
      PERFORM pg_notify('moedebog_changes', '');
      RETURN NULL;
    END $$;
    DROP INDEX content_changes_meeting_item_seq;
    ALTER TABLE content_changes DROP COLUMN item_id;
  `);
}
