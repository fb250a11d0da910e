/** {{plural count "møde" "møder"}} → "1 møde", "5 møder" */
export function plural(count: unknown, one: unknown, many: unknown): string {
  const n = Number(count);
  return `${n} ${n === 1 ? String(one) : String(many)}`;
}
