import crypto from 'node:crypto';
import type { BudgetTable } from './schema';

/** A confirmation of a table with discrepancies holds for exactly the numbers confirmed; any edit asks again. */
export function definitionHash(table: BudgetTable): string {
  return crypto.createHash('sha256').update(JSON.stringify(table)).digest('hex');
}
