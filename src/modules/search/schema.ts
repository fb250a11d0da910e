import { z } from 'zod';

/** Longest search a citizen may type (after tidying); longer is refused with a message, never cut silently. */
export const MAX_QUERY_LENGTH = 200;
export const PAGE_SIZE = 20;
/** Pages beyond this are refused: nobody reads 20.000 hits, and deep OFFSETs cost the database. */
export const MAX_PAGE = 1000;

export const DOCUMENT_TYPES = ['dagsorden', 'referat'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * What the database gets of a typed search: Unicode-normalised, without control,
 * format, private-use (our highlight markers), unassigned or lone surrogate code
 * points, whitespace collapsed.
 */
export function normalizeQuery(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const messages = {
  q: 'Skriv dine søgeord i ét søgefelt',
  qTooLong: `Skriv en kortere søgning – højst ${MAX_QUERY_LENGTH} tegn`,
  udvalg: 'Vælg et udvalg fra listen',
  aar: 'Vælg et år fra listen',
  type: 'Vælg dagsordener, referater eller begge',
  side: 'Vælg en side fra sidevisningen under resultaterne',
} as const;

/** An optional single query-string value: absent and '' both mean "not given". */
const optionalText = (message: string) =>
  z
    .string({ invalid_type_error: message })
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

export const searchParamsSchema = z.object({
  q: z
    .string({ invalid_type_error: messages.q })
    .optional()
    .transform((v) => normalizeQuery(v ?? ''))
    .pipe(z.string().max(MAX_QUERY_LENGTH, messages.qTooLong)),
  udvalg: optionalText(messages.udvalg).pipe(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, messages.udvalg).max(200, messages.udvalg).optional()),
  aar: optionalText(messages.aar).pipe(
    z
      .string()
      .regex(/^\d{4}$/, messages.aar)
      .transform(Number)
      .pipe(z.number().int().min(1900, messages.aar).max(2200, messages.aar))
      .optional(),
  ),
  type: optionalText(messages.type).pipe(z.enum(DOCUMENT_TYPES, { errorMap: () => ({ message: messages.type }) }).optional()),
  side: optionalText(messages.side).pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, messages.side)
      .transform(Number)
      .pipe(z.number().int().min(1, messages.side).max(MAX_PAGE, messages.side))
      .optional(),
  ),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

/** The search form's fields as typed (strings only), to show them again after an error. */
export function formValues(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (query && typeof query === 'object') {
    for (const key of ['q', 'udvalg', 'aar', 'type']) {
      const value = (query as Record<string, unknown>)[key];
      if (typeof value === 'string') out[key] = key === 'q' ? normalizeQuery(value).slice(0, 1000) : value.slice(0, 200);
    }
  }
  return out;
}
