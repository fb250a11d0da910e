import type { Knex } from 'knex';

/**
 * The hand-written parts of a committee's or board's annual report (årsberetning) for a
 * year: the introduction and free sections (sanitized HTML). Everything else in the report
 * is generated from the data. Public once published_at is set.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('annual_reports', (t) => {
    t.increments('id');
    t.integer('committee_id').notNullable().references('committees.id').onDelete('CASCADE');
    t.integer('year').notNullable();
    t.text('introduction');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('published_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by_user_id').references('users.id').onDelete('SET NULL');
    t.unique(['committee_id', 'year']);
  });
  await knex.raw('ALTER TABLE annual_reports ADD CONSTRAINT annual_reports_year_check CHECK (year BETWEEN 1900 AND 2200)');
  await knex.schema.createTable('annual_report_sections', (t) => {
    t.increments('id');
    t.integer('report_id').notNullable().references('annual_reports.id').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.text('heading').notNullable();
    t.text('body');
    t.unique(['report_id', 'position']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('annual_report_sections');
  await knex.schema.dropTable('annual_reports');
}
