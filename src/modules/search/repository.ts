import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import type { DocumentType } from './schema';
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from './snippet';
import { matchCondition, parseTsquery, positiveLexemes, positivePhrasePairs, quoteLexeme } from './tsquery';

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
  /** Matches, counted up to MAX_COUNT; with `more`, there are more than that */
  total: number;
  more: boolean;
  hits: HitRow[];
}

/** Matches are counted this far: counting every match of a common word costs more than the rest of the search. */
const MAX_COUNT = 1000;
/** Up to this many matches, all of them are ranked. */
const RANK_ALL = 200;
/** Beyond that, the candidates ranked: the best title matches… */
const TITLE_CANDIDATES = 100;
/** …and, when the titles give fewer than this, also the newest matches. */
const RECENT_CANDIDATES = 200;
const TITLE_ENOUGH = 40;

const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The search's statements are prepared: each connection parses and plans a statement's
 * text once and then only binds its values (a search's large queries spent about a
 * millisecond each being parsed and planned). A statement's name is its text's hash.
 * Statements stay prepared for the connection's life, and a search's text varies with
 * the shape of what is typed (phrases, filters): only the first PREPARED_TEXTS texts
 * are prepared, the others run as before, so no input can grow a connection's memory.
 * A phrase's statement is not prepared at all (fullTextSearch says why).
 */
const PREPARED_TEXTS = 64;
const preparedNames = new Map<string, string>();

/** `trx.raw(sql, bindings)` as a prepared statement, while there is room for its text; unprepared (planned for its values every time) without `prepare`. */
function preparedRaw<T>(trx: Knex.Transaction, sql: string, bindings: readonly Knex.RawBinding[], prepare = true): Knex.Raw<T> {
  const raw = trx.raw<T>(sql, bindings);
  if (!prepare) return raw;
  let name = preparedNames.get(sql);
  if (name === undefined && preparedNames.size < PREPARED_TEXTS) {
    name = `search_${createHash('sha256').update(sql).digest('hex').slice(0, 32)}`;
    preparedNames.set(sql, name);
  }
  return name === undefined ? raw : raw.options({ name });
}

/** The text websearch_to_tsquery reads for a match mode. */
function queryText(mode: MatchMode): string {
  if (mode.kind === 'typed') return mode.text;
  // Suggested words are letters only (src/modules/search/service.ts), so 'or' between them is the operator.
  return mode.words.join(mode.kind === 'all' ? ' ' : ' or ');
}

/** Conditions on search_documents d alone: its row has the meeting's committee and time (no join, no index on them). */
function filterSql(filters: SearchFilters): { sql: string; bindings: Array<string | number> } {
  const parts: string[] = [];
  const bindings: Array<string | number> = [];
  if (filters.committeeSlug !== undefined) {
    parts.push('d.committee_id = (SELECT c.id FROM committees c WHERE c.slug = ?)');
    bindings.push(filters.committeeSlug);
  }
  if (filters.year !== undefined) {
    // Copenhagen's calendar year.
    parts.push("d.starts_at >= make_timestamptz(?::int, 1, 1, 0, 0, 0, 'Europe/Copenhagen') AND d.starts_at < make_timestamptz(?::int + 1, 1, 1, 0, 0, 0, 'Europe/Copenhagen')");
    bindings.push(filters.year, filters.year);
  }
  if (filters.type !== undefined) parts.push(filters.type === 'referat' ? 'd.minutes' : 'NOT d.minutes');
  return { sql: parts.map((p) => ` AND ${p}`).join(''), bindings };
}

/**
 * The reads of one search run in one transaction whose plans go through the text
 * indexes, as bitmap scans. The planner prices `tsv @@ query` on a row as cheap,
 * but it reads the row's whole vector out of line: scanning the table, or walking
 * another index (even the primary key, for its order) and checking each row,
 * reads every vector, where the text index answers from its own pages. (Starting
 * parallel workers or JIT compiling for these short queries only adds time.)
 */
const PLANNER_SETTINGS = [
  "set_config('enable_seqscan', 'off', true)",
  "set_config('enable_indexscan', 'off', true)",
  "set_config('max_parallel_workers_per_gather', '0', true)",
  "set_config('jit', 'off', true)",
].join(', ');

/**
 * A prepared statement keeps one plan for all values (generic): PostgreSQL would otherwise
 * plan the page's hits (hitRows) anew for every search, about a millisecond each. Not in
 * the transaction of a query with a phrase (`<->` or `<N>` in its tsquery): the phrase's
 * statement is planned for its pairs (fullTextSearch says why), and the setting would make
 * its plan generic too. Set with reading the query, from what it reads as (`q`).
 */
const PLAN_CACHE_MODE = "set_config('plan_cache_mode', CASE WHEN strpos(q, '<') > 0 THEN 'auto' ELSE 'force_generic_plan' END, true)";

/**
 * One search's transaction: the typed search and, when it finds nothing, the fallbacks
 * (similar words, similar titles) read in it one after another. PLANNER_SETTINGS are
 * applied by its first full-text search, in the statement that reads the query (one
 * round trip less), or by the first read that needs them.
 */
export interface SearchTransaction {
  trx: Knex.Transaction;
  settingsApplied: boolean;
}

export async function withSearchTransaction<T>(db: Db, work: (search: SearchTransaction) => Promise<T>): Promise<T> {
  return db.transaction((trx) => work({ trx, settingsApplied: false }));
}

async function applySettings(search: SearchTransaction): Promise<void> {
  if (search.settingsApplied) return;
  await search.trx.raw(`SELECT ${PLANNER_SETTINGS}`);
  search.settingsApplied = true;
}

/**
 * ts_headline parses all the text it is given (about 0,1 ms a kilobyte), so it gets
 * windows of the text around the first place of each searched word, up to
 * SNIPPET_WINDOWS of them, each SNIPPET_WINDOW characters from SNIPPET_BEFORE
 * before that place: room for its fragments of at most 35 words.
 */
const SNIPPET_WINDOW = 450;
const SNIPPET_BEFORE = 150;
const SNIPPET_WINDOWS = 3;

/** A word as a literal in a PostgreSQL regular expression. */
function regexpLiteral(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/**
 * The page's hits, in the order of `ids`: with the matches of the query
 * highlighted in the snippet, or (no query) the start of the item's text.
 */
async function hitRows(trx: Knex.Transaction, ids: number[], query: { tsquery: string; lexemes: string[]; pairs: Array<[string, string]> } | null): Promise<HitRow[]> {
  if (ids.length === 0) return [];
  const pairs = query?.pairs ?? [];
  const inPhrase = new Set(pairs.flat());
  const forms = (query?.lexemes ?? []).flatMap((stem) => [
    { stem, form: stem, inPhrase: inPhrase.has(stem) },
    { stem, form: stem.charAt(0).toLocaleUpperCase('da') + stem.slice(1), inPhrase: inPhrase.has(stem) },
  ]);
  const patterns = pairs.map(([a, b]) => `${regexpLiteral(a)}[^ ]* ${regexpLiteral(b)}`);
  // Each step materialised, so that each expression runs once a hit.
  const result = await preparedRaw<{ rows: HitRow[] }>(
    trx,
    `WITH source AS MATERIALIZED (
       -- The item's own text unless only its attachments match (then their first part),
       -- read out of line once here (|| ''), not again by each function below.
       SELECT p.n, d.item_id,
              CASE WHEN NOT ?::boolean OR d.attachments = '' OR ts_filter(d.tsv, '{a,b,c}') @@ ?::tsquery THEN d.body ELSE left(d.attachments, 100000) END || '' AS text
         FROM unnest(?::int[]) WITH ORDINALITY AS p(item_id, n)
         JOIN search_documents d ON d.item_id = p.item_id),
     measured AS MATERIALIZED (SELECT s.*, length(s.text) AS length FROM source s),
     places AS MATERIALIZED (
       -- The first place of each searched phrase (its words' stems, each followed by the rest of its word) …
       SELECT s.n, true AS phrase, false AS in_phrase, nullif(regexp_instr(s.text, p.pattern, 1, 1, 0, 'i'), 0) AS at
         FROM measured s, unnest(?::text[]) AS p(pattern)
       UNION ALL
       -- … and of each searched word: its stem in lower case or capitalised (Danish stems begin their word forms).
       SELECT s.n, false, l.in_phrase, min(nullif(strpos(s.text, l.form), 0))
         FROM measured s, unnest(?::text[], ?::text[], ?::boolean[]) AS l(stem, form, in_phrase)
        GROUP BY s.n, l.stem, l.in_phrase),
     windows AS MATERIALIZED (
       -- In text order; a place within the window before adds none. A word of a phrase found as a phrase adds none either.
       SELECT w.n, w.at, greatest(1, w.at - ${SNIPPET_BEFORE}) AS start
         FROM (SELECT p.n, p.at, lag(p.at) OVER (PARTITION BY p.n ORDER BY p.at) AS previous, row_number() OVER (PARTITION BY p.n ORDER BY p.at) AS k
                 FROM places p
                WHERE p.at IS NOT NULL AND NOT (p.in_phrase AND EXISTS (SELECT 1 FROM places q WHERE q.n = p.n AND q.phrase AND q.at IS NOT NULL))) w
        WHERE (w.previous IS NULL OR w.at >= w.previous + ${SNIPPET_WINDOW - SNIPPET_BEFORE}) AND w.k <= ${SNIPPET_WINDOWS}),
     raws AS MATERIALIZED (
       -- Each window, read from the character before it (its only white space is single spaces: search_clean_text).
       SELECT w.n, w.start, w.start + ${SNIPPET_WINDOW} <= m.length AS cut, substr(m.text, greatest(1, w.start - 1), ${SNIPPET_WINDOW} + 1) AS raw
         FROM windows w JOIN measured m ON m.n = w.n),
     heads AS MATERIALIZED (
       -- From its first whole word…
       SELECT r.n, r.start, r.cut, CASE WHEN r.start > 1 THEN substr(r.raw, strpos(r.raw, ' ') + 1) ELSE r.raw END AS part FROM raws r),
     pieces AS MATERIALIZED (
       -- …to its last whole word, unless it ends the text.
       SELECT h.n, h.start, CASE WHEN h.cut AND strpos(h.part, ' ') > 0 THEN left(h.part, length(h.part) - strpos(reverse(h.part), ' ')) ELSE h.part END AS part
         FROM heads h),
     excerpts AS MATERIALIZED (
       -- The windows in order, or the start of the text when no stem was found (a match in the title, say).
       SELECT m.n, m.item_id, coalesce((SELECT string_agg(p.part, ' … ' ORDER BY p.start) FROM pieces p WHERE p.n = m.n), left(m.text, ${SNIPPET_WINDOW})) AS text
         FROM measured m)
     SELECT d.item_id AS "itemId", d.number, d.title, m.slug AS "meetingSlug", m.starts_at AS "startsAt", c.name AS "committeeName",
            b.name AS "bodyName", b.is_primary AS "bodyIsPrimary", d.minutes,
            CASE WHEN ?::boolean THEN ts_headline('danish', e.text, ?::tsquery, ?) ELSE left(d.body, 400) END AS snippet
       FROM excerpts e
       JOIN search_documents d ON d.item_id = e.item_id
       JOIN meetings m ON m.id = d.meeting_id
       JOIN committees c ON c.id = m.committee_id
       JOIN bodies b ON b.id = c.body_id
      ORDER BY e.n`,
    [query !== null, query?.tsquery ?? '', ids, patterns, forms.map((f) => f.stem), forms.map((f) => f.form), forms.map((f) => f.inPhrase), query !== null, query?.tsquery ?? '', HEADLINE_OPTIONS],
  );
  return result.rows.map((r) => ({ ...r, snippet: r.snippet ?? '' }));
}

/**
 * Full-text hits, one page of them, with highlighted snippets. Up to RANK_ALL
 * matches are all in rank order (ts_rank, then newest meeting first). With more —
 * a common word matches most documents, and ranking reads each one's vector —
 * only candidates are ranked: the matches whose title holds a word of the search,
 * best title first, and the newest matches when titles give too few. Those come
 * first in rank order, then the other matches, newest first.
 */
export async function fullTextSearch(search: SearchTransaction, mode: MatchMode, filters: SearchFilters, page: { limit: number; offset: number }): Promise<HitPage> {
  const { trx } = search;
  // The settings in the same round trip as reading the query.
  const parsed = await preparedRaw<{ rows: Array<{ q: string }> }>(
    trx,
    `SELECT ${PLANNER_SETTINGS}, ${PLAN_CACHE_MODE}, q FROM (SELECT websearch_to_tsquery('danish', ?)::text AS q) query`,
    [queryText(mode)],
  );
  search.settingsApplied = true;
  const tsquery = parsed.rows[0]?.q ?? '';
  const tree = parseTsquery(tsquery);
  // Only stop words (or nothing): nothing matches, as `tsv @@ ''` would say.
  if (!tree) return { total: 0, more: false, hits: [] };
  const match = matchCondition(tree);
  const f = filterSql(filters);
  const where = { sql: `${match.sql}${f.sql}`, bindings: [...match.bindings, ...f.bindings] };
  // The best title matches among the matches; none for a search of only excluded words. Where the matches are
  // found by the pairs of a phrase, the title index's look-up is combined with the pairs' (a phrase of common
  // words is in few documents). Otherwise the best title matches are checked instead: the words' index would
  // give tens of thousands of documents to combine, and checking a document reads its vector out of line.
  const titleQuery = positiveLexemes(tree).map(quoteLexeme).join(' | ');
  const lookUp = match.byPairs ? { sql: ` AND ${where.sql}`, bindings: where.bindings } : f;
  const check = match.byPairs ? { sql: '', bindings: [] } : { sql: ` WHERE ${match.sql}`, bindings: match.bindings };
  const titled: { sql: string; bindings: Array<string | number> } = !titleQuery
    ? { sql: 'SELECT NULL::int AS item_id WHERE false', bindings: [] }
    : {
        sql: `SELECT d.item_id FROM (
                SELECT d.item_id, d.tsv, d.phrases FROM search_documents d
                 WHERE d.title_tsv @@ ?::tsquery${lookUp.sql} AND (SELECT n FROM total) > ${RANK_ALL}
                 ORDER BY ts_rank(d.title_tsv, ?::tsquery, 1) DESC, d.starts_at DESC, d.item_id DESC
                 LIMIT ${TITLE_CANDIDATES}) d${check.sql}`,
        bindings: [titleQuery, ...lookUp.bindings, titleQuery, ...check.bindings],
      };

  // A search for a phrase finds its matches by the pairs of its words, and PostgreSQL plans that for the pairs
  // given: prepared, from a statement's sixth run it would consider a generic plan, one for any pairs, which it
  // prices as no dearer and which reads several times as much. On the bench's 41,000 items, 16 phrase searches
  // in a row took 150-220 ms from the sixth to the ninth and about 45 ms after, against 22-38 ms each planned
  // anew (the other searches' prepared statements keep plans as good as their own: planning anew cost them time).
  const ranked = await preparedRaw<{ rows: Array<{ total: number; ranked: number[] | null; page: number[] | null }> }>(
    trx,
    `WITH total AS (SELECT count(*)::int AS n FROM (SELECT 1 FROM search_documents d WHERE ${where.sql} LIMIT ${MAX_COUNT + 1}) x),
     every_match AS (
       SELECT d.item_id FROM search_documents d WHERE ${where.sql} AND (SELECT n FROM total) <= ${RANK_ALL}),
     titled AS (${titled.sql}),
     recent AS (
       SELECT d.item_id FROM search_documents d
        WHERE ${where.sql} AND (SELECT n FROM total) > ${RANK_ALL} AND (SELECT count(*) FROM titled) < ${TITLE_ENOUGH}
        ORDER BY d.starts_at DESC, d.item_id DESC
        LIMIT ${RECENT_CANDIDATES}),
     ranked AS (
       -- The candidates as an array: one look-up each (the planner cannot know how few there are).
       SELECT d.item_id, ts_rank(d.tsv, ?::tsquery, 1) AS rank, d.starts_at
         FROM search_documents d
        WHERE d.item_id = ANY (ARRAY(SELECT item_id FROM every_match UNION ALL SELECT item_id FROM titled UNION ALL SELECT item_id FROM recent))),
     ordered AS (SELECT item_id, row_number() OVER (ORDER BY rank DESC, starts_at DESC, item_id) AS n FROM ranked)
     SELECT (SELECT n FROM total) AS total,
            (SELECT array_agg(item_id ORDER BY n) FROM ordered) AS ranked,
            (SELECT array_agg(item_id ORDER BY n) FROM ordered WHERE n > ? AND n <= ?) AS page`,
    [...where.bindings, ...where.bindings, ...titled.bindings, ...where.bindings, tsquery, page.offset, page.offset + page.limit],
    !match.byPairs,
  );
  const row = ranked.rows[0];
  const total = Math.min(row?.total ?? 0, MAX_COUNT);
  const more = (row?.total ?? 0) > MAX_COUNT;
  const candidates = row?.ranked ?? [];
  const ids = [...(row?.page ?? [])];
  // A page beyond the ranked candidates: the other matches, newest first.
  if (ids.length < page.limit && page.offset + ids.length < total && candidates.length < total) {
    const rest = await trx.raw<{ rows: Array<{ item_id: number }> }>(
      `SELECT d.item_id FROM search_documents d
        WHERE ${where.sql} AND NOT (d.item_id = ANY (?::int[]))
        ORDER BY d.starts_at DESC, d.item_id DESC
        LIMIT ? OFFSET ?`,
      [...where.bindings, candidates, page.limit - ids.length, Math.max(0, page.offset - candidates.length)],
    );
    ids.push(...rest.rows.map((r) => r.item_id));
  }
  return { total, more, hits: await hitRows(trx, ids, { tsquery, lexemes: positiveLexemes(tree), pairs: positivePhrasePairs(tree) }) };
}

/** Items whose title resembles the text (trigram word similarity), for when no word matched at all. */
export async function similarTitles(search: SearchTransaction, text: string, filters: SearchFilters, page: { limit: number; offset: number }): Promise<HitPage> {
  const f = filterSql(filters);
  await applySettings(search);
  const { trx } = search;
  const result = await trx.raw<{ rows: Array<{ total: number; page: number[] | null }> }>(
    `WITH hits AS (
       SELECT d.item_id, word_similarity(lower(?), lower(d.title)) AS rank, d.starts_at
         FROM search_documents d
        WHERE lower(?) <% lower(d.title)${f.sql}),
     ordered AS (SELECT item_id, row_number() OVER (ORDER BY rank DESC, starts_at DESC, item_id) AS n FROM hits)
     SELECT (SELECT count(*)::int FROM hits) AS total, (SELECT array_agg(item_id ORDER BY n) FROM ordered WHERE n > ? AND n <= ?) AS page`,
    [text, text, ...f.bindings, page.offset, page.offset + page.limit],
  );
  const row = result.rows[0];
  // No word matched, so nothing to highlight: the snippet is the start of the item's text.
  return { total: Math.min(row?.total ?? 0, MAX_COUNT), more: (row?.total ?? 0) > MAX_COUNT, hits: await hitRows(trx, row?.page ?? [], null) };
}

/**
 * For each term, the most similar word (trigram similarity) that occurs in a public
 * document now; null when none is similar enough. search_words only grows, so the
 * check against search_documents is what keeps words of closed or withdrawn items out.
 * The similar words are checked in order of similarity until one occurs (they are sorted
 * before the check, OFFSET 0), each first in a sample of its documents and, when the
 * sample holds none, exactly (migrations/20261202100000_search_word_in_sample.ts).
 */
export async function closestWords(search: SearchTransaction, terms: string[]): Promise<Array<{ term: string; word: string | null }>> {
  if (terms.length === 0) return [];
  // The exact check goes through the words index, as a bitmap scan.
  await applySettings(search);
  const result = await search.trx.raw<{ rows: Array<{ term: string; word: string | null }> }>(
    `SELECT t.term, s.word
       FROM unnest(?::text[]) WITH ORDINALITY AS t(term, n)
       LEFT JOIN LATERAL (
         SELECT w.word FROM (
           SELECT w.word, similarity(w.word, t.term) AS score FROM search_words w
            WHERE w.word % t.term
            ORDER BY score DESC, w.word
           OFFSET 0) w
          WHERE search_word_in_sample(w.word) OR EXISTS (SELECT 1 FROM search_documents d WHERE d.words @> ARRAY[w.word])
          ORDER BY w.score DESC, w.word
          LIMIT 1
       ) s ON true
      ORDER BY t.n`,
    [terms],
  );
  return result.rows;
}

/**
 * The years that have searchable meetings, newest first, for the year filter:
 * one probe of the year index per year (search_documents_year_index), not a scan.
 */
export async function searchableYears(db: Db): Promise<number[]> {
  const year = "EXTRACT(YEAR FROM timezone('Europe/Copenhagen', d.starts_at))::int";
  const result = await db.raw<{ rows: Array<{ year: number }> }>(
    `WITH RECURSIVE years(year) AS (
       SELECT (SELECT max(${year}) FROM search_documents d)
       UNION ALL
       SELECT (SELECT max(${year}) FROM search_documents d WHERE ${year} < y.year) FROM years y WHERE y.year IS NOT NULL
     )
     SELECT year FROM years WHERE year IS NOT NULL ORDER BY year DESC`,
  );
  return result.rows.map((r) => r.year);
}
