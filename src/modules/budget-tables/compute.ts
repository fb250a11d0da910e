import type { BudgetTable } from './schema';

/**
 * Computes a budget table's formula cells and totals and checks them against the
 * numbers the document states. Documents print rounded numbers, so a computed
 * cell may differ from the stated one by the rounding of its inputs: each input
 * and the result may be off by half a unit of the last shown decimal. A larger
 * difference is a discrepancy the secretariat must look at; the table still shows
 * what was stated (a check, not a silent fix).
 */
export interface ComputedCell {
  /** The number shown: the stated value, or the computed one where nothing is stated */
  value: number | null;
  computed: number | null;
  stated: number | null;
  discrepancy: boolean;
}

export interface Discrepancy {
  row: string; // row label, or the total label
  column: string; // column label
  stated: number;
  computed: number;
}

export interface ComputedRow {
  kind: 'data' | 'heading' | 'total';
  code?: string;
  label: string;
  cells: ComputedCell[];
}

export interface ComputedTable {
  rows: ComputedRow[];
  discrepancies: Discrepancy[];
}

type Term = { sign: 1 | -1; ref: string };

function parseTerms(formula: string): Term[] {
  const terms: Term[] = [];
  const re = /([+-]?)\s*\(?([a-z0-9_]+)\)?/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(formula.replace(/\s+/g, ''))) !== null) {
    terms.push({ sign: match[1] === '-' ? -1 : 1, ref: match[2] ?? '' });
  }
  return terms;
}

function tolerance(inputs: number, decimals: number): number {
  return (0.5 * inputs + 0.5) * 10 ** -decimals + 1e-9;
}

function cell(stated: number | null, computed: number | null, tol: number): ComputedCell {
  const discrepancy = stated !== null && computed !== null && Math.abs(stated - computed) > tol;
  return { value: stated ?? computed, computed, stated, discrepancy };
}

export function computeBudgetTable(table: BudgetTable): ComputedTable {
  const width = table.columns.length;
  const columnIndex = new Map<number, number>();
  table.columns.forEach((c, i) => c.number !== undefined && columnIndex.set(c.number, i));
  const decimalsOf = (i: number) => table.columns[i]?.decimals ?? 0;
  const discrepancies: Discrepancy[] = [];

  /** Applies column formulas within one row, left to right, so a formula may use an earlier formula column. */
  function applyColumnFormulas(label: string, stated: Array<number | null>, base: ComputedCell[]): ComputedCell[] {
    const cells = base.slice();
    table.columns.forEach((column, i) => {
      if (!column.formula) return;
      const terms = parseTerms(column.formula);
      let sum = 0;
      for (const term of terms) {
        const v = cells[columnIndex.get(Number(term.ref)) ?? -1]?.value;
        if (v === null || v === undefined) return;
        sum += term.sign * v;
      }
      const c = cell(stated[i] ?? null, sum, tolerance(terms.length, decimalsOf(i)));
      if (c.discrepancy) discrepancies.push({ row: label, column: column.label, stated: c.stated ?? 0, computed: sum });
      cells[i] = c;
    });
    return cells;
  }

  const rowValues = new Map<string, Array<number | null>>();
  const rows: ComputedRow[] = [];
  const dataRows: ComputedCell[][] = [];
  for (const row of table.rows) {
    const rowLabel = [row.code, row.label].filter(Boolean).join(' ');
    if (row.kind === 'heading') {
      rows.push({ kind: 'heading', code: row.code, label: row.label, cells: [] });
      continue;
    }
    const stated = row.values ?? new Array<number | null>(width).fill(null);
    let cells: ComputedCell[] = stated.map((v) => cell(v, null, 0));
    if (row.formula) {
      const terms = parseTerms(row.formula);
      cells = cells.map((c, i) => {
        let sum = 0;
        for (const term of terms) {
          const v = rowValues.get(term.ref)?.[i];
          if (v === null || v === undefined) return c;
          sum += term.sign * v;
        }
        const computed = cell(c.stated, sum, tolerance(terms.length, decimalsOf(i)));
        if (computed.discrepancy) {
          discrepancies.push({ row: rowLabel, column: table.columns[i]?.label ?? '', stated: c.stated ?? 0, computed: sum });
        }
        return computed;
      });
    }
    cells = applyColumnFormulas(rowLabel, stated, cells);
    if (row.key) rowValues.set(row.key, cells.map((c) => c.value));
    rows.push({ kind: 'data', code: row.code, label: row.label, cells });
    // Rows computed from other rows (subtotals) are not summed again into the total.
    if (!row.formula) dataRows.push(cells);
  }

  if (table.total) {
    const stated = table.total.values;
    let cells = table.columns.map((column, i) => {
      if (column.formula) return cell(stated[i] ?? null, null, 0);
      const values = dataRows.map((r) => r[i]?.value).filter((v): v is number => typeof v === 'number');
      if (values.length === 0) return cell(stated[i] ?? null, null, 0);
      const sum = values.reduce((a, b) => a + b, 0);
      const c = cell(stated[i] ?? null, sum, tolerance(values.length, decimalsOf(i)));
      if (c.discrepancy) discrepancies.push({ row: table.total?.label ?? 'I alt', column: column.label, stated: c.stated ?? 0, computed: sum });
      return c;
    });
    cells = applyColumnFormulas(table.total.label, stated, cells);
    rows.push({ kind: 'total', label: table.total.label, cells });
  }
  return { rows, discrepancies };
}
