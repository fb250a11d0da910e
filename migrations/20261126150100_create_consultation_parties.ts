import type { Knex } from 'knex';

/**
 * The consultees of a consultation, in the order the summary numbers them. A committee
 * or board answers through its item (item_id): the decision recorded there is its
 * response. An outside party answers through a private link (only the SHA-256 of its
 * token is stored) or the secretariat registers a response that came by mail or letter.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('consultation_parties', (t) => {
    t.increments('id');
    t.integer('consultation_id').notNullable().references('consultations.id').onDelete('CASCADE');
    t.integer('committee_id').notNullable().references('committees.id').onDelete('RESTRICT');
    t.integer('position').notNullable();
    t.integer('item_id').references('agenda_items.id').onDelete('SET NULL');
    t.text('contact_email');
    t.text('token_hash').unique();
    t.timestamp('link_expires_at', { useTz: true });
    t.timestamp('invited_at', { useTz: true });
    t.text('response_text');
    t.text('response_sender');
    t.timestamp('response_received_at', { useTz: true });
    t.text('response_source');
    t.text('response_file_name');
    t.text('response_content_type');
    t.bigInteger('response_size_bytes');
    t.text('response_storage_key');
    t.integer('response_registered_by_user_id').references('users.id').onDelete('SET NULL');
    t.timestamps(true, true);
    t.unique(['consultation_id', 'committee_id']);
    t.index(['item_id']);
  });
  await knex.raw("ALTER TABLE consultation_parties ADD CONSTRAINT consultation_parties_token_format CHECK (token_hash IS NULL OR token_hash ~ '^[0-9a-f]{64}$')");
  await knex.raw("ALTER TABLE consultation_parties ADD CONSTRAINT consultation_parties_source_check CHECK (response_source IS NULL OR response_source IN ('link', 'registered'))");
  await knex.raw(
    'ALTER TABLE consultation_parties ADD CONSTRAINT consultation_parties_response_check CHECK ((response_source IS NULL) = (response_received_at IS NULL))',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('consultation_parties');
}
