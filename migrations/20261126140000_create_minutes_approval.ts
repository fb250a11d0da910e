import type { Knex } from 'knex';

/**
 * Approval of the minutes. An approval is bound to the SHA-256 of the canonical
 * form of the minutes it approved; snapshots keep each approved canonical form, so
 * a member asked again can see what changed. Each publication is a numbered
 * version whose canonical form and public HTML stay readable after a reopening.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('minutes_snapshots', (t) => {
    t.text('content_hash').primary();
    t.integer('meeting_id').notNullable().references('meetings.id').onDelete('CASCADE');
    t.text('canonical').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw("ALTER TABLE minutes_snapshots ADD CONSTRAINT minutes_snapshots_hash_format CHECK (content_hash ~ '^[0-9a-f]{64}$')");
  await knex.schema.createTable('minutes_approvals', (t) => {
    t.increments('id');
    t.integer('meeting_id').notNullable().references('meetings.id').onDelete('CASCADE');
    t.integer('person_id').notNullable().references('people.id').onDelete('RESTRICT');
    t.text('content_hash').notNullable().references('minutes_snapshots.content_hash');
    // Approvals count only in the round they were given: reopening starts a new round.
    t.integer('round').notNullable();
    t.timestamp('approved_at', { useTz: true }).notNullable();
    t.integer('user_id').references('users.id').onDelete('SET NULL');
    t.integer('registered_by_user_id').references('users.id').onDelete('SET NULL');
    t.text('registered_reason');
  });
  await knex.raw(
    'ALTER TABLE minutes_approvals ADD CONSTRAINT minutes_approvals_registered_reason CHECK (registered_by_user_id IS NULL OR length(trim(registered_reason)) > 0)',
  );
  await knex.schema.createTable('minutes_remarks', (t) => {
    t.increments('id');
    t.integer('meeting_id').notNullable().references('meetings.id').onDelete('CASCADE');
    t.integer('person_id').notNullable().references('people.id').onDelete('RESTRICT');
    t.text('content_hash').notNullable();
    t.text('text').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.text('answer');
    t.timestamp('answered_at', { useTz: true });
    t.integer('answered_by_user_id').references('users.id').onDelete('SET NULL');
  });
  await knex.schema.createTable('minutes_versions', (t) => {
    t.increments('id');
    t.integer('meeting_id').notNullable().references('meetings.id').onDelete('CASCADE');
    t.integer('version').notNullable();
    t.integer('round').notNullable();
    t.text('content_hash').notNullable().references('minutes_snapshots.content_hash');
    t.timestamp('released_at', { useTz: true });
    t.timestamp('published_at', { useTz: true });
    t.text('public_html');
    t.timestamp('reopened_at', { useTz: true });
    t.text('reopen_reason');
    t.integer('reopened_by_user_id').references('users.id').onDelete('SET NULL');
    t.unique(['meeting_id', 'version']);
  });
  await knex.schema.alterTable('meetings', (t) => {
    t.timestamp('released_for_approval_at', { useTz: true });
    t.integer('approval_round').notNullable().defaultTo(1);
  });
  // A secret salt per item: closed items enter the public canonical form only as a salted hash.
  await knex.schema.alterTable('agenda_items', (t) => {
    t.text('closed_salt').notNullable().defaultTo(knex.raw("replace(gen_random_uuid()::text, '-', '')"));
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('agenda_items', (t) => t.dropColumn('closed_salt'));
  await knex.schema.alterTable('meetings', (t) => {
    t.dropColumn('approval_round');
    t.dropColumn('released_for_approval_at');
  });
  await knex.schema.dropTable('minutes_versions');
  await knex.schema.dropTable('minutes_remarks');
  await knex.schema.dropTable('minutes_approvals');
  await knex.schema.dropTable('minutes_snapshots');
}
