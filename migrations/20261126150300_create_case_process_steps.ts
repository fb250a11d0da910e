import type { Knex } from 'knex';

/**
 * A case's process plan (procesplan): the treatments planned ahead, per committee and
 * date. A step counts as held once an item on the case exists at that committee's
 * meeting on that date; steps without a committee are seminars and theme meetings.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('case_process_steps', (t) => {
    t.increments('id');
    t.integer('case_id').notNullable().references('cases.id').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.date('planned_on').notNullable();
    t.date('planned_until');
    t.integer('committee_id').references('committees.id').onDelete('SET NULL');
    t.text('title').notNullable();
    t.text('description');
    t.timestamps(true, true);
    t.unique(['case_id', 'position']);
  });
  await knex.raw('ALTER TABLE case_process_steps ADD CONSTRAINT case_process_steps_period_check CHECK (planned_until IS NULL OR planned_until >= planned_on)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('case_process_steps');
}
