import { z } from 'zod';

const formula = z
  .string()
  .trim()
  .regex(/^\(\d+\)(\s*[+-]\s*\(\d+\))+$/, 'Formlen skal skrives som fx (3)-(2) eller (4)+(5)');

const rowFormula = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]*(\s*[+-]\s*[a-z][a-z0-9_]*)+$/, 'Rækkeformlen skal skrives som fx r1+r2');

const value = z.number().finite().nullable();

export const budgetTableSchema = z
  .object({
    title: z.string().trim().max(500).optional(),
    stubHeader: z.string().trim().max(300),
    unit: z.string().trim().min(1).max(50),
    columns: z
      .array(
        z.object({
          label: z.string().trim().min(1).max(300),
          number: z.number().int().min(1).max(99).optional(),
          formula: formula.optional(),
          signNote: z.boolean().optional(),
          decimals: z.number().int().min(0).max(6).optional(),
        }),
      )
      .min(1)
      .max(20),
    rows: z
      .array(
        z.object({
          key: z.string().trim().regex(/^[a-z][a-z0-9_]*$/).optional(),
          kind: z.enum(['data', 'heading']).optional(),
          code: z.string().trim().max(20).optional(),
          label: z.string().trim().max(300),
          values: z.array(value).optional(),
          formula: rowFormula.optional(),
        }),
      )
      .max(200),
    total: z.object({ label: z.string().trim().min(1).max(100), values: z.array(value) }).optional(),
    footnotes: z.array(z.string().trim().max(1000)).max(20).optional(),
  })
  .superRefine((table, ctx) => {
    const width = table.columns.length;
    table.rows.forEach((row, i) => {
      if (row.values && row.values.length !== width) {
        ctx.addIssue({ code: 'custom', path: ['rows', i, 'values'], message: `Rækken skal have ${width} værdier` });
      }
    });
    if (table.total && table.total.values.length !== width) {
      ctx.addIssue({ code: 'custom', path: ['total', 'values'], message: `Totalrækken skal have ${width} værdier` });
    }
    const numbers = new Set(table.columns.map((c) => c.number).filter((n) => n !== undefined));
    table.columns.forEach((column, i) => {
      for (const ref of column.formula?.match(/\d+/g) ?? []) {
        if (!numbers.has(Number(ref))) {
          ctx.addIssue({ code: 'custom', path: ['columns', i, 'formula'], message: `Kolonne (${ref}) findes ikke` });
        }
      }
    });
    const keys = new Set(table.rows.map((r) => r.key).filter(Boolean));
    table.rows.forEach((row, i) => {
      for (const ref of row.formula?.match(/[a-z][a-z0-9_]*/g) ?? []) {
        if (!keys.has(ref)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'formula'], message: `Rækken ${ref} findes ikke` });
      }
    });
  });

export type BudgetTable = z.infer<typeof budgetTableSchema>;
