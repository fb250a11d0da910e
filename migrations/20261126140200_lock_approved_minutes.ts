import type { Knex } from 'knex';

/**
 * Approved minutes are locked in the database itself: while a meeting's status is
 * minutes_approved or minutes_published, nothing that makes up its minutes can be
 * inserted, changed or deleted. Reopening (an admin, with a reason) first sets the
 * status back to minutes_draft, which is the only change the meeting row allows.
 */
const CHILD_TABLES: Array<{ table: string; meetingOf: string }> = [
  { table: 'agenda_items', meetingOf: 'ROW.meeting_id' },
  { table: 'attendance', meetingOf: 'ROW.meeting_id' },
  { table: 'recommendation_points', meetingOf: '(SELECT meeting_id FROM agenda_items WHERE id = ROW.item_id)' },
  { table: 'amendments', meetingOf: '(SELECT meeting_id FROM agenda_items WHERE id = ROW.item_id)' },
  { table: 'votes', meetingOf: '(SELECT meeting_id FROM agenda_items WHERE id = ROW.item_id)' },
  { table: 'dissents', meetingOf: '(SELECT meeting_id FROM agenda_items WHERE id = ROW.item_id)' },
  { table: 'item_absences', meetingOf: '(SELECT meeting_id FROM agenda_items WHERE id = ROW.item_id)' },
  { table: 'sub_points', meetingOf: '(SELECT meeting_id FROM agenda_items WHERE id = ROW.item_id)' },
  { table: 'budget_tables', meetingOf: '(SELECT meeting_id FROM agenda_items WHERE id = ROW.item_id)' },
  { table: 'attachments', meetingOf: '(SELECT meeting_id FROM agenda_items WHERE id = ROW.item_id)' },
  { table: 'amendment_proposers', meetingOf: '(SELECT i.meeting_id FROM amendments a JOIN agenda_items i ON i.id = a.item_id WHERE a.id = ROW.amendment_id)' },
  { table: 'vote_ballots', meetingOf: '(SELECT i.meeting_id FROM votes v JOIN agenda_items i ON i.id = v.item_id WHERE v.id = ROW.vote_id)' },
  { table: 'dissent_persons', meetingOf: '(SELECT i.meeting_id FROM dissents d JOIN agenda_items i ON i.id = d.item_id WHERE d.id = ROW.dissent_id)' },
];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION minutes_locked(meeting integer) RETURNS boolean LANGUAGE sql STABLE AS $$
      SELECT EXISTS (SELECT 1 FROM meetings WHERE id = meeting AND status IN ('minutes_approved', 'minutes_published'))
    $$`);
  for (const { table, meetingOf } of CHILD_TABLES) {
    const forNew = meetingOf.replace(/ROW\./g, 'NEW.');
    const forOld = meetingOf.replace(/ROW\./g, 'OLD.');
    await knex.raw(`
      CREATE FUNCTION ${table}_minutes_lock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (TG_OP <> 'INSERT' AND minutes_locked(${forOld})) OR (TG_OP <> 'DELETE' AND minutes_locked(${forNew})) THEN
          RAISE EXCEPTION 'Referatet er godkendt og låst' USING ERRCODE = 'MB001';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await knex.raw(`CREATE TRIGGER ${table}_minutes_lock BEFORE INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_minutes_lock()`);
  }
  await knex.raw(`
    CREATE FUNCTION meetings_minutes_lock() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF OLD.status IN ('minutes_approved', 'minutes_published') THEN
          RAISE EXCEPTION 'Referatet er godkendt og låst' USING ERRCODE = 'MB001';
        END IF;
        RETURN OLD;
      END IF;
      IF OLD.status IN ('minutes_approved', 'minutes_published') AND (
           NEW.committee_id IS DISTINCT FROM OLD.committee_id OR NEW.starts_at IS DISTINCT FROM OLD.starts_at
        OR NEW.ends_at IS DISTINCT FROM OLD.ends_at OR NEW.location IS DISTINCT FROM OLD.location
        OR NEW.slug IS DISTINCT FROM OLD.slug OR NEW.cancelled IS DISTINCT FROM OLD.cancelled
        OR NOT (NEW.status IN ('minutes_approved', 'minutes_published', 'minutes_draft'))) THEN
        RAISE EXCEPTION 'Referatet er godkendt og låst' USING ERRCODE = 'MB001';
      END IF;
      RETURN NEW;
    END $$`);
  await knex.raw('CREATE TRIGGER meetings_minutes_lock BEFORE UPDATE OR DELETE ON meetings FOR EACH ROW EXECUTE FUNCTION meetings_minutes_lock()');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER meetings_minutes_lock ON meetings');
  await knex.raw('DROP FUNCTION meetings_minutes_lock()');
  for (const { table } of CHILD_TABLES) {
    await knex.raw(`DROP TRIGGER ${table}_minutes_lock ON ${table}`);
    await knex.raw(`DROP FUNCTION ${table}_minutes_lock()`);
  }
  await knex.raw('DROP FUNCTION minutes_locked(integer)');
}
