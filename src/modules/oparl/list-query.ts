import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/** What a list request asks for: the OParl filters, a page and its size. */
export interface ListQuery {
  createdSince?: Date;
  createdUntil?: Date;
  modifiedSince?: Date;
  modifiedUntil?: Date;
  page: number;
  limit: number;
}

// A raw "+" in a query string arrives as a space; "2014-01-01T00:00:00 01:00" is read as "+01:00".
const dateTime = z
  .string()
  .max(40)
  .transform((s) => s.trim().replace(/ (\d{2}:?\d{2})$/, '+$1'))
  .pipe(z.string().datetime({ offset: true }))
  .transform((s) => new Date(s));

const positiveInt = (max: number) => z.string().regex(/^\d{1,9}$/).transform(Number).pipe(z.number().int().min(1).max(max));

const schema = z.object({
  created_since: dateTime.optional(),
  created_until: dateTime.optional(),
  modified_since: dateTime.optional(),
  modified_until: dateTime.optional(),
  page: positiveInt(1_000_000).optional(),
  limit: positiveInt(1_000_000).optional(),
  // OParl's own name for the page size
  elementsPerPage: positiveInt(1_000_000).optional(),
});

export type ListQueryResult =
  | {
      ok: true;
      query: ListQuery;
      /** The page was asked for as `?page=` (the query-string form): the caller redirects to the page's own URL */
      pageInQuery: boolean;
    }
  | { ok: false; parameter: string };

/**
 * Parses the query string of a list; unknown parameters are ignored, a malformed filter names itself.
 * The page is part of the path ("…/page-2.json"): `page` is the page from the path, unless the
 * query string names one too.
 */
export function parseListQuery(raw: unknown, page = 1): ListQueryResult {
  const source = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  // A parameter given twice arrives as an array: take neither, call it malformed.
  const parsed = schema.safeParse(source);
  if (!parsed.success) return { ok: false, parameter: String(parsed.error.issues[0]?.path[0] ?? 'query') };
  const q = parsed.data;
  const requested = q.limit ?? q.elementsPerPage ?? DEFAULT_PAGE_SIZE;
  return {
    ok: true,
    pageInQuery: q.page !== undefined,
    query: {
      createdSince: q.created_since,
      createdUntil: q.created_until,
      modifiedSince: q.modified_since,
      modifiedUntil: q.modified_until,
      page: q.page ?? page,
      // A client may not expect the server to honour its page size (OParl 1.1, 2.5): larger requests get the maximum.
      limit: Math.min(requested, MAX_PAGE_SIZE),
    },
  };
}

/** The query string that carries the filters and the page size from page to page, in one fixed order ("" for none). */
export function listSearch(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.createdSince) params.set('created_since', query.createdSince.toISOString());
  if (query.createdUntil) params.set('created_until', query.createdUntil.toISOString());
  if (query.modifiedSince) params.set('modified_since', query.modifiedSince.toISOString());
  if (query.modifiedUntil) params.set('modified_until', query.modifiedUntil.toISOString());
  if (query.limit !== DEFAULT_PAGE_SIZE) params.set('limit', String(query.limit));
  const search = params.toString();
  return search ? `?${search}` : '';
}

export interface ListPage<T> {
  data: T[];
  pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number };
  links: { first: string; prev?: string; self: string; next?: string; last: string };
}

export function totalPagesOf(total: number, limit: number): number {
  return Math.max(1, Math.ceil(total / limit));
}

/** The page object around the data, with links (the pages' own URLs) that keep the filters and the page size. */
export function listPage<T>(data: T[], total: number, query: ListQuery, pageUrl: (page: number) => string): ListPage<T> {
  const totalPages = totalPagesOf(total, query.limit);
  const search = listSearch(query);
  const link = (page: number) => `${pageUrl(page)}${search}`;
  const links: ListPage<T>['links'] = { first: link(1), self: link(query.page), last: link(totalPages) };
  if (query.page > 1) links.prev = link(Math.min(query.page - 1, totalPages));
  if (query.page < totalPages) links.next = link(query.page + 1);
  return {
    data,
    pagination: { totalElements: total, elementsPerPage: query.limit, currentPage: query.page, totalPages },
    links,
  };
}

export function offsetOf(query: ListQuery): number {
  return (query.page - 1) * query.limit;
}
