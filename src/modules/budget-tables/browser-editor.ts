/**
 * Browser script of the budget-table editor (bundled by editor-script.ts): recomputes
 * formula cells and totals on every input with the very computeBudgetTable() the
 * server and the public pages use, shows each computed value under its cell and
 * marks a cell whose stated number disagrees. The form works without it.
 *
 * The project compiles without the DOM library, so the few DOM members used are
 * declared here, for this file only.
 */
import { computeGrid, type CalcCell, type TableForm } from './grid';

interface El {
  readonly classList: { toggle(token: string, force?: boolean): boolean };
  textContent: string | null;
  hidden: boolean;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  closest(selector: string): El | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  addEventListener(type: string, listener: () => void): void;
}

interface FieldEl extends El {
  value: string;
  checked: boolean;
}

declare const document: { querySelectorAll(selector: string): ArrayLike<El> };

function editor(form: El): void {
  const input = (name: string) => form.querySelector(`[name="${name}"]`) as FieldEl | null;
  const value = (name: string) => input(name)?.value ?? '';

  function read(): TableForm {
    const width = form.querySelectorAll('[data-column]').length;
    const height = form.querySelectorAll('[data-row]').length;
    const values = (prefix: string) => Array.from({ length: width }, (_, i) => value(`${prefix}.values.${i}`));
    return {
      title: value('title'),
      stubHeader: value('stubHeader'),
      unit: value('unit'),
      columns: Array.from({ length: width }, (_, i) => ({
        label: value(`columns.${i}.label`),
        number: value(`columns.${i}.number`),
        formula: value(`columns.${i}.formula`),
        decimals: value(`columns.${i}.decimals`),
        signNote: input(`columns.${i}.signNote`)?.checked ?? false,
      })),
      rows: Array.from({ length: height }, (_, j) => ({
        code: value(`rows.${j}.code`),
        label: value(`rows.${j}.label`),
        kind: value(`rows.${j}.kind`) === 'heading' ? 'heading' : 'data',
        values: values(`rows.${j}`),
        key: value(`rows.${j}.key`),
        formula: value(`rows.${j}.formula`),
      })),
      hasTotal: input('hasTotal')?.checked ?? false,
      totalLabel: value('total.label'),
      totalValues: values('total'),
      footnotes: '',
    };
  }

  function show(name: string, cell: CalcCell | undefined): void {
    const out = form.querySelector(`[data-calc-for="${name}"]`);
    if (!out) return;
    const text = cell?.text ?? null;
    out.textContent = text === null ? '' : cell?.discrepancy ? `Afviger: beregnet ${text}` : `Beregnet: ${text}`;
    out.hidden = text === null;
    // The server's own error on the cell (a number it could not read) stays marked.
    const group = out.closest('[data-cell]');
    group?.classList.toggle('form-error', (cell?.discrepancy ?? false) || (group?.hasAttribute('data-server-error') ?? false));
  }

  const status = form.querySelector('[data-calc-status]');
  function update(): void {
    const table = read();
    const calc = computeGrid(table);
    table.rows.forEach((row, j) => row.values.forEach((_, i) => show(`rows.${j}.values.${i}`, calc.rows[j]?.[i])));
    table.totalValues.forEach((_, i) => show(`total.values.${i}`, calc.total?.[i]));
    if (status) {
      const n = calc.discrepancies.length;
      const text = n === 0 ? 'Alle beregnede tal stemmer med de angivne.' : `${n} tal afviger fra det beregnede.`;
      // Only a changed count is announced, not every keystroke.
      if (status.textContent !== text) status.textContent = text;
    }
  }

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
}

const forms = document.querySelectorAll('form[data-budget-table-editor]');
for (let i = 0; i < forms.length; i++) {
  const form = forms[i];
  if (form) editor(form);
}
