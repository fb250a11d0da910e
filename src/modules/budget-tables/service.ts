import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { ConflictError, RuleError } from '../../web/app-errors';
import { NotFoundError } from '../../web/errors';
import { audit } from '../audit/audit';
import { bumpVersion, lockItem, recordChangeNote, type Actor } from '../items/service';
import { isAgendaPublic, type MeetingStatus } from '../meetings/meeting-status';
import { computeBudgetTable } from './compute';
import { definitionHash } from './confirmation';
import { budgetTableSchema, type BudgetTable } from './schema';

/**
 * Budget tables of an agenda item: create, edit, confirm and delete. Tables are
 * part of the item's content, so every change goes through the item's version
 * check and, once the agenda is published, needs a public change note.
 */
export interface TableItem {
  id: number;
  number: number;
  title: string;
  version: number;
  meetingId: number;
  meetingStatus: MeetingStatus;
  meetingStartsAt: Date;
  committeeName: string;
  tableCount: number;
}

export interface StoredTable {
  id: number;
  itemId: number;
  position: number;
  definition: BudgetTable;
  hash: string;
  confirmedHash: string | null;
  confirmedAt: Date | null;
  confirmedByName: string | null;
}

export async function findTableItem(db: Db, itemId: number): Promise<TableItem> {
  const row = (await db('agenda_items as i')
    .join('meetings as m', 'm.id', 'i.meeting_id')
    .join('committees as c', 'c.id', 'm.committee_id')
    .where('i.id', itemId)
    .first(
      'i.id',
      'i.number',
      'i.title',
      'i.version',
      'm.id as meetingId',
      'm.status as meetingStatus',
      'm.starts_at as meetingStartsAt',
      'c.name as committeeName',
      db.raw('(SELECT count(*) FROM budget_tables t WHERE t.item_id = i.id)::int AS "tableCount"'),
    )) as TableItem | undefined;
  if (!row) throw new NotFoundError('Punktet');
  return row;
}

export async function findTable(db: Db, tableId: number): Promise<StoredTable> {
  const row = (await db('budget_tables as t')
    .leftJoin('users as u', 'u.id', 't.confirmed_by_user_id')
    .where('t.id', tableId)
    .first('t.id', 't.item_id as itemId', 't.position', 't.definition', 't.confirmed_definition_hash as confirmedHash', 't.confirmed_at as confirmedAt', 'u.name as confirmedByName')) as
    | (Omit<StoredTable, 'definition' | 'hash'> & { definition: unknown })
    | undefined;
  if (!row) throw new NotFoundError('Tabellen');
  // Parsed through the schema, as unconfirmedTables() does, so the hash is computed the same way.
  const definition = budgetTableSchema.parse(row.definition);
  return { ...row, definition, hash: definitionHash(definition) };
}

interface ChangeInput {
  version: number;
  changeNote?: string;
  actor: Actor;
  now: Date;
}

const STALE_TABLE =
  'Punktet er blevet ændret af en anden, mens du redigerede tabellen. Tabellen er ikke gemt – dine tal står herunder, så du kan sammenligne med den gemte tabel og gemme igen.';

async function lockForTables(trx: Knex.Transaction, itemId: number, version: number) {
  try {
    return await lockItem(trx, itemId, version);
  } catch (error) {
    if (error instanceof ConflictError) throw new ConflictError(error.currentVersion, STALE_TABLE);
    throw error;
  }
}

/** Adds a table after the item's last one; returns its id and position (the N of [tabel N]). */
export async function createTable(db: Db, input: ChangeInput & { itemId: number; definition: BudgetTable }): Promise<{ id: number; position: number }> {
  return db.transaction(async (trx) => {
    const item = await lockForTables(trx, input.itemId, input.version);
    await recordChangeNote(trx, item, input.changeNote, input.actor, input.now);
    const last = await trx('budget_tables').where({ item_id: item.id }).max<{ max: number | null }>('position as max').first();
    const position = (last?.max ?? 0) + 1;
    const [row] = await trx('budget_tables').insert({ item_id: item.id, position, definition: JSON.stringify(input.definition) }).returning('id');
    const id = (row as { id: number }).id;
    await bumpVersion(trx, item.id);
    await audit(trx, { userId: input.actor.userId, action: 'budget_table.create', entity: 'budget_table', entityId: id, after: { itemId: item.id, position, definition: input.definition } });
    return { id, position };
  });
}

/** Saves a table's definition. A confirmation stays recorded but no longer matches the new numbers (by hash). */
export async function updateTable(db: Db, input: ChangeInput & { tableId: number; definition: BudgetTable }): Promise<{ changed: boolean }> {
  return db.transaction(async (trx) => {
    const itemId = await itemOfTable(trx, input.tableId);
    const item = await lockForTables(trx, itemId, input.version);
    const row = await trx('budget_tables').where({ id: input.tableId }).forUpdate().first('definition');
    if (!row) throw new NotFoundError('Tabellen');
    const before = budgetTableSchema.parse(row.definition);
    if (definitionHash(before) === definitionHash(input.definition)) return { changed: false };
    await recordChangeNote(trx, item, input.changeNote, input.actor, input.now);
    await trx('budget_tables').where({ id: input.tableId }).update({ definition: JSON.stringify(input.definition), updated_at: trx.fn.now() });
    await bumpVersion(trx, item.id);
    await audit(trx, { userId: input.actor.userId, action: 'budget_table.update', entity: 'budget_table', entityId: input.tableId, before, after: input.definition });
    return { changed: true };
  });
}

/**
 * Confirms the numbers as they stand despite discrepancies. The form carries the
 * hash of the numbers the secretary looked at, so numbers changed by someone else
 * in the meantime are never confirmed unseen.
 */
export async function confirmTable(db: Db, input: { tableId: number; seenHash: string; actor: Actor; now: Date }): Promise<void> {
  await db.transaction(async (trx) => {
    const itemId = await itemOfTable(trx, input.tableId);
    const item = await lockItem(trx, itemId, undefined);
    const row = await trx('budget_tables').where({ id: input.tableId }).forUpdate().first('definition', 'confirmed_definition_hash');
    if (!row) throw new NotFoundError('Tabellen');
    const table = budgetTableSchema.parse(row.definition);
    const hash = definitionHash(table);
    if (hash !== input.seenHash) {
      throw new ConflictError(item.version, 'Tabellen er blevet ændret, siden du åbnede siden. Se tallene igen herunder, før du bekræfter dem.');
    }
    const discrepancies = computeBudgetTable(table).discrepancies;
    if (discrepancies.length === 0) throw new RuleError('nothing_to_confirm', 'Alle tal stemmer med formlerne, så der er intet at bekræfte');
    await trx('budget_tables').where({ id: input.tableId }).update({ confirmed_definition_hash: hash, confirmed_by_user_id: input.actor.userId, confirmed_at: input.now });
    await audit(trx, {
      userId: input.actor.userId,
      action: 'budget_table.confirm',
      entity: 'budget_table',
      entityId: input.tableId,
      before: { confirmedHash: row.confirmed_definition_hash ?? null },
      after: { confirmedHash: hash, discrepancies },
    });
  });
}

const SECTION_COLUMNS = ['summary', 'background', 'case_presentation', 'financial_text', 'decision', 'attachments_note'] as const;

/** Table numbers the item's texts place with [tabel N] (stored as <div data-budget-table="N">). */
async function placedTables(trx: Knex.Transaction, itemId: number): Promise<Set<number>> {
  const item = (await trx('agenda_items').where({ id: itemId }).first(...SECTION_COLUMNS)) as Record<string, string | null>;
  const subPoints = (await trx('sub_points').where({ item_id: itemId }).pluck('body')) as string[];
  const placed = new Set<number>();
  for (const html of [...SECTION_COLUMNS.map((c) => item[c]), ...subPoints]) {
    for (const m of (html ?? '').matchAll(/data-budget-table="(\d+)"/g)) placed.add(Number(m[1]));
  }
  return placed;
}

/**
 * Deletes a table. Later tables move one number down, so a [tabel N] marker in the
 * item's text would then show a different table (or none): deletion is refused
 * while the text places this table or a later one.
 */
export async function deleteTable(db: Db, input: ChangeInput & { tableId: number }): Promise<{ itemId: number; position: number }> {
  return db.transaction(async (trx) => {
    const itemId = await itemOfTable(trx, input.tableId);
    const item = await lockForTables(trx, itemId, input.version);
    const row = await trx('budget_tables').where({ id: input.tableId }).forUpdate().first('position', 'definition');
    if (!row) throw new NotFoundError('Tabellen');
    const position = row.position as number;
    const count = Number((await trx('budget_tables').where({ item_id: item.id }).count<{ count: number }[]>('* as count'))[0]?.count ?? 0);
    const blocking = [...(await placedTables(trx, item.id))].filter((n) => n >= position && n <= count).sort((a, b) => a - b);
    if (blocking.length > 0) {
      const markers = blocking.map((n) => `[tabel ${n}]`);
      const list = markers.length === 1 ? markers[0] : `${markers.slice(0, -1).join(', ')} og ${markers.at(-1)}`;
      throw new RuleError(
        'table_placed',
        `Tabel ${position} kan ikke slettes, fordi punktets tekst indeholder ${list}. Når tabellen slettes, rykker de følgende tabeller et nummer op, så markeringerne ville vise en anden tabel. Fjern eller ret markeringerne i punktets tekst først.`,
      );
    }
    await recordChangeNote(trx, item, input.changeNote, input.actor, input.now);
    await trx('budget_tables').where({ id: input.tableId }).delete();
    // Positions are unique per item: move the later tables out of the way, then into place.
    const later = (await trx('budget_tables').where({ item_id: item.id }).where('position', '>', position).orderBy('position').pluck('id')) as number[];
    for (const [i, id] of later.entries()) await trx('budget_tables').where({ id }).update({ position: -(i + 1) });
    for (const [i, id] of later.entries()) await trx('budget_tables').where({ id }).update({ position: position + i });
    await bumpVersion(trx, item.id);
    await audit(trx, { userId: input.actor.userId, action: 'budget_table.delete', entity: 'budget_table', entityId: input.tableId, before: { itemId: item.id, position, definition: row.definition } });
    return { itemId: item.id, position };
  });
}

async function itemOfTable(trx: Knex.Transaction, tableId: number): Promise<number> {
  const row = await trx('budget_tables').where({ id: tableId }).first('item_id');
  if (!row) throw new NotFoundError('Tabellen');
  return row.item_id as number;
}

export function agendaIsPublic(item: Pick<TableItem, 'meetingStatus'>): boolean {
  return isAgendaPublic(item.meetingStatus);
}
