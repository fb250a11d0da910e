import type { Knex } from 'knex';

/** Amendments (ændringsforslag) and named votes; Popolo's Motion / VoteEvent / Vote in OParl terms. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('amendments', (t) => {
    t.increments('id');
    t.integer('item_id').notNullable().references('agenda_items.id').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.integer('point_number');
    t.text('text').notNullable();
    t.text('outcome').notNullable();
    t.unique(['item_id', 'position']);
  });
  await knex.raw("ALTER TABLE amendments ADD CONSTRAINT amendments_outcome_check CHECK (outcome IN ('adopted', 'rejected'))");
  await knex.schema.createTable('amendment_proposers', (t) => {
    t.integer('amendment_id').notNullable().references('amendments.id').onDelete('CASCADE');
    t.integer('person_id').notNullable().references('people.id').onDelete('RESTRICT');
    t.integer('position').notNullable();
    t.primary(['amendment_id', 'person_id']);
  });
  await knex.schema.createTable('votes', (t) => {
    t.increments('id');
    t.integer('item_id').notNullable().references('agenda_items.id').onDelete('CASCADE');
    t.integer('amendment_id').references('amendments.id').onDelete('CASCADE');
    t.integer('point_number');
    t.integer('position').notNullable();
    t.unique(['item_id', 'position']);
  });
  await knex.schema.createTable('vote_ballots', (t) => {
    t.integer('vote_id').notNullable().references('votes.id').onDelete('CASCADE');
    t.integer('person_id').notNullable().references('people.id').onDelete('RESTRICT');
    t.text('choice').notNullable();
    t.integer('position').notNullable();
    t.primary(['vote_id', 'person_id']);
  });
  await knex.raw("ALTER TABLE vote_ballots ADD CONSTRAINT vote_ballots_choice_check CHECK (choice IN ('for', 'against', 'abstain'))");
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('vote_ballots');
  await knex.schema.dropTable('votes');
  await knex.schema.dropTable('amendment_proposers');
  await knex.schema.dropTable('amendments');
}
