import type { Knex } from 'knex';

/** A person's seat on a committee for a period; substitutes name the member they stand in for. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('memberships', (t) => {
    t.increments('id');
    t.integer('committee_id').notNullable().references('committees.id').onDelete('CASCADE');
    t.integer('person_id').notNullable().references('people.id').onDelete('RESTRICT');
    t.text('role').notNullable();
    t.text('party');
    t.integer('substitute_for_person_id').references('people.id').onDelete('SET NULL');
    t.boolean('voting_right').notNullable().defaultTo(true);
    t.date('valid_from').notNullable();
    t.date('valid_to');
    t.timestamps(true, true);
    t.index(['committee_id']);
    t.index(['person_id']);
  });
  await knex.raw(
    "ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('chair', 'vice_chair', 'member', 'substitute'))",
  );
  await knex.raw('ALTER TABLE memberships ADD CONSTRAINT memberships_period_check CHECK (valid_to IS NULL OR valid_to >= valid_from)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('memberships');
}
