import { susItems1to8 } from '../../seeds/demo/sus-2021-04-06-items-1-8';
import { susItems9to17 } from '../../seeds/demo/sus-2021-04-06-items-9-17';
import { computeBudgetTable } from '../../src/modules/budget-tables/compute';
import { presentBudgetTable } from '../../src/modules/budget-tables/presenter';
import { budgetTableSchema, type BudgetTable } from '../../src/modules/budget-tables/schema';
import { formatNumber } from '../../src/i18n/format';

const seedTables = [...susItems1to8, ...susItems9to17].flatMap((item) =>
  (item.tables ?? []).map((table, i) => ({ name: `punkt ${item.number} tabel ${i + 1}`, table: budgetTableSchema.parse(table) })),
);

describe('budget tables of seed 003', () => {
  it('are the four tables of punkt 2, 3 and 4', () => {
    expect(seedTables.map((t) => t.name)).toEqual(['punkt 2 tabel 1', 'punkt 3 tabel 1', 'punkt 3 tabel 2', 'punkt 4 tabel 1']);
  });

  it.each(seedTables)('$name: every computed total and formula row agrees with the printed number within rounding', ({ table }) => {
    const computed = computeBudgetTable(table);
    const totals = computed.rows.filter((r) => r.kind === 'total' || r.cells.some((c) => c.computed !== null));
    for (const row of totals) {
      for (const cell of row.cells) {
        if (cell.stated !== null && cell.computed !== null && row.kind === 'total') {
          expect(Math.abs(cell.stated - cell.computed)).toBeLessThanOrEqual(2.5);
        }
      }
    }
  });

  it('punkt 2: the I alt row comes out exactly as printed, and is computed, not copied', () => {
    const table = seedTables[0]?.table as BudgetTable;
    const view = presentBudgetTable(table);
    expect(view.rows.at(-1)?.cells).toEqual(['1.177.788', '1.191.649', '1.184.987', '-6.662', '11.463', '4.801']);
    // Without the printed totals the renderer computes them from the rows and formulas.
    const unstated = { ...table, total: { label: 'I alt', values: table.columns.map(() => null) } };
    const computed = computeBudgetTable(unstated).rows.at(-1)?.cells.map((c) => c.value);
    // Column (2) sums to 1.191.647 from the rounded rows; the document prints 1.191.649 from unrounded figures.
    expect(computed).toEqual([1177788, 1191647, 1184987, -6660, 11463, 4803]);
  });

  it('punkt 2: flags exactly the cells where the printed document disagrees with its own formulas', () => {
    const table = seedTables[0]?.table as BudgetTable;
    expect(computeBudgetTable(table).discrepancies).toEqual([
      { row: '50.52 Tilbud til ældre pensionister', column: 'Resultat 2020 før overførsler', stated: -8999, computed: -8997 },
      { row: '50.54 Tilbud til voksne med særlige behov', column: 'Resultat 2020 før overførsler', stated: 3806, computed: 3801 },
      { row: '50.54 Tilbud til voksne med særlige behov', column: 'Resultat 2020 efter overførsler', stated: 4270, computed: 4275 },
    ]);
  });

  it('punkt 3 tabel 1: the (2)+(3)+(4)+(5)=(6) column and the I alt row agree with the document', () => {
    const view = presentBudgetTable(seedTables[1]?.table as BudgetTable);
    expect(view.discrepancies).toEqual([]);
    expect(view.columns.at(-1)?.numberLabel).toBe('(2)+(3)+(4)+(5)=(6)');
    expect(view.rows.at(-1)?.cells).toEqual(['1.189.524', '1.189.841', '10.525', '-83', '1.032', '1.201.315']);
  });

  it('punkt 3 tabel 2: the "Forslag til nyt budget" row is the sum of the two rows above it', () => {
    const table = seedTables[2]?.table as BudgetTable;
    const computed = computeBudgetTable(table);
    expect(computed.discrepancies).toEqual([]);
    const proposal = computed.rows.find((r) => r.label.startsWith('Forslag til nyt budget'));
    expect(proposal?.cells.map((c) => c.computed)).toEqual([1201315, 1208461, 1212349, 1218879, 1218879]);
    expect(proposal?.cells.map((c) => formatNumber(c.value ?? 0))).toEqual(['1.201.315', '1.208.461', '1.212.348', '1.218.879', '1.218.879']);
  });

  it('punkt 4: amounts printed with three decimals and an empty 2022 column', () => {
    const view = presentBudgetTable(seedTables[3]?.table as BudgetTable);
    expect(view.rows.map((r) => r.cells)).toEqual([
      ['4,600', ''],
      ['1,000', ''],
      ['1,474', ''],
      ['0,277', ''],
    ]);
  });
});

describe('budget table checks', () => {
  const base: BudgetTable = {
    stubHeader: 'Ramme',
    unit: '1.000 kr.',
    columns: [
      { label: 'Budget', number: 1 },
      { label: 'Regnskab', number: 2 },
      { label: 'Afvigelse', number: 3, formula: '(2)-(1)' },
    ],
    rows: [
      { label: 'A', values: [100, 120, null] },
      { label: 'B', values: [50, 40, null] },
    ],
    total: { label: 'I alt', values: [null, null, null] },
  };

  it('computes formula cells and totals where nothing is stated', () => {
    const view = presentBudgetTable(base);
    expect(view.rows.map((r) => r.cells)).toEqual([
      ['100', '120', '20'],
      ['50', '40', '-10'],
      ['150', '160', '10'],
    ]);
    expect(view.discrepancies).toEqual([]);
  });

  it('flags a stated number that disagrees with its formula beyond rounding, and keeps what was stated', () => {
    const table = { ...base, rows: [{ label: 'A', values: [100, 120, 25] }, ...base.rows.slice(1)] };
    const view = presentBudgetTable(table);
    expect(view.rows[0]?.cells[2]).toBe('25');
    expect(view.discrepancies).toEqual([{ row: 'A', column: 'Afvigelse', stated: 25, computed: 20 }]);
  });

  it('refuses formulas that refer to columns that do not exist, with a Danish message', () => {
    const bad = { ...base, columns: [...base.columns.slice(0, 2), { label: 'X', number: 3, formula: '(2)-(9)' }] };
    const result = budgetTableSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Kolonne (9) findes ikke');
  });

  it('refuses rows with the wrong number of values', () => {
    const bad = { ...base, rows: [{ label: 'A', values: [1, 2] }] };
    expect(budgetTableSchema.safeParse(bad).success).toBe(false);
  });
});
