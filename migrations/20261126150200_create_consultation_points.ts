import type { Knex } from 'knex';

/**
 * The consultation summary: each response split into points (numbered per consultee
 * from their order, never stored), with the administration's comment and what it led
 * to. A point may refer to others' answers ("Se svar under Økonomiudvalget (1.a)").
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('consultation_points', (t) => {
    t.increments('id');
    t.integer('consultation_id').notNullable().references('consultations.id').onDelete('CASCADE');
    t.integer('party_id').notNullable().references('consultation_parties.id').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.text('text').notNullable();
    t.text('comment');
    t.text('outcome');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamps(true, true);
    t.index(['party_id', 'position']);
  });
  await knex.raw(
    "ALTER TABLE consultation_points ADD CONSTRAINT consultation_points_outcome_check CHECK (outcome IS NULL OR outcome IN ('change', 'no_change', 'implementation'))",
  );
  await knex.schema.createTable('consultation_point_refs', (t) => {
    t.integer('point_id').notNullable().references('consultation_points.id').onDelete('CASCADE');
    t.integer('target_point_id').notNullable().references('consultation_points.id').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.primary(['point_id', 'target_point_id']);
  });
  await knex.raw('ALTER TABLE consultation_point_refs ADD CONSTRAINT consultation_point_refs_not_self CHECK (point_id <> target_point_id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('consultation_point_refs');
  await knex.schema.dropTable('consultation_points');
}
