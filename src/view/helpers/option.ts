/** {{option "value" "Text"}}: one select option. */
export function option(value: unknown, text: unknown): { value: string; text: string } {
  return { value: String(value), text: String(text) };
}
