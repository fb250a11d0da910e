import type { Knex } from 'knex';

/** A case (sag) travels across meetings and committees; each appearance is an agenda item. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('cases', (t) => {
    t.increments('id');
    t.integer('body_id').notNullable().references('bodies.id').onDelete('RESTRICT');
    t.text('case_number').notNullable();
    t.text('title').notNullable();
    t.timestamps(true, true);
    t.unique(['body_id', 'case_number']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('cases');
}
