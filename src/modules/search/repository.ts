import type { Db } from '../../db/knex';
import type { DocumentType } from './schema';
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from './snippet';

/**
 * Reads of the public search index (search_documents, kept by the triggers of
 * migrations/20261126160300_maintain_search_documents.ts). Every query here reads
 * only that table for content: it never holds a closed item, an unpublished
 * agenda or unpublished decisions, so nothing else needs filtering.
 */

export interface SearchFilters {
  committeeSlug?: string;
  year?: number;
  type?: DocumentType;
}

/** How the typed text becomes a tsquery (Danish stemming throughout). */
export type MatchMode =
  /** As typed: words AND-ed, "phrases", or, -not (websearch_to_tsquery never fails on odd input) */
  | { kind: 'typed'; text: string }
  /** Every one of these words (suggested spellings) */
  | { kind: 'all'; words: string[] }
  /** Any one of these words */
  | { kind: 'any'; words: string[] };

export interface HitRow {
  itemId: number;
  number: number;
  title: string;
  meetingSlug: string;
  startsAt: Date;
  committeeName: string;
  /** The committee's municipality, and whether it is the site's own (others are named in results) */
  bodyName: string;
  bodyIsPrimary: boolean;
  /** The hit is in published minutes (decisions included), not only an agenda */
  minutes: boolean;
  /** ts_headline with HIGHLIGHT_START/STOP around the matches, or the plain start of the text */
  snippet: string;
}

export interface HitPage {
  total: number;
  hits: HitRow[];
}

const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

function tsquery(mode: MatchMode): { sql: string; bindings: string[] } {
  if (mode.kind === 'typed') return { sql: "websearch_to_tsquery('danish', ?)", bindings: [mode.text] };
  // Suggested words are letters only (src/modules/search/service.ts), so 'or' between them is the operator.
  return { sql: "websearch_to_tsquery('danish', ?)", bindings: [mode.words.join(mode.kind === 'all' ? ' ' : ' or ')] };
}

function filterSql(filters: SearchFilters): { sql: string; bindings: Array<string | number> } {
  const parts: string[] = [];
  const bindings: Array<string | number> = [];
  if (filters.committeeSlug !== undefined) {
    parts.push('c.slug = ?');
    bindings.push(filters.committeeSlug);
  }
  if (filters.year !== undefined) {
    // Copenhagen's calendar year, as a range the index on starts_at can use.
    parts.push("m.starts_at >= make_timestamptz(?::int, 1, 1, 0, 0, 0, 'Europe/Copenhagen') AND m.starts_at < make_timestamptz(?::int + 1, 1, 1, 0, 0, 0, 'Europe/Copenhagen')");
    bindings.push(filters.year, filters.year);
  }
  if (filters.type !== undefined) parts.push(filters.type === 'referat' ? 'd.minutes' : 'NOT d.minutes');
  return { sql: parts.map((p) => ` AND ${p}`).join(''), bindings };
}

const HIT_COLUMNS = `p.item_id AS "itemId", i.number, d.title, m.slug AS "meetingSlug", m.starts_at AS "startsAt", c.name AS "committeeName",
  b.name AS "bodyName", b.is_primary AS "bodyIsPrimary", d.minutes, p.rank`;

interface PageRow extends Omit<HitRow, 'snippet'> {
  total: number;
  itemId: number;
  snippet: string | null;
}

function toPage(rows: PageRow[]): HitPage {
  const total = rows[0]?.total ?? 0;
  const hits = rows.filter((r) => r.itemId !== null).map(({ total: _t, ...r }) => ({ ...r, snippet: r.snippet ?? '' }));
  return { total, hits };
}

/** Full-text hits in rank order (then newest meeting first), one page of them, with highlighted snippets. */
export async function fullTextSearch(db: Db, mode: MatchMode, filters: SearchFilters, page: { limit: number; offset: number }): Promise<HitPage> {
  const q = tsquery(mode);
  const f = filterSql(filters);
  const result = await db.raw<{ rows: PageRow[] }>(
    `WITH query AS (SELECT ${q.sql} AS tsq),
     hits AS (
       SELECT d.item_id, ts_rank(d.tsv, query.tsq, 1) AS rank, m.starts_at
         FROM search_documents d
         JOIN meetings m ON m.id = d.meeting_id
         JOIN committees c ON c.id = m.committee_id
         CROSS JOIN query
        WHERE d.tsv @@ query.tsq${f.sql}
     ),
     page AS (SELECT * FROM hits ORDER BY rank DESC, starts_at DESC, item_id LIMIT ? OFFSET ?)
     SELECT t.total, p.* FROM (SELECT count(*)::int AS total FROM hits) t
     LEFT JOIN LATERAL (
       SELECT ${HIT_COLUMNS},
              -- The snippet comes from the item's own text unless only its attachments match
              -- (their first part: ts_headline reads all it is given, and files can be long).
              ts_headline('danish',
                CASE WHEN d.attachments = '' OR ts_filter(d.tsv, '{a,b,c}') @@ query.tsq THEN d.body ELSE left(d.attachments, 100000) END,
                query.tsq, ?) AS snippet
         FROM page p
         JOIN search_documents d ON d.item_id = p.item_id
         JOIN agenda_items i ON i.id = p.item_id
         JOIN meetings m ON m.id = d.meeting_id
         JOIN committees c ON c.id = m.committee_id
         JOIN bodies b ON b.id = c.body_id
         CROSS JOIN query
     ) p ON true
     ORDER BY p.rank DESC, p."startsAt" DESC, p."itemId"`,
    [...q.bindings, ...f.bindings, page.limit, page.offset, HEADLINE_OPTIONS],
  );
  return toPage(result.rows);
}

/** Items whose title resembles the text (trigram word similarity), for when no word matched at all. */
export async function similarTitles(db: Db, text: string, filters: SearchFilters, page: { limit: number; offset: number }): Promise<HitPage> {
  const f = filterSql(filters);
  const result = await db.raw<{ rows: PageRow[] }>(
    `WITH hits AS (
       SELECT d.item_id, word_similarity(lower(?), lower(d.title)) AS rank, m.starts_at
         FROM search_documents d
         JOIN meetings m ON m.id = d.meeting_id
         JOIN committees c ON c.id = m.committee_id
        WHERE lower(?) <% lower(d.title)${f.sql}
     ),
     page AS (SELECT * FROM hits ORDER BY rank DESC, starts_at DESC, item_id LIMIT ? OFFSET ?)
     SELECT t.total, p.* FROM (SELECT count(*)::int AS total FROM hits) t
     LEFT JOIN LATERAL (
       SELECT ${HIT_COLUMNS}, left(d.body, 400) AS snippet
         FROM page p
         JOIN search_documents d ON d.item_id = p.item_id
         JOIN agenda_items i ON i.id = p.item_id
         JOIN meetings m ON m.id = d.meeting_id
         JOIN committees c ON c.id = m.committee_id
         JOIN bodies b ON b.id = c.body_id
     ) p ON true
     ORDER BY p.rank DESC, p."startsAt" DESC, p."itemId"`,
    [text, text, ...f.bindings, page.limit, page.offset],
  );
  return toPage(result.rows);
}

/**
 * For each term, the most similar word (trigram similarity) that occurs in a public
 * document now; null when none is similar enough. search_words only grows, so the
 * check against search_documents is what keeps words of closed or withdrawn items out.
 */
export async function closestWords(db: Db, terms: string[]): Promise<Array<{ term: string; word: string | null }>> {
  if (terms.length === 0) return [];
  const result = await db.raw<{ rows: Array<{ term: string; word: string | null }> }>(
    `SELECT t.term, s.word
       FROM unnest(?::text[]) WITH ORDINALITY AS t(term, n)
       LEFT JOIN LATERAL (
         SELECT w.word FROM search_words w
          WHERE w.word % t.term
            AND EXISTS (SELECT 1 FROM search_documents d WHERE d.words @> ARRAY[w.word])
          ORDER BY similarity(w.word, t.term) DESC, w.word
          LIMIT 1
       ) s ON true
      ORDER BY t.n`,
    [terms],
  );
  return result.rows;
}

/** The years that have searchable meetings, newest first, for the year filter. */
export async function searchableYears(db: Db): Promise<number[]> {
  const result = await db.raw<{ rows: Array<{ year: number }> }>(
    `SELECT DISTINCT EXTRACT(YEAR FROM m.starts_at AT TIME ZONE 'Europe/Copenhagen')::int AS year
       FROM search_documents d JOIN meetings m ON m.id = d.meeting_id
      ORDER BY year DESC`,
  );
  return result.rows.map((r) => r.year);
}
