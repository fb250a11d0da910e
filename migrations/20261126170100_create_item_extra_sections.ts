import type { Knex } from 'knex';

/**
 * Sections of an imported item that have no field of their own, in the export's
 * order: sections under labels we do not know ("Kommunikation", "Supplerende
 * sagsfremstilling"), earlier treatments and earlier decisions the export names
 * (shown under "Tidligere behandling" and "Beslutningshistorik"). Body is sanitized
 * HTML; an earlier treatment is its label alone. Locked with the item's minutes,
 * like every other part of them (see …_lock_approved_minutes.ts).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('item_extra_sections', (t) => {
    t.increments('id');
    t.integer('item_id').notNullable().references('agenda_items.id').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.text('kind').notNullable().defaultTo('section');
    t.text('label').notNullable();
    t.text('body');
    t.unique(['item_id', 'position']);
  });
  await knex.raw(
    "ALTER TABLE item_extra_sections ADD CONSTRAINT item_extra_sections_kind_check CHECK (kind IN ('section', 'earlier_treatment', 'decision_history'))",
  );
  await knex.raw(`
    CREATE FUNCTION item_extra_sections_minutes_lock() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF (TG_OP <> 'INSERT' AND minutes_locked((SELECT meeting_id FROM agenda_items WHERE id = OLD.item_id)))
         OR (TG_OP <> 'DELETE' AND minutes_locked((SELECT meeting_id FROM agenda_items WHERE id = NEW.item_id))) THEN
        RAISE EXCEPTION 'Referatet er godkendt og låst' USING ERRCODE = 'MB001';
      END IF;
      RETURN COALESCE(NEW, OLD);
    END $$`);
  await knex.raw(
    'CREATE TRIGGER item_extra_sections_minutes_lock BEFORE INSERT OR UPDATE OR DELETE ON item_extra_sections FOR EACH ROW EXECUTE FUNCTION item_extra_sections_minutes_lock()',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER item_extra_sections_minutes_lock ON item_extra_sections');
  await knex.raw('DROP FUNCTION item_extra_sections_minutes_lock()');
  await knex.schema.dropTable('item_extra_sections');
}
