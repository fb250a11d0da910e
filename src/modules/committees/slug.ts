import { slugify } from '../../lib/slug';

/**
 * The primary body's committees keep the plain slug (social-og-sundhedsudvalget);
 * another body's committee whose plain slug is taken gets its body's slug appended
 * (social-og-sundhedsudvalget-albertslund).
 */
export function committeeSlug(name: string, body: { slug: string; isPrimary: boolean }, taken: (slug: string) => boolean): string {
  const plain = slugify(name);
  if (body.isPrimary || !taken(plain)) return plain;
  return `${plain}-${body.slug}`;
}
