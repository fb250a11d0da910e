import type { Knex } from 'knex';

/** Attachments (bilag) of an item or of one of its sub-points. A record may exist before its file is uploaded. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('attachments', (t) => {
    t.increments('id');
    t.integer('item_id').notNullable().references('agenda_items.id').onDelete('CASCADE');
    t.integer('sub_point_id').references('sub_points.id').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.text('title').notNullable();
    t.boolean('recommended').notNullable().defaultTo(false);
    t.boolean('is_public').notNullable().defaultTo(true);
    t.text('file_name');
    t.text('content_type');
    t.bigInteger('size_bytes');
    t.text('storage_key');
    t.timestamps(true, true);
    t.index(['item_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('attachments');
}
