import type { Knex } from 'knex';

/** "X, Y kunne ikke godkende …" and minority statements (mindretalsudtalelser). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('dissents', (t) => {
    t.increments('id');
    t.integer('item_id').notNullable().references('agenda_items.id').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.integer('point_number');
    t.text('text').notNullable();
    t.unique(['item_id', 'position']);
  });
  await knex.schema.createTable('dissent_persons', (t) => {
    t.integer('dissent_id').notNullable().references('dissents.id').onDelete('CASCADE');
    t.integer('person_id').notNullable().references('people.id').onDelete('RESTRICT');
    t.integer('position').notNullable();
    t.primary(['dissent_id', 'person_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('dissent_persons');
  await knex.schema.dropTable('dissents');
}
