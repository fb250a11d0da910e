import type { Knex } from 'knex';

/** Accounts: admin, secretary (for chosen committees or all), member (linked to a person). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.increments('id');
    t.text('email').notNullable();
    t.text('name').notNullable();
    t.text('password_hash').notNullable();
    t.text('role').notNullable();
    t.integer('person_id').references('people.id').onDelete('SET NULL');
    t.boolean('all_committees').notNullable().defaultTo(false);
    t.boolean('disabled').notNullable().defaultTo(false);
    t.timestamps(true, true);
  });
  await knex.raw('CREATE UNIQUE INDEX users_email_unique ON users (lower(email))');
  await knex.raw("ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'secretary', 'member'))");
  await knex.raw("ALTER TABLE users ADD CONSTRAINT users_member_person CHECK (role <> 'member' OR person_id IS NOT NULL)");
  await knex.schema.createTable('user_committees', (t) => {
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('committee_id').notNullable().references('committees.id').onDelete('CASCADE');
    t.primary(['user_id', 'committee_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('user_committees');
  await knex.schema.dropTable('users');
}
