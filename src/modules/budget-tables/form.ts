import type { ZodErrorMap } from 'zod';
import { formatNumber } from '../../i18n/format';
import type { FieldError } from '../../web/forms';
import { fieldId } from '../../web/forms';
import { computeGrid, type ColumnForm, type RowForm, type TableForm } from './grid';
import { decimalsNeeded, parseDanishNumber } from './number-input';
import { budgetTableSchema, type BudgetTable } from './schema';

/**
 * The table editor's form: reading the flat form body (inputs are named after the
 * schema's paths, "rows.2.values.3", so a zod issue points straight at its input),
 * the grid buttons ("Tilføj række" …), the strict reading into a BudgetTable, and
 * the view model of the grid.
 */
export const MAX_COLUMNS = 20;
export const MAX_ROWS = 200;

export interface TableFormValues extends TableForm {
  /** The item's version the form was based on (tables are part of the item) */
  version: string;
  changeNote: string;
}

export type GridAction =
  | { kind: 'save' }
  | { kind: 'addRow' }
  | { kind: 'addColumn' }
  | { kind: 'removeRow'; index: number }
  | { kind: 'removeColumn'; index: number };

type Body = Record<string, unknown>;

function text(body: Body, key: string, shapeErrors: FieldError[]): string {
  const value = body[key];
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  shapeErrors.push({ field: key, message: 'Feltet blev sendt i en form, der ikke kan læses. Indlæs siden igen, og prøv igen' });
  return '';
}

/** How many indexed groups ("rows.N.…") the body holds: one past the highest index. */
function countOf(body: Body, prefix: string): number {
  let count = 0;
  const re = new RegExp(`^${prefix}\\.(\\d{1,6})\\.`);
  for (const key of Object.keys(body)) {
    const m = re.exec(key);
    if (m) count = Math.max(count, Number(m[1]) + 1);
  }
  return count;
}

/**
 * Reads the grid from a form body, leniently: whatever was typed comes back as typed.
 * Fields of the wrong shape (a list where one value belongs, too many rows) are
 * reported as errors instead of throwing, so a tampered form gives 422, never 500.
 */
export function readTableForm(raw: unknown): { values: TableFormValues; shapeErrors: FieldError[] } {
  const body: Body = raw && typeof raw === 'object' ? (raw as Body) : {};
  const shapeErrors: FieldError[] = [];
  const t = (key: string) => text(body, key, shapeErrors);
  let width = countOf(body, 'columns');
  let height = countOf(body, 'rows');
  if (width > MAX_COLUMNS) {
    shapeErrors.push({ field: 'columns', message: `Tabellen kan højst have ${MAX_COLUMNS} kolonner` });
    width = MAX_COLUMNS;
  }
  if (height > MAX_ROWS) {
    shapeErrors.push({ field: 'rows', message: `Tabellen kan højst have ${MAX_ROWS} rækker` });
    height = MAX_ROWS;
  }
  const values = (prefix: string) => Array.from({ length: width }, (_, i) => t(`${prefix}.values.${i}`));
  const columns: ColumnForm[] = Array.from({ length: width }, (_, i) => ({
    label: t(`columns.${i}.label`),
    number: t(`columns.${i}.number`),
    formula: t(`columns.${i}.formula`),
    decimals: t(`columns.${i}.decimals`),
    signNote: t(`columns.${i}.signNote`) !== '',
  }));
  const rows: RowForm[] = Array.from({ length: height }, (_, j) => ({
    code: t(`rows.${j}.code`),
    label: t(`rows.${j}.label`),
    kind: t(`rows.${j}.kind`) === 'heading' ? 'heading' : 'data',
    values: values(`rows.${j}`),
    key: t(`rows.${j}.key`),
    formula: t(`rows.${j}.formula`),
  }));
  return {
    values: {
      title: t('title'),
      stubHeader: t('stubHeader'),
      unit: t('unit'),
      columns,
      rows,
      hasTotal: t('hasTotal') !== '',
      totalLabel: t('total.label'),
      totalValues: values('total'),
      footnotes: t('footnotes'),
      version: t('version'),
      changeNote: t('changeNote'),
    },
    shapeErrors,
  };
}

export function readAction(raw: unknown): GridAction {
  const action = raw && typeof raw === 'object' ? (raw as Body).action : undefined;
  if (action === 'addRow' || action === 'addColumn') return { kind: action };
  const m = typeof action === 'string' ? /^(removeRow|removeColumn)\.(\d{1,3})$/.exec(action) : null;
  if (m) return { kind: m[1] as 'removeRow' | 'removeColumn', index: Number(m[2]) };
  return { kind: 'save' };
}

/** A new table: two numbered columns, two empty rows and an I alt row. */
export function emptyTableForm(version: number): TableFormValues {
  return {
    title: '',
    stubHeader: '',
    unit: '1.000 kr.',
    columns: [1, 2].map((n) => ({ label: '', number: String(n), formula: '', decimals: '', signNote: false })),
    rows: [0, 1].map(() => emptyRow(2)),
    hasTotal: true,
    totalLabel: 'I alt',
    totalValues: ['', ''],
    footnotes: '',
    version: String(version),
    changeNote: '',
  };
}

function emptyRow(width: number): RowForm {
  return { code: '', label: '', kind: 'data', values: new Array<string>(width).fill(''), key: '', formula: '' };
}

/** Applies a grid button (nothing is saved): returns the new grid, or a message why not. */
export function applyGridAction(form: TableFormValues, action: GridAction): { values: TableFormValues; message?: string } {
  const width = form.columns.length;
  switch (action.kind) {
    case 'addRow':
      if (form.rows.length >= MAX_ROWS) return { values: form, message: `Tabellen kan højst have ${MAX_ROWS} rækker` };
      return { values: { ...form, rows: [...form.rows, emptyRow(width)] } };
    case 'addColumn': {
      if (width >= MAX_COLUMNS) return { values: form, message: `Tabellen kan højst have ${MAX_COLUMNS} kolonner` };
      const numbers = form.columns.map((c) => Number(c.number)).filter((n) => Number.isInteger(n));
      const next = numbers.length > 0 ? Math.max(...numbers) + 1 : width + 1;
      return {
        values: {
          ...form,
          columns: [...form.columns, { label: '', number: next <= 99 ? String(next) : '', formula: '', decimals: '', signNote: false }],
          rows: form.rows.map((r) => ({ ...r, values: [...r.values, ''] })),
          totalValues: [...form.totalValues, ''],
        },
      };
    }
    case 'removeRow':
      if (action.index >= form.rows.length) return { values: form };
      return { values: { ...form, rows: form.rows.filter((_, j) => j !== action.index) } };
    case 'removeColumn': {
      if (action.index >= width) return { values: form };
      if (width <= 1) return { values: form, message: 'Tabellen skal have mindst én kolonne' };
      const without = <T>(list: T[]) => list.filter((_, i) => i !== action.index);
      return {
        values: {
          ...form,
          columns: without(form.columns),
          rows: form.rows.map((r) => ({ ...r, values: without(r.values) })),
          totalValues: without(form.totalValues),
        },
      };
    }
    case 'save':
      return { values: form };
  }
}

/** "række 50.52 Tilbud til ældre pensionister", or "række 3" for a row without text yet. */
function rowName(row: RowForm, j: number): string {
  const name = [row.code.trim(), row.label.trim()].filter(Boolean).join(' ');
  return `række ${name || j + 1}`;
}

function columnName(column: ColumnForm | undefined, i: number): string {
  const label = column?.label.trim();
  return `kolonne ${label || i + 1}`;
}

const NUMBER_EXAMPLE = 'fx 1.177.788, -6.662 eller 4,600';

function isEmptyRow(row: RowForm): boolean {
  return [row.code, row.label, row.key, row.formula, ...row.values].every((v) => v.trim() === '');
}

/** The order fields appear in on the page, so the error summary follows the form. */
function fieldOrder(form: TableForm): string[] {
  const order = ['title', 'stubHeader', 'unit', 'columns'];
  form.columns.forEach((_, i) => order.push(...['label', 'number', 'formula', 'decimals'].map((f) => `columns.${i}.${f}`)));
  order.push('rows');
  form.rows.forEach((r, j) => {
    order.push(`rows.${j}.code`, `rows.${j}.label`, `rows.${j}.kind`);
    r.values.forEach((_, i) => order.push(`rows.${j}.values.${i}`));
    order.push(`rows.${j}.key`, `rows.${j}.formula`);
  });
  order.push('total.label');
  form.totalValues.forEach((_, i) => order.push(`total.values.${i}`));
  order.push('footnotes', 'changeNote', 'version');
  return order;
}

/**
 * Reads the grid strictly into a budget table: cells the Danish way (empty = no
 * number), entirely empty rows left out, then budgetTableSchema. Every problem is
 * reported on its own input, with a Danish instruction naming the cell.
 */
export function formToDefinition(form: TableForm): { ok: true; table: BudgetTable } | { ok: false; errors: FieldError[] } {
  const errors = new Map<string, string>();
  const fail = (field: string, message: string) => {
    if (!errors.has(field)) errors.set(field, message);
  };

  const columns = form.columns.map((c, i) => {
    const number = c.number.trim();
    const decimals = c.decimals.trim();
    if (number !== '' && !/^\d{1,2}$/.test(number)) fail(`columns.${i}.number`, `Skriv nummeret på ${columnName(c, i)} som et helt tal, fx 3`);
    if (decimals !== '' && !/^\d$/.test(decimals)) fail(`columns.${i}.decimals`, `Skriv antal decimaler i ${columnName(c, i)} som et helt tal fra 0 til 6`);
    return {
      label: c.label,
      number: /^\d{1,2}$/.test(number) ? Number(number) : undefined,
      formula: c.formula.trim() || undefined,
      signNote: c.signNote ? true : undefined,
      decimals: /^\d$/.test(decimals) ? Number(decimals) : undefined,
    };
  });
  const seenNumbers = new Map<number, number>();
  columns.forEach((c, i) => {
    if (c.number === undefined) return;
    if (seenNumbers.has(c.number)) fail(`columns.${i}.number`, `Kolonnenummer ${c.number} er allerede brugt af kolonne ${(seenNumbers.get(c.number) ?? 0) + 1}: giv ${columnName(form.columns[i], i)} et andet nummer`);
    else seenNumbers.set(c.number, i);
  });

  const cells = (prefix: string, raw: string[], where: (i: number) => string) =>
    raw.map((cellText, i) => {
      const parsed = parseDanishNumber(cellText);
      if (parsed.ok) return parsed.value;
      fail(`${prefix}.values.${i}`, `Skriv et tal i ${where(i)}, ${NUMBER_EXAMPLE}`);
      return null;
    });

  // Entirely empty rows are left out; originalRow maps the table's rows back to the grid's.
  const originalRow: number[] = [];
  const rows: BudgetTable['rows'] = [];
  const seenKeys = new Map<string, number>();
  form.rows.forEach((r, j) => {
    if (isEmptyRow(r)) return;
    originalRow.push(j);
    const key = r.key.trim() || undefined;
    if (key !== undefined) {
      if (seenKeys.has(key)) fail(`rows.${j}.key`, `Rækkenøglen ${key} er allerede brugt i række ${(seenKeys.get(key) ?? 0) + 1}: giv ${rowName(r, j)} en anden nøgle`);
      else seenKeys.set(key, j);
    }
    const base = { key, code: r.code.trim() || undefined, label: r.label, formula: r.formula.trim() || undefined };
    if (r.kind === 'heading') {
      const filled = r.values.findIndex((v) => v.trim() !== '');
      if (filled !== -1) fail(`rows.${j}.values.${filled}`, `En overskriftsrække har ingen tal: fjern tallene i ${rowName(r, j)}, eller vælg typen Tal`);
      rows.push({ ...base, kind: 'heading' });
    } else {
      rows.push({ ...base, values: cells(`rows.${j}`, r.values, (i) => `${rowName(r, j)}, ${columnName(form.columns[i], i)}`) });
    }
  });

  const total = form.hasTotal
    ? { label: form.totalLabel, values: cells('total', form.totalValues, (i) => `I alt-rækken, ${columnName(form.columns[i], i)}`) }
    : undefined;
  const footnotes = form.footnotes
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

  const candidate = {
    title: form.title.trim() || undefined,
    stubHeader: form.stubHeader,
    unit: form.unit,
    columns,
    rows,
    total,
    footnotes: footnotes.length > 0 ? footnotes : undefined,
  };

  /** A zod path (rows counted without the empty ones) → the input's name. */
  const toField = (path: Array<string | number>): string => {
    if (path[0] === 'rows' && typeof path[1] === 'number') return ['rows', originalRow[path[1]] ?? path[1], ...path.slice(2)].join('.');
    if (path[0] === 'footnotes') return 'footnotes';
    return path.join('.') || 'form';
  };
  const danish: ZodErrorMap = (issue) => ({ message: schemaMessage(issue.path, issue.code, form, originalRow) });
  const parsed = budgetTableSchema.safeParse(candidate, { errorMap: danish });
  if (!parsed.success) for (const issue of parsed.error.issues) fail(toField(issue.path), issue.message);

  if (errors.size > 0 || !parsed.success) {
    const order = fieldOrder(form);
    const rank = (field: string) => {
      const i = order.indexOf(field);
      return i === -1 ? order.length : i;
    };
    return {
      ok: false,
      errors: [...errors.entries()].map(([field, message]) => ({ field, message })).sort((a, b) => rank(a.field) - rank(b.field)),
    };
  }
  return { ok: true, table: parsed.data };
}

/** Danish instructions for the schema's checks that carry no message of their own. */
function schemaMessage(path: Array<string | number>, code: string, form: TableForm, originalRow: number[]): string {
  const [area, index, field] = path;
  const tooSmall = code === 'too_small';
  if (area === 'title') return 'Titlen må højst være 500 tegn';
  if (area === 'stubHeader') return 'Overskriften over rækkerne må højst være 300 tegn';
  if (area === 'unit') return tooSmall ? 'Skriv tabellens enhed, fx 1.000 kr.' : 'Enheden må højst være 50 tegn';
  if (area === 'columns' && typeof index === 'number') {
    const name = columnName(form.columns[index], index);
    if (field === 'label') return tooSmall ? `Skriv overskriften på kolonne ${index + 1}` : `Overskriften på ${name} må højst være 300 tegn`;
    if (field === 'number') return `Nummeret på ${name} skal være et helt tal fra 1 til 99`;
    if (field === 'decimals') return `Antal decimaler i ${name} skal være et helt tal fra 0 til 6`;
    return `Ret ${name}`;
  }
  if (area === 'columns') return `Tabellen skal have mellem 1 og ${MAX_COLUMNS} kolonner`;
  if (area === 'rows' && typeof index === 'number') {
    const j = originalRow[index] ?? index;
    const row = form.rows[j];
    const name = row ? rowName(row, j) : `række ${j + 1}`;
    if (field === 'key') return `Skriv rækkenøglen i ${name} med små bogstaver og tal og et bogstav først, fx r1`;
    if (field === 'code') return `Koden i ${name} må højst være 20 tegn`;
    if (field === 'label') return `Teksten i ${name} må højst være 300 tegn`;
    return `Ret ${name}`;
  }
  if (area === 'rows') return `Tabellen kan højst have ${MAX_ROWS} rækker`;
  if (area === 'total') return tooSmall ? 'Skriv teksten i I alt-rækken, fx I alt' : 'Teksten i I alt-rækken må højst være 100 tegn';
  if (area === 'footnotes') return typeof index === 'number' ? `Fodnote ${index + 1} må højst være 1.000 tegn` : 'Skriv højst 20 fodnoter';
  return 'Ret feltet';
}

/** A stored table as the grid shows it, numbers the Danish way and never rounded away. */
export function definitionToForm(table: BudgetTable, version: number): TableFormValues {
  const decimals = (i: number) => table.columns[i]?.decimals ?? 0;
  const show = (values: Array<number | null> | undefined) =>
    table.columns.map((_, i) => {
      const v = values?.[i];
      return v === null || v === undefined ? '' : formatNumber(v, Math.max(decimals(i), decimalsNeeded(v)));
    });
  return {
    title: table.title ?? '',
    stubHeader: table.stubHeader,
    unit: table.unit,
    columns: table.columns.map((c) => ({
      label: c.label,
      number: c.number === undefined ? '' : String(c.number),
      formula: c.formula ?? '',
      decimals: c.decimals === undefined ? '' : String(c.decimals),
      signNote: c.signNote ?? false,
    })),
    rows: table.rows.map((r) => ({
      code: r.code ?? '',
      label: r.label,
      kind: r.kind === 'heading' ? 'heading' : 'data',
      values: show(r.values),
      key: r.key ?? '',
      formula: r.formula ?? '',
    })),
    hasTotal: table.total !== undefined,
    totalLabel: table.total?.label ?? 'I alt',
    totalValues: show(table.total?.values),
    footnotes: (table.footnotes ?? []).join('\n'),
    version: String(version),
    changeNote: '',
  };
}

// ---------------------------------------------------------------------------
// View model of the grid

interface FieldView {
  name: string;
  id: string;
  value: string;
  error?: string;
  /** Visually hidden label, so every input in the grid has one */
  label: string;
}

interface CellView extends FieldView {
  calcId: string;
  calcText: string;
  calcHidden: boolean;
  discrepancy: boolean;
}

function field(name: string, value: string, label: string, errors: Record<string, string>): FieldView {
  return { name, id: fieldId(name), value, error: errors[name], label };
}

export interface GridView {
  columns: Array<{
    no: number;
    heading: string;
    label: FieldView;
    number: FieldView;
    formula: FieldView;
    decimals: FieldView;
    signNote: { name: string; id: string; checked: boolean; label: string };
    removeValue: string;
    removeText: string;
  }>;
  rows: Array<{
    no: number;
    code: FieldView;
    label: FieldView;
    kind: FieldView & { options: Array<{ value: string; text: string; selected: boolean }> };
    cells: CellView[];
    key: FieldView;
    formula: FieldView;
    removeValue: string;
    removeText: string;
  }>;
  total: { hasTotal: boolean; label: FieldView; cells: CellView[] };
  discrepancyCount: number;
}

function calcText(text: string | null, discrepancy: boolean): string {
  if (text === null) return '';
  return discrepancy ? `Afviger: beregnet ${text}` : `Beregnet: ${text}`;
}

/** Everything the grid template needs, every id and label worked out here. */
export function gridView(form: TableForm, errors: Record<string, string>): GridView {
  const calc = computeGrid(form);
  const columnRef = (i: number) => {
    const label = form.columns[i]?.label.trim();
    return `Kolonne ${i + 1}${label ? ` (${label})` : ''}`;
  };
  const cell = (name: string, value: string, label: string, c: { text: string | null; discrepancy: boolean } | undefined): CellView => ({
    ...field(name, value, label, errors),
    calcId: `${fieldId(name)}-calc`,
    calcText: calcText(c?.text ?? null, c?.discrepancy ?? false),
    calcHidden: (c?.text ?? null) === null,
    discrepancy: c?.discrepancy ?? false,
  });
  return {
    columns: form.columns.map((c, i) => ({
      no: i + 1,
      heading: c.label.trim() || `Kolonne ${i + 1}`,
      label: field(`columns.${i}.label`, c.label, `Kolonne ${i + 1}, overskrift`, errors),
      number: field(`columns.${i}.number`, c.number, `Kolonne ${i + 1}, nummer`, errors),
      formula: field(`columns.${i}.formula`, c.formula, `Kolonne ${i + 1}, formel`, errors),
      decimals: field(`columns.${i}.decimals`, c.decimals, `Kolonne ${i + 1}, decimaler`, errors),
      signNote: { name: `columns.${i}.signNote`, id: fieldId(`columns.${i}.signNote`), checked: c.signNote, label: `Kolonne ${i + 1}, fortegnsnote *)` },
      removeValue: `removeColumn.${i}`,
      removeText: `kolonne ${i + 1}`,
    })),
    rows: form.rows.map((r, j) => {
      const ref = r.code.trim() || r.label.trim() || String(j + 1);
      return {
        no: j + 1,
        code: field(`rows.${j}.code`, r.code, `Række ${j + 1}, kode`, errors),
        label: field(`rows.${j}.label`, r.label, `Række ${j + 1}, tekst`, errors),
        kind: {
          ...field(`rows.${j}.kind`, r.kind, `Række ${j + 1}, type`, errors),
          options: [
            { value: 'data', text: 'Tal', selected: r.kind === 'data' },
            { value: 'heading', text: 'Overskrift', selected: r.kind === 'heading' },
          ],
        },
        cells: form.columns.map((_, i) => cell(`rows.${j}.values.${i}`, r.values[i] ?? '', `${columnRef(i)}, række ${ref}`, calc.rows[j]?.[i])),
        key: field(`rows.${j}.key`, r.key, `Række ${j + 1}, nøgle`, errors),
        formula: field(`rows.${j}.formula`, r.formula, `Række ${j + 1}, rækkeformel`, errors),
        removeValue: `removeRow.${j}`,
        removeText: `række ${ref}`,
      };
    }),
    total: {
      hasTotal: form.hasTotal,
      label: field('total.label', form.totalLabel, 'I alt-rækkens tekst', errors),
      cells: form.columns.map((_, i) => cell(`total.values.${i}`, form.totalValues[i] ?? '', `${columnRef(i)}, række I alt`, calc.total?.[i])),
    },
    discrepancyCount: calc.discrepancies.length,
  };
}
