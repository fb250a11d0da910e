import type { Knex } from 'knex';

/**
 * Change tracking for what the public sees. Every committed change to a table that
 * public pages are made from (1) sends NOTIFY moedebog_changes, so a running server
 * drops its cached pages the moment the transaction commits, whichever process wrote;
 * and (2) appends to content_changes the meeting it belongs to (NULL for data that
 * is not one meeting's, such as committees and people), so the static-site publisher
 * re-renders only the pages of meetings that changed.
 *
 * Tables not listed here carry nothing a citizen sees (sessions, users, audit, mail,
 * derived search tables); test/db/change-tracking.test.ts fails when a new table is
 * neither tracked nor named as untracked there.
 */

/** table → how a row finds its meeting: a column holding the meeting id, or a column holding a parent's id and the parent's kind */
const MEETING_SCOPED: Record<string, { column: string; via: 'meeting' | 'item' | 'vote' | 'amendment' | 'dissent' }> = {
  meetings: { column: 'id', via: 'meeting' },
  agenda_items: { column: 'meeting_id', via: 'meeting' },
  attendance: { column: 'meeting_id', via: 'meeting' },
  substitute_presence: { column: 'meeting_id', via: 'meeting' },
  minutes_approvals: { column: 'meeting_id', via: 'meeting' },
  minutes_remarks: { column: 'meeting_id', via: 'meeting' },
  minutes_snapshots: { column: 'meeting_id', via: 'meeting' },
  minutes_versions: { column: 'meeting_id', via: 'meeting' },
  board_agenda_notices: { column: 'meeting_id', via: 'meeting' },
  board_constitutions: { column: 'meeting_id', via: 'meeting' },
  amendments: { column: 'item_id', via: 'item' },
  attachments: { column: 'item_id', via: 'item' },
  budget_tables: { column: 'item_id', via: 'item' },
  dissents: { column: 'item_id', via: 'item' },
  item_absences: { column: 'item_id', via: 'item' },
  item_change_notes: { column: 'item_id', via: 'item' },
  item_extra_sections: { column: 'item_id', via: 'item' },
  recommendation_points: { column: 'item_id', via: 'item' },
  sub_points: { column: 'item_id', via: 'item' },
  votes: { column: 'item_id', via: 'item' },
  board_comments: { column: 'item_id', via: 'item' },
  vote_ballots: { column: 'vote_id', via: 'vote' },
  amendment_proposers: { column: 'amendment_id', via: 'amendment' },
  dissent_persons: { column: 'dissent_id', via: 'dissent' },
};

const GLOBAL = [
  'bodies',
  'committees',
  'people',
  'memberships',
  'cases',
  'case_process_steps',
  'consultations',
  'consultation_parties',
  'consultation_points',
  'consultation_point_refs',
  'consultation_summary_attachments',
  'board_follows',
  'annual_reports',
  'annual_report_sections',
  'import_sources',
];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE content_changes (
      seq bigserial PRIMARY KEY,
      meeting_id integer,
      changed_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX content_changes_meeting_seq ON content_changes (meeting_id, seq);
    COMMENT ON TABLE content_changes IS 'One row per change to public data: the meeting it belongs to, or NULL for data of the whole site. Compacted by the publisher.';

    CREATE FUNCTION moedebog_changed_row() RETURNS trigger LANGUAGE plpgsql AS $$
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
        -- A child deleted with its parent finds no parent: the parent's own change was logged.
        IF mid IS NOT NULL AND NOT mid = ANY (seen) THEN
          seen := seen || mid;
          INSERT INTO content_changes (meeting_id) VALUES (mid);
        END IF;
      END LOOP;
      PERFORM pg_notify('moedebog_changes', '');
      RETURN NULL;
    END $$;

    CREATE FUNCTION moedebog_changed_statement() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO content_changes (meeting_id) VALUES (NULL);
      PERFORM pg_notify('moedebog_changes', '');
      RETURN NULL;
    END $$;
  `);
  for (const [table, how] of Object.entries(MEETING_SCOPED)) {
    await knex.raw(
      `CREATE TRIGGER moedebog_changes AFTER INSERT OR UPDATE OR DELETE ON ?? FOR EACH ROW EXECUTE FUNCTION moedebog_changed_row(${how.column}, ${how.via})`,
      [table],
    );
  }
  for (const table of GLOBAL) {
    await knex.raw('CREATE TRIGGER moedebog_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ?? FOR EACH STATEMENT EXECUTE FUNCTION moedebog_changed_statement()', [table]);
  }
  // Everything that exists now counts as changed once: the first publish after this renders all.
  await knex.raw('INSERT INTO content_changes (meeting_id) VALUES (NULL)');
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [...Object.keys(MEETING_SCOPED), ...GLOBAL]) await knex.raw('DROP TRIGGER IF EXISTS moedebog_changes ON ??', [table]);
  await knex.raw('DROP FUNCTION moedebog_changed_row(); DROP FUNCTION moedebog_changed_statement(); DROP TABLE content_changes;');
}
