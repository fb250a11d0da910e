/**
 * Punkt 2's budget table of seed 003 as a secretary types it into the table editor's
 * form (with and without thousands dots, one value with a Unicode minus).
 */
export const COLUMNS: Array<[label: string, number: string, formula: string, signNote: boolean]> = [
  ['Vedtaget budget 2020', '1', '', false],
  ['Korrigeret budget 2020', '2', '', false],
  ['Regnskab 2020', '3', '', false],
  ['Resultat 2020 før overførsler', '4', '(3)-(2)', true],
  ['Overført til budget 2021', '5', '', false],
  ['Resultat 2020 efter overførsler', '6', '(4)+(5)', true],
];

// Typed as a secretary types them: with and without thousands dots, one with a Unicode minus.
export const ROWS: Array<[code: string, label: string, values: string[]]> = [
  ['50.52', 'Tilbud til ældre pensionister', ['486.492', '492.157', '483.160', '\u22128.999', '10.402', '1.403']],
  ['50.54', 'Tilbud til voksne med særlige behov', ['311681', '316.716', '320.517', '3.806', '469', '4.270']],
  ['50.56', 'Sundhed og forebyggelse', ['315.724', '316.986', '317.914', '928', '592', '1.520']],
  ['50.58', 'Boligstøtte', ['63.891', '65.788', '63.396', '-2.392', '0', '-2.392']],
];
export const TOTAL = ['1.177.788', '1.191.649', '1.184.987', '-6.662', '11.463', '4.801'];
export const FOOTNOTES = '*) + = merforbrug\n- = mindreforbrug\nNote: Korrigeret budget 2020 svarer til budget pr. 30. november 2020 (tredje budgetopfølgning).';

export function seedFields(version: string, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const fields: Record<string, string> = { version, action: 'save', title: '', stubHeader: 'Bevillingsramme', unit: '1.000 kr.', hasTotal: 'on', 'total.label': 'I alt', footnotes: FOOTNOTES };
  COLUMNS.forEach(([label, number, formula, signNote], i) => {
    Object.assign(fields, { [`columns.${i}.label`]: label, [`columns.${i}.number`]: number, [`columns.${i}.formula`]: formula, [`columns.${i}.decimals`]: '' });
    if (signNote) fields[`columns.${i}.signNote`] = 'on';
    fields[`total.values.${i}`] = TOTAL[i] ?? '';
  });
  ROWS.forEach(([code, label, values], j) => {
    Object.assign(fields, { [`rows.${j}.code`]: code, [`rows.${j}.label`]: label, [`rows.${j}.kind`]: 'data', [`rows.${j}.key`]: '', [`rows.${j}.formula`]: '' });
    values.forEach((v, i) => (fields[`rows.${j}.values.${i}`] = v));
  });
  return { ...fields, ...overrides };
}

