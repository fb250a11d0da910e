/** {{#if (or a b)}}: Handlebars passes its options object last, which is not an operand. */
export function or(...args: unknown[]): boolean {
  return args.slice(0, -1).some(Boolean);
}
