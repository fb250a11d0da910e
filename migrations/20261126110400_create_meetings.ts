import type { Knex } from 'knex';

/** Kept in step with src/modules/meetings/meeting-status.ts (migrations never import app code). */
const STATUSES = [
  'planned',
  'agenda_published',
  'held',
  'minutes_draft',
  'minutes_in_approval',
  'minutes_approved',
  'minutes_published',
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('meetings', (t) => {
    t.increments('id');
    t.integer('committee_id').notNullable().references('committees.id').onDelete('RESTRICT');
    t.text('slug').notNullable().unique();
    t.timestamp('starts_at', { useTz: true }).notNullable();
    t.timestamp('ends_at', { useTz: true });
    t.text('location');
    t.text('status').notNullable().defaultTo('planned');
    t.boolean('cancelled').notNullable().defaultTo(false);
    t.timestamps(true, true);
    t.index(['committee_id', 'starts_at']);
    t.index(['starts_at']);
  });
  await knex.raw(
    `ALTER TABLE meetings ADD CONSTRAINT meetings_status_check CHECK (status IN (${STATUSES.map((s) => `'${s}'`).join(', ')}))`,
  );
  await knex.raw('ALTER TABLE meetings ADD CONSTRAINT meetings_time_check CHECK (ends_at IS NULL OR ends_at >= starts_at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('meetings');
}
