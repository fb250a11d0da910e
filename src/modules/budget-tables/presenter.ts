import { formatNumber } from '../../i18n/format';
import { computeBudgetTable, type Discrepancy } from './compute';
import type { BudgetTable } from './schema';

export interface BudgetTableView {
  title: string | null;
  caption: string;
  stubHeader: string;
  unit: string;
  columns: Array<{ label: string; numberLabel: string; signNote: boolean }>;
  hasColumnNumbers: boolean;
  rows: Array<{ isHeading: boolean; isTotal: boolean; code: string | null; label: string; cells: string[] }>;
  footnotes: string[];
  discrepancies: Discrepancy[];
}

/** "(3)-(2)=(4)" for a formula column, "(1)" for a plain numbered one. */
function numberLabel(column: BudgetTable['columns'][number]): string {
  if (column.number === undefined) return '';
  return column.formula ? `${column.formula.replace(/\s+/g, '')}=(${column.number})` : `(${column.number})`;
}

export function presentBudgetTable(table: BudgetTable): BudgetTableView {
  const computed = computeBudgetTable(table);
  return {
    title: table.title ?? null,
    caption: table.title ?? (table.stubHeader ? `${table.stubHeader} (${table.unit})` : `Tabel (${table.unit})`),
    stubHeader: table.stubHeader,
    unit: table.unit,
    columns: table.columns.map((c) => ({ label: c.label, numberLabel: numberLabel(c), signNote: c.signNote ?? false })),
    hasColumnNumbers: table.columns.some((c) => c.number !== undefined),
    rows: computed.rows.map((row) => ({
      isHeading: row.kind === 'heading',
      isTotal: row.kind === 'total',
      code: row.code ?? null,
      label: row.label,
      cells: row.cells.map((cell, i) => (cell.value === null ? '' : formatNumber(cell.value, table.columns[i]?.decimals ?? 0))),
    })),
    footnotes: table.footnotes ?? [],
    discrepancies: computed.discrepancies,
  };
}
