import { formatNumber } from '../../i18n/format';
import { computeBudgetTable, type Discrepancy } from './compute';
import { parseDanishNumber } from './number-input';
import type { BudgetTable } from './schema';

/**
 * The table editor's grid as typed: every field a string, so a form that does not
 * validate is shown again exactly as it was typed. The server reads it from the
 * form body, the browser script from the inputs; both compute it with
 * computeGrid(), which runs the same computeBudgetTable() the public page uses.
 * No zod and no Node modules here: this file is bundled for the browser.
 */
export interface ColumnForm {
  label: string;
  number: string;
  formula: string;
  decimals: string;
  signNote: boolean;
}

export type RowKind = 'data' | 'heading';

export interface RowForm {
  code: string;
  label: string;
  kind: RowKind;
  values: string[];
  key: string;
  formula: string;
}

export interface TableForm {
  title: string;
  stubHeader: string;
  unit: string;
  columns: ColumnForm[];
  rows: RowForm[];
  hasTotal: boolean;
  totalLabel: string;
  totalValues: string[];
  footnotes: string;
}

export const COLUMN_FORMULA = /^\(\d+\)(\s*[+-]\s*\(\d+\))+$/;
export const ROW_FORMULA = /^[a-z][a-z0-9_]*(\s*[+-]\s*[a-z][a-z0-9_]*)+$/;
export const ROW_KEY = /^[a-z][a-z0-9_]*$/;

function smallInt(text: string, max: number): number | undefined {
  const t = text.trim();
  if (!/^\d{1,2}$/.test(t)) return undefined;
  const n = Number(t);
  return n <= max ? n : undefined;
}

const cellValue = (raw: string | undefined): number | null => {
  const parsed = parseDanishNumber(raw ?? '');
  return parsed.ok ? parsed.value : null;
};

/**
 * The grid read leniently, for live computation: a cell or formula that does not
 * parse yet counts as empty. Saving uses the strict reading in form.ts.
 */
export function lenientTable(form: TableForm): BudgetTable {
  const width = form.columns.length;
  const values = (raw: string[]) => Array.from({ length: width }, (_, i) => cellValue(raw[i]));
  return {
    stubHeader: form.stubHeader,
    unit: form.unit,
    columns: form.columns.map((c) => ({
      label: c.label,
      number: smallInt(c.number, 99),
      formula: COLUMN_FORMULA.test(c.formula.trim()) ? c.formula.trim() : undefined,
      decimals: smallInt(c.decimals, 6),
    })),
    rows: form.rows.map((r) =>
      r.kind === 'heading'
        ? { kind: 'heading' as const, code: r.code, label: r.label }
        : {
            code: r.code,
            label: r.label,
            values: values(r.values),
            key: ROW_KEY.test(r.key.trim()) ? r.key.trim() : undefined,
            formula: ROW_FORMULA.test(r.formula.trim()) ? r.formula.trim() : undefined,
          },
    ),
    total: form.hasTotal ? { label: form.totalLabel || 'I alt', values: values(form.totalValues) } : undefined,
  };
}

export interface CalcCell {
  /** The computed value, formatted; null where the cell is not computed */
  text: string | null;
  /** The stated number disagrees with the computed one beyond rounding */
  discrepancy: boolean;
}

export interface GridCalculation {
  rows: CalcCell[][];
  total: CalcCell[] | null;
  discrepancies: Discrepancy[];
}

/** Computed values of formula cells and totals for every cell of the grid, row by row as in the form. */
export function computeGrid(form: TableForm): GridCalculation {
  const table = lenientTable(form);
  const computed = computeBudgetTable(table);
  const decimals = (i: number) => table.columns[i]?.decimals ?? 0;
  const toCalc = (cells: Array<{ computed: number | null; discrepancy: boolean }>): CalcCell[] =>
    form.columns.map((_, i) => {
      const c = cells[i];
      return { text: c && c.computed !== null ? formatNumber(c.computed, decimals(i)) : null, discrepancy: c?.discrepancy ?? false };
    });
  // computeBudgetTable yields one row per table row (headings included), then the total.
  const rows = form.rows.map((_, j) => toCalc(computed.rows[j]?.cells ?? []));
  const totalRow = computed.rows.find((r) => r.kind === 'total');
  return { rows, total: totalRow ? toCalc(totalRow.cells) : null, discrepancies: computed.discrepancies };
}

/** "Række 50.52 Tilbud til ældre pensionister, kolonne Resultat 2020 før overførsler: angivet -8.999, beregnet -8.997" */
export function describeDiscrepancy(d: Discrepancy, table: Pick<BudgetTable, 'columns'>): string {
  const decimals = table.columns.find((c) => c.label === d.column)?.decimals ?? 0;
  return `Række ${d.row}, kolonne ${d.column}: angivet ${formatNumber(d.stated, decimals)}, beregnet ${formatNumber(d.computed, decimals)}`;
}
