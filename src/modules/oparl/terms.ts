/**
 * Danish municipal councils are elected every four years in November and sit from
 * 1 January of the following year: 2018–2021, 2022–2025, 2026–2029 … The data
 * model holds no terms, so they are derived from this fixed calendar and the
 * periods of the memberships (and the dates of the meetings) of each body.
 */
export const TERM_YEARS = 4;
/** A year in which a term starts */
export const TERM_EPOCH = 2018;

/** The first year of the term that the given year falls in. */
export function termStartYear(year: number): number {
  return year - ((((year - TERM_EPOCH) % TERM_YEARS) + TERM_YEARS) % TERM_YEARS);
}

/** SQL for termStartYear of a date expression (kept in step with the function above). */
export function termStartSql(dateExpression: string): string {
  const year = `CAST(EXTRACT(YEAR FROM ${dateExpression}) AS integer)`;
  return `(${year} - (((${year} - ${TERM_EPOCH}) % ${TERM_YEARS}) + ${TERM_YEARS}) % ${TERM_YEARS})`;
}

export interface Term {
  startYear: number;
  name: string;
  startDate: string;
  endDate: string;
}

export function term(startYear: number): Term {
  const endYear = startYear + TERM_YEARS - 1;
  return { startYear, name: `Valgperiode ${startYear}–${endYear}`, startDate: `${startYear}-01-01`, endDate: `${endYear}-12-31` };
}
