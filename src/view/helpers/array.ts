/** {{array a b c}}: a list built in a template (for select options). The last argument is Handlebars' options. */
export function array(...args: unknown[]): unknown[] {
  return args.slice(0, -1);
}
