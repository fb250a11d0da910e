import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('people', (t) => {
    t.increments('id');
    t.integer('body_id').notNullable().references('bodies.id').onDelete('RESTRICT');
    t.text('name').notNullable();
    t.text('email');
    t.timestamps(true, true);
  });
  await knex.raw('CREATE UNIQUE INDEX people_email_unique ON people (lower(email)) WHERE email IS NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('people');
}
