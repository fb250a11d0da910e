import type { Knex } from 'knex';

/** Failed logins per account and per address, for throttling. Kept in the database so every process sees them. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('login_failures', (t) => {
    t.text('key').primary(); // 'account:<email>' or 'address:<ip>'
    t.integer('failures').notNullable().defaultTo(0);
    t.timestamp('window_started_at', { useTz: true }).notNullable();
    t.timestamp('locked_until', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('login_failures');
}
