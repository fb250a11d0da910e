import type { Knex } from 'knex';
import { Literal, query, textArray, type Connection } from './bulk';

/**
 * The search documents of generated items, written set-wise instead of through
 * search_refresh_item() (…_maintain_search_documents.ts, …_index_item_extra_sections.ts)
 * and the search_documents_derive trigger (…_search_candidate_columns.ts), which cost
 * about 3 ms per item, mostly in regular expressions and tsvector building over the
 * same few thousand paragraphs again and again.
 *
 * Generated texts are made of a small set of fragments (the paragraph pool, titles).
 * Each distinct fragment is analysed once by the database's own functions: its plain
 * text (search_plain_text / search_clean_text), its 'danish' lexemes with their
 * positions, its 'simple' lexemes and how many positions its words take. A document is
 * then composed from its fragments as PostgreSQL composes it from the whole text: a
 * text of fragments joined by spaces has the fragments' words one after another, so
 * its tsvector is the fragments' vectors with positions moved on by the words before
 * them; weighted parts are joined as tsvector's || joins them (positions moved on by
 * the highest position before). Phrases are the pairs of adjacent positions, as
 * search_phrase_pairs() makes them.
 *
 * verifyGenerated() compares documents against search_refresh_item() itself.
 */

export type FragmentKind = 'html' | 'text';

/** The distinct fragments texts are made of: html (sanitized rich text) or plain text (titles). */
export class Fragments {
  private readonly ids = new Map<string, number>();
  readonly kinds: FragmentKind[] = [];
  readonly texts: string[] = [];

  add(kind: FragmentKind, text: string): number {
    const key = `${kind}:${text}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(key, id);
      this.kinds.push(kind);
      this.texts.push(text);
    }
    return id;
  }

  get size(): number {
    return this.texts.length;
  }
}

export interface FragmentAnalysis {
  plain: string;
  /** Positions the fragment's words take (stop words included) */
  tokens: number;
  /** 'danish' lexemes and their positions within the fragment */
  danish: Array<[string, number[]]>;
  /** 'simple' lexemes */
  simple: string[];
}

/** Analyses fragments [from, to) with the database's functions. Pure computation: any connection will do. */
export async function analyseFragments(connection: Connection, fragments: Fragments, from: number, to: number): Promise<FragmentAnalysis[]> {
  const input = [];
  for (let i = from; i < to; i++) input.push([fragments.kinds[i] === 'html' ? 'h' : 't', fragments.texts[i]]);
  const rows = await query<FragmentAnalysis & { ord: number }>(
    connection,
    `WITH f AS MATERIALIZED (
       SELECT e.ord, CASE WHEN e.v->>0 = 'h' THEN search_plain_text(e.v->>1) ELSE search_clean_text(e.v->>1) END AS plain
         FROM json_array_elements($1::json) WITH ORDINALITY AS e(v, ord)
     ), s AS MATERIALIZED (
       SELECT f.ord, f.plain, to_tsvector('simple', f.plain) AS v FROM f
     )
     SELECT s.ord::int AS ord, s.plain,
            (SELECT coalesce(max(p), 0) FROM unnest(s.v) t, unnest(t.positions) p)::int AS tokens,
            (SELECT coalesce(json_agg(json_build_array(t.lexeme, t.positions)), '[]') FROM unnest(to_tsvector('danish', s.plain)) t) AS danish,
            tsvector_to_array(s.v) AS simple
       FROM s ORDER BY s.ord`,
    [JSON.stringify(input)],
  );
  return rows.map((r) => ({ plain: r.plain, tokens: r.tokens, danish: r.danish, simple: r.simple }));
}

/** An item's document, as fragment ids in the order search_refresh_item() joins the texts. */
export interface DocumentSpec {
  itemId: number;
  /** The item's number on its agenda */
  number: number;
  meetingId: number;
  committeeId: number;
  startsAt: Date;
  /** The meeting's minutes are published: decisions are part of the document */
  minutes: boolean;
  title: number;
  summary: number[];
  /** Background, case presentation, financial text, recommendation points, announcements (title and body) */
  rest: number[];
  /** Decision, the points' decisions, amendments (only with minutes) */
  decisions: number[];
  /** Titles of public attachments */
  attachmentTitles: number[];
}

/** tsvector limits (src/include/tsearch/ts_type.h): the fast path refuses texts that reach them rather than imitate the clipping. */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;
const WEIGHT_LETTER = ['', 'C', 'B', 'A'];

const quoteLexeme = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The columns of search_documents the bench writes (updated_at: the default, now()). */
export const DOCUMENT_COLUMNS = ['item_id', 'meeting_id', 'minutes', 'title', 'body', 'attachments', 'words', 'tsv', 'starts_at', 'committee_id', 'title_tsv', 'phrases', 'number'] as const;

/** A fragment as numbers: lexemes and words interned, positions in order. */
interface Compiled {
  plain: string;
  tokens: number;
  /** Lexeme ids and their positions, ordered by position */
  lexemes: Int32Array;
  positions: Int32Array;
  /** Ids of the 'simple' lexemes that count as words (4 to 40 letters, no digits or _) */
  words: Int32Array;
}

/**
 * Composes documents from analysed fragments. Lexemes and words are interned, so a
 * document is put together from small integer arrays.
 */
export class DocumentComposer {
  private readonly compiled: Compiled[] = [];
  private readonly lexemeIds = new Map<string, number>();
  private readonly lexemes: string[] = [];
  private readonly quoted: string[] = [];
  private readonly short: boolean[] = [];
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];
  /** Each word as an element of a text[] literal */
  private readonly quotedWords: string[] = [];
  /** Phrase pairs: (lexeme, lexeme) → id, their tsvector text, and which document last had each */
  private readonly pairs = new Map<number, number>();
  private readonly pairTexts: string[] = [];
  private pairStamp: Int32Array = new Int32Array(4096);
  // Scratch, indexed by lexeme or word id: which document last saw it, and its chain of entries.
  private stamp: Int32Array = new Int32Array(1024);
  private head: Int32Array = new Int32Array(1024);
  private tail: Int32Array = new Int32Array(1024);
  private wordStamp: Int32Array = new Int32Array(1024);
  /** Words of the documents composed so far (search_words) */
  private used: Uint8Array = new Uint8Array(1024);
  private documents = 0;
  private entryLexeme: Int32Array = new Int32Array(4096);
  private entryPosition: Int32Array = new Int32Array(4096);
  private entryNext: Int32Array = new Int32Array(4096);
  private readonly positionTexts: Array<string | undefined> = new Array<string | undefined>(MAX_POSITION * 4).fill(undefined);
  /** Each word's place in the database's sort order (array_agg(DISTINCT w ORDER BY w)) */
  private rank: Int32Array = new Int32Array(0);

  /** Adds the analyses of the next fragments, in fragment order. */
  add(analyses: FragmentAnalysis[]): void {
    for (const a of analyses) {
      const entries: Array<[number, number]> = [];
      for (const [lexeme, at] of a.danish) {
        const id = this.lexeme(lexeme);
        for (const p of at) entries.push([p, id]);
      }
      entries.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      const words: number[] = [];
      for (const w of a.simple) {
        const length = [...w].length;
        if (length < 4 || length > 40 || /[0-9_]/.test(w)) continue;
        let id = this.wordIds.get(w);
        if (id === undefined) {
          id = this.words.length;
          this.wordIds.set(w, id);
          this.words.push(w);
          this.quotedWords.push(textArray([w]).text.slice(1, -1));
        }
        words.push(id);
      }
      this.compiled.push({
        plain: a.plain,
        tokens: a.tokens,
        lexemes: Int32Array.from(entries, (e) => e[1]),
        positions: Int32Array.from(entries, (e) => e[0]),
        words: Int32Array.from(words),
      });
    }
    if (this.stamp.length < this.lexemes.length) {
      const size = this.lexemes.length * 2;
      this.stamp = grow(this.stamp, size);
      this.head = new Int32Array(size);
      this.tail = new Int32Array(size);
    }
    if (this.wordStamp.length < this.words.length) {
      this.wordStamp = grow(this.wordStamp, this.words.length * 2);
      const used = new Uint8Array(this.words.length * 2);
      used.set(this.used);
      this.used = used;
    }
  }

  get size(): number {
    return this.compiled.length;
  }

  /** Words whose place in the sort order is not known yet (see sortWords) */
  unsortedWords(): string[] {
    return this.words.slice(this.rank.length);
  }

  /** Every word so far, in the database's sort order (the collation of array_agg(… ORDER BY w)). */
  sortWords(sorted: string[]): void {
    if (sorted.length !== this.words.length) throw new Error('sortWords: not every word');
    this.rank = new Int32Array(sorted.length);
    sorted.forEach((w, i) => (this.rank[this.wordIds.get(w) as number] = i));
  }

  /** Every word so far */
  allWords(): string[] {
    return [...this.words];
  }

  /** The words of the documents composed so far, each once */
  usedWords(): string[] {
    return this.words.filter((_, i) => this.used[i] === 1);
  }

  private growEntries(size: number): void {
    this.entryLexeme = grow(this.entryLexeme, size);
    this.entryPosition = grow(this.entryPosition, size);
    this.entryNext = grow(this.entryNext, size);
  }

  private pair(a: number, b: number): number {
    const key = a * 1_048_576 + b;
    let id = this.pairs.get(key);
    if (id === undefined) {
      id = this.pairTexts.length;
      this.pairs.set(key, id);
      this.pairTexts.push(quoteLexeme(`${this.lexemes[a]} ${this.lexemes[b]}`));
      if (id >= this.pairStamp.length) this.pairStamp = grow(this.pairStamp, this.pairStamp.length * 2);
    }
    return id;
  }

  /** "12B": a position * 4 + weight as tsvector text */
  private positionText(entry: number): string {
    let text = this.positionTexts[entry];
    if (text === undefined) this.positionTexts[entry] = text = `${entry >> 2}${WEIGHT_LETTER[entry & 3]}`;
    return text;
  }

  private lexeme(text: string): number {
    let id = this.lexemeIds.get(text);
    if (id === undefined) {
      id = this.lexemes.length;
      this.lexemeIds.set(text, id);
      this.lexemes.push(text);
      this.quoted.push(quoteLexeme(text));
      this.short.push(Buffer.byteLength(text, 'utf8') <= 30);
    }
    return id;
  }

  /** The document's values, in the order of DOCUMENT_COLUMNS. */
  compose(spec: DocumentSpec): unknown[] {
    if (this.rank.length < this.words.length) throw new Error('compose: the words are not sorted yet');
    const doc = ++this.documents;
    const fragment = (f: number) => this.compiled[f] as Compiled;
    // The document's lexemes in position order: search_refresh_item's four to_tsvector calls
    // (title A; summary and decisions B; the rest and attachment titles C; attachment text D,
    // which generated items do not have), joined with ||.
    const parts: Array<[number, number[]]> = [
      [3, [spec.title]],
      [2, [...spec.summary, ...spec.decisions]],
      [1, [...spec.rest, ...spec.attachmentTitles]],
    ];
    // Entries: lexeme id and position * 4 + weight, in position order.
    let n = 0;
    let highest = 0;
    for (const [w, fragments] of parts) {
      let offset = highest;
      let partHighest = highest;
      for (const f of fragments) {
        const c = fragment(f);
        const need = n + c.lexemes.length;
        if (need > this.entryLexeme.length) this.growEntries(need * 2);
        for (let i = 0; i < c.lexemes.length; i++, n++) {
          const p = offset + (c.positions[i] as number);
          this.entryLexeme[n] = c.lexemes[i] as number;
          this.entryPosition[n] = p * 4 + w;
          if (p > partHighest) partHighest = p;
        }
        offset += c.tokens;
      }
      highest = partHighest;
    }
    if (highest >= MAX_POSITION) throw new Error(`item ${spec.itemId}: too long a text for the bench's search documents`);
    const lex = this.entryLexeme;
    const pos = this.entryPosition;
    const next = this.entryNext;

    // tsvector text: each lexeme with its positions (the database sorts the lexemes).
    const order: number[] = [];
    for (let i = 0; i < n; i++) {
      const l = lex[i] as number;
      next[i] = -1;
      if (this.stamp[l] !== doc) {
        this.stamp[l] = doc;
        this.head[l] = i;
        order.push(l);
      } else {
        next[this.tail[l] as number] = i;
      }
      this.tail[l] = i;
    }
    const tsv: string[] = [];
    for (const l of order) {
      let i = this.head[l] as number;
      let text = `${this.quoted[l]}:${this.positionText(pos[i] as number)}`;
      let count = 1;
      for (i = next[i] as number; i !== -1; i = next[i] as number, count++) text += `,${this.positionText(pos[i] as number)}`;
      if (count >= MAX_POSITIONS_PER_LEXEME) throw new Error(`item ${spec.itemId}: "${this.lexemes[l]}" occurs too often for the bench's search documents`);
      tsv.push(text);
    }

    // Phrases: lexemes (of at most 30 bytes) at adjacent positions, as search_phrase_pairs() pairs them.
    const phrases: string[] = [];
    for (let start = 0; start < n; ) {
      const at = (pos[start] as number) >> 2;
      let end = start + 1;
      while (end < n && (pos[end] as number) >> 2 === at) end++;
      let after = end;
      while (after < n && (pos[after] as number) >> 2 === at + 1) after++;
      for (let a = start; a < end; a++) {
        if (!this.short[lex[a] as number]) continue;
        for (let b = end; b < after; b++) {
          if (!this.short[lex[b] as number]) continue;
          const pair = this.pair(lex[a] as number, lex[b] as number);
          if (this.pairStamp[pair] === doc) continue;
          this.pairStamp[pair] = doc;
          phrases.push(this.pairTexts[pair] as string);
        }
      }
      start = end;
    }

    const words: number[] = [];
    const plain = (fragments: number[]) => {
      const texts: string[] = [];
      for (const f of fragments) {
        const c = fragment(f);
        if (c.plain !== '') texts.push(c.plain);
      }
      return texts.join(' ');
    };
    for (const f of [spec.title, ...spec.summary, ...spec.rest, ...spec.decisions, ...spec.attachmentTitles]) {
      for (const w of fragment(f).words) {
        if (this.wordStamp[w] === doc) continue;
        this.wordStamp[w] = doc;
        this.used[w] = 1;
        words.push(w);
      }
    }
    words.sort((a, b) => (this.rank[a] as number) - (this.rank[b] as number));

    // to_tsvector('danish', title), as the derive trigger makes title_tsv.
    const title = fragment(spec.title);
    const titleLexemes = new Map<number, number[]>();
    for (let i = 0; i < title.lexemes.length; i++) {
      const l = title.lexemes[i] as number;
      const list = titleLexemes.get(l);
      if (list) list.push(title.positions[i] as number);
      else titleLexemes.set(l, [title.positions[i] as number]);
    }
    const titleTsv = [...titleLexemes].map(([l, at]) => `${this.quoted[l]}:${at.join(',')}`).join(' ');

    return [
      spec.itemId,
      spec.meetingId,
      spec.minutes,
      title.plain,
      plain([...spec.summary, ...spec.rest, ...spec.decisions]),
      plain(spec.attachmentTitles),
      new Literal(`{${words.map((w) => this.quotedWords[w] as string).join(',')}}`),
      new Literal(tsv.join(' ')),
      spec.startsAt,
      spec.committeeId,
      new Literal(titleTsv),
      new Literal(phrases.join(' ')),
      spec.number,
    ];
  }
}

function grow(array: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size);
  out.set(array);
  return out;
}

/** The columns search_refresh_item() and the derive trigger write, for comparisons (updated_at is the time of writing). */
const COLUMNS = 'item_id, meeting_id, minutes, title, body, attachments, words, tsv, starts_at, committee_id, title_tsv, phrases, number';

/**
 * Checks generated data against the application's own code, changing nothing (all
 * in a transaction that is rolled back): the documents of `items` against
 * search_refresh_item() run afresh (the derive trigger included), and no word of
 * theirs missing from search_words. Returns what differs.
 */
export async function compareSearchDocuments(db: Knex, items: number[]): Promise<string[]> {
  const trx = await db.transaction();
  try {
    await trx.raw(`CREATE TEMP TABLE bench_expected ON COMMIT DROP AS SELECT ${COLUMNS} FROM search_documents WHERE item_id = ANY(?)`, [items]);
    const words = Number((await trx.raw<{ rows: Array<{ n: number }> }>('SELECT count(*)::int AS n FROM search_words')).rows[0]?.n);
    await trx.raw('DELETE FROM search_documents WHERE item_id = ANY(?)', [items]);
    await trx.raw('SELECT count(search_refresh_item(id)) FROM unnest(?::int[]) AS id', [items]);
    const diff = await trx.raw<{ rows: Array<{ side: string; item_id: number }> }>(
      `(SELECT 'generated' AS side, item_id FROM (SELECT ${COLUMNS} FROM bench_expected EXCEPT SELECT ${COLUMNS} FROM search_documents WHERE item_id = ANY(?)) a)
       UNION ALL
       (SELECT 'search_refresh_item' AS side, item_id FROM (SELECT ${COLUMNS} FROM search_documents WHERE item_id = ANY(?) EXCEPT SELECT ${COLUMNS} FROM bench_expected) b)
       ORDER BY 2, 1`,
      [items, items],
    );
    const wordsAfter = Number((await trx.raw<{ rows: Array<{ n: number }> }>('SELECT count(*)::int AS n FROM search_words')).rows[0]?.n);
    const problems = diff.rows.map((r) => `item ${r.item_id}: the document differs (row from ${r.side})`);
    if (wordsAfter !== words) problems.push(`${wordsAfter - words} words were missing from search_words`);
    return problems;
  } finally {
    await trx.rollback();
  }
}
