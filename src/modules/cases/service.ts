import type { Knex } from 'knex';
import { RuleError } from '../../web/app-errors';

/** Finds a case by number within a body, or creates it. A blank number gets the next "MB-<year>-<n>". */
export async function findOrCreateCase(trx: Knex.Transaction, input: { bodyId: number; caseNumber: string; title: string; year: number }): Promise<number> {
  const number = input.caseNumber.trim();
  if (number) {
    const existing = await trx('cases').where({ body_id: input.bodyId, case_number: number }).first('id');
    if (existing) return existing.id as number;
  }
  const caseNumber = number || (await nextCaseNumber(trx, input.bodyId, input.year));
  if (!input.title.trim()) throw new RuleError('case_title', 'Skriv sagens titel');
  const [row] = await trx('cases').insert({ body_id: input.bodyId, case_number: caseNumber, title: input.title.trim() }).returning('id');
  return (row as { id: number }).id;
}

async function nextCaseNumber(trx: Knex.Transaction, bodyId: number, year: number): Promise<string> {
  const prefix = `MB-${year}-`;
  const rows = (await trx('cases').where({ body_id: bodyId }).where('case_number', 'like', `${prefix}%`).pluck('case_number')) as string[];
  const max = rows.reduce((m, n) => Math.max(m, Number(n.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}
