import type { Knex } from 'knex';

/**
 * Budget tables as data: columns (numbers, formulas), rows with stated values, the
 * total row and footnotes, validated by src/modules/budget-tables/schema.ts.
 * position is what a section's <div data-budget-table="N"> marker refers to.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('budget_tables', (t) => {
    t.increments('id');
    t.integer('item_id').notNullable().references('agenda_items.id').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.jsonb('definition').notNullable();
    t.timestamps(true, true);
    t.unique(['item_id', 'position']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('budget_tables');
}
