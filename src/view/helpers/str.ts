/** {{str value}}: compares ids from the database with values from forms as strings. */
export function str(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
