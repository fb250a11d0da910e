/**
 * Ballerup's URL scheme: lower case, æ→ae, ø→oe, å→aa, other letters stripped of
 * accents, everything else collapsed to single hyphens.
 * "Social- og Sundhedsudvalget" → "social-og-sundhedsudvalget"; "Økonomiudvalget" → "oekonomiudvalget".
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
