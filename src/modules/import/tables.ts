import { budgetTableSchema, type BudgetTable } from '../budget-tables/schema';
import { richTextToPlain } from '../sanitize/html';
import type { ImportedItem } from './model';
import { cleanHtml, escapeHtml } from './sections';

/**
 * HTML tables in export fields. The sanitizer allows no <table>, so each becomes a
 * budget table when it is one (a label column, number columns, Danish numbers, an
 * "I alt" row), placed by a marker, and otherwise one paragraph per row. Exports
 * often put a whole column into one cell as paragraphs (Region Hovedstaden's
 * sample): cells with the same number of paragraphs are read as that many rows.
 */

/** "1.177.788" → 1177788, "-6.662" → -6662, "1,80" → 1.8 (and its 2 decimals); null when it is no number. */
export function danishNumber(text: string): { value: number; decimals: number } | null {
  const t = text.replace(/\s+/g, '').replace(/[−–]/g, '-');
  if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/.test(t)) return null;
  const [whole, fraction] = t.split(',');
  const value = Number(`${(whole ?? '').replace(/\./g, '')}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? { value, decimals: fraction?.length ?? 0 } : null;
}

function cellLines(cell: string): string[] {
  return cell
    .split(/<\/p>|<br\s*\/?>|<\/div>|<\/li>/i)
    .map((part) => richTextToPlain(part))
    .filter(Boolean);
}

/** The table as rows of plain-text cells, column-in-one-cell layouts unfolded. */
function grid(tableHtml: string): string[][] {
  const rows: string[][] = [];
  for (const tr of tableHtml.match(/<tr[\s>][\s\S]*?<\/tr>/gi) ?? []) {
    const cells = (tr.match(/<t[dh][\s>][\s\S]*?<\/t[dh]>/gi) ?? []).map(cellLines);
    if (cells.length === 0) continue;
    const height = Math.max(...cells.map((c) => c.length));
    const aligned = cells.every((c) => c.length === height || c.length === 0);
    if (height > 1 && aligned) {
      for (let i = 0; i < height; i++) rows.push(cells.map((c) => c[i] ?? ''));
    } else {
      rows.push(cells.map((c) => c.join(' ')));
    }
  }
  return rows.filter((r) => r.some(Boolean));
}

const UNIT = /(mio\.?\s*kr\.?|1\.000\s*kr\.?|t\.\s*kr\.?|kr\.|pct\.?|%)/i;

function asBudgetTable(rows: string[][]): BudgetTable | null {
  const width = Math.max(...rows.map((r) => r.length));
  if (width < 2 || rows.length < 2) return null;
  const [header, ...body] = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]) as [string[], ...string[][]];
  if (body.length === 0 || header.slice(1).some((h) => h && danishNumber(h))) return null;
  const decimals = new Array<number>(width - 1).fill(0);
  const parsed: Array<{ label: string; values: Array<number | null> }> = [];
  for (const row of body) {
    const values: Array<number | null> = [];
    for (const [i, cell] of row.slice(1).entries()) {
      if (!cell) {
        values.push(null);
        continue;
      }
      const n = danishNumber(cell);
      if (!n) return null;
      values.push(n.value);
      decimals[i] = Math.max(decimals[i] ?? 0, n.decimals);
    }
    parsed.push({ label: row[0] ?? '', values });
  }
  if (parsed.every((r) => r.values.every((v) => v === null))) return null;
  const unit = header.map((h) => UNIT.exec(h)?.[1]).find(Boolean) ?? 'kr.';
  const last = parsed[parsed.length - 1];
  const total = last && /^i alt\b/i.test(last.label) ? parsed.pop() : undefined;
  const table = {
    stubHeader: header[0] ?? '',
    unit,
    columns: header.slice(1).map((label, i) => ({ label: label || unit, ...(decimals[i] ? { decimals: decimals[i] } : {}) })),
    rows: parsed.map((r) => ({ label: r.label, values: r.values })),
    ...(total ? { total: { label: total.label, values: total.values } } : {}),
  };
  const valid = budgetTableSchema.safeParse(table);
  return valid.success ? valid.data : null;
}

/**
 * Replaces the HTML tables of a field: budget tables go to `tables` and leave a marker
 * numbered from `firstNumber`; other tables become one paragraph per row.
 */
export function extractTables(html: string, firstNumber: number): { html: string; tables: BudgetTable[] } {
  const tables: BudgetTable[] = [];
  const out = html.replace(/<table[\s>][\s\S]*?<\/table>/gi, (tableHtml) => {
    const rows = grid(tableHtml);
    if (rows.length === 0) return '';
    const table = asBudgetTable(rows);
    if (table) {
      tables.push(table);
      return `<div data-budget-table="${firstNumber + tables.length - 1}"></div>`;
    }
    return rows.map((r) => `<p>${r.filter(Boolean).map(escapeHtml).join(' – ')}</p>`).join('\n');
  });
  return { html: out, tables };
}

/** A field's HTML for an item: its tables taken out (numbered after the item's tables so far), then cleaned. */
export function itemHtml(item: ImportedItem, raw: string): string | null {
  const { html, tables } = extractTables(raw, item.tables.length + 1);
  item.tables.push(...tables);
  return cleanHtml(html);
}
