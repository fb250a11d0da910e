/**
 * A tsquery (as PostgreSQL prints it, e.g. `'kommun' <-> 'budg' & !'skol'`) read
 * into a tree, and turned into the WHERE condition the search runs on
 * search_documents: phrases of two words become a look-up of the word pair in
 * `phrases` (src/modules/search/README.md), which the index answers exactly; all
 * else stays a match on `tsv`. A phrase in `tsv` can only be checked by reading
 * each candidate's whole vector, and for common words that is every document.
 */

export type TsNode =
  | { kind: 'lexeme'; text: string; /** `:*` or weights, kept as printed */ suffix: string }
  | { kind: 'not'; child: TsNode }
  | { kind: 'and' | 'or'; left: TsNode; right: TsNode }
  | { kind: 'phrase'; left: TsNode; right: TsNode; distance: number };

/** The longest lexeme (in bytes) that `phrases` holds pairs of (search_phrase_pairs() in the migration). */
export const PHRASE_LEXEME_MAX_BYTES = 30;

class TsqueryParseError extends Error {}

type Token = { kind: 'lexeme'; text: string; suffix: string } | { kind: 'op'; op: '&' | '|' | '!' | '(' | ')' } | { kind: 'phrase'; distance: number };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (c === ' ') {
      i++;
    } else if (c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= input.length) throw new TsqueryParseError('unterminated lexeme');
        const d = input[i] as string;
        if (d === "'" && input[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (d === "'") {
          i++;
          break;
        } else if (d === '\\' && i + 1 < input.length) {
          text += input[i + 1];
          i += 2;
        } else {
          text += d;
          i++;
        }
      }
      const suffix = /^:[*A-Da-d]+/.exec(input.slice(i))?.[0] ?? '';
      i += suffix.length;
      tokens.push({ kind: 'lexeme', text, suffix });
    } else if (c === '<') {
      const m = /^<(-|\d+)>/.exec(input.slice(i));
      if (!m) throw new TsqueryParseError('bad phrase operator');
      tokens.push({ kind: 'phrase', distance: m[1] === '-' ? 1 : Number(m[1]) });
      i += m[0].length;
    } else if (c === '&' || c === '|' || c === '!' || c === '(' || c === ')') {
      tokens.push({ kind: 'op', op: c });
      i++;
    } else {
      throw new TsqueryParseError(`unexpected ${c}`);
    }
  }
  return tokens;
}

/** Reads PostgreSQL's text form of a tsquery; null for the empty query (only stop words). */
export function parseTsquery(input: string): TsNode | null {
  const tokens = tokenize(input);
  if (tokens.length === 0) return null;
  let pos = 0;
  const peek = () => tokens[pos];
  // Precedence as PostgreSQL's: ! binds tightest, then <->, then &, then |; all left-associative.
  const primary = (): TsNode => {
    const t = tokens[pos++];
    if (!t) throw new TsqueryParseError('unexpected end');
    if (t.kind === 'lexeme') return { kind: 'lexeme', text: t.text, suffix: t.suffix };
    if (t.kind === 'op' && t.op === '!') return { kind: 'not', child: primary() };
    if (t.kind === 'op' && t.op === '(') {
      const inner = or();
      const close = tokens[pos++];
      if (!close || close.kind !== 'op' || close.op !== ')') throw new TsqueryParseError('missing )');
      return inner;
    }
    throw new TsqueryParseError('unexpected operator');
  };
  const phrase = (): TsNode => {
    let left = primary();
    for (let t = peek(); t?.kind === 'phrase'; t = peek()) {
      pos++;
      left = { kind: 'phrase', left, right: primary(), distance: t.distance };
    }
    return left;
  };
  const and = (): TsNode => {
    let left = phrase();
    for (let t = peek(); t?.kind === 'op' && t.op === '&'; t = peek()) {
      pos++;
      left = { kind: 'and', left, right: phrase() };
    }
    return left;
  };
  const or = (): TsNode => {
    let left = and();
    for (let t = peek(); t?.kind === 'op' && t.op === '|'; t = peek()) {
      pos++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const tree = or();
  if (pos !== tokens.length) throw new TsqueryParseError('trailing tokens');
  return tree;
}

export function quoteLexeme(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The tree as tsquery text, fully parenthesised. */
export function printTsquery(node: TsNode): string {
  switch (node.kind) {
    case 'lexeme':
      return quoteLexeme(node.text) + node.suffix;
    case 'not':
      return `!(${printTsquery(node.child)})`;
    case 'and':
      return `(${printTsquery(node.left)} & ${printTsquery(node.right)})`;
    case 'or':
      return `(${printTsquery(node.left)} | ${printTsquery(node.right)})`;
    case 'phrase':
      return `(${printTsquery(node.left)} ${node.distance === 1 ? '<->' : `<${node.distance}>`} ${printTsquery(node.right)})`;
  }
}

const hasPhrase = (node: TsNode): boolean =>
  node.kind === 'phrase' || (node.kind === 'not' ? hasPhrase(node.child) : node.kind === 'and' || node.kind === 'or' ? hasPhrase(node.left) || hasPhrase(node.right) : false);

/** The lexemes a matching document holds (those not under a negation), for the title look-up. */
export function positiveLexemes(node: TsNode): string[] {
  const out = new Set<string>();
  const walk = (n: TsNode) => {
    if (n.kind === 'lexeme') out.add(n.text);
    else if (n.kind === 'and' || n.kind === 'or' || n.kind === 'phrase') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return [...out];
}

/** A left-to-right chain of plain lexemes joined by phrase operators, with the distance before each. */
function phraseChain(node: TsNode): Array<{ text: string; distance: number }> | null {
  if (node.kind === 'lexeme') return node.suffix === '' ? [{ text: node.text, distance: 0 }] : null;
  if (node.kind !== 'phrase') return null;
  const left = phraseChain(node.left);
  if (!left || node.right.kind !== 'lexeme' || node.right.suffix !== '') return null;
  return [...left, { text: node.right.text, distance: node.distance }];
}

const pairable = (text: string) => Buffer.byteLength(text, 'utf8') <= PHRASE_LEXEME_MAX_BYTES;

/** The pairs of adjacent words of the phrases a matching document holds (those not under a negation), for placing snippets. */
export function positivePhrasePairs(node: TsNode): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (n: TsNode) => {
    if (n.kind === 'phrase') {
      const chain = phraseChain(n);
      if (chain) {
        for (let i = 1; i < chain.length; i++) {
          const a = chain[i - 1] as { text: string };
          const b = chain[i] as { text: string; distance: number };
          if (b.distance === 1) out.push([a.text, b.text]);
        }
        return;
      }
    }
    if (n.kind === 'and' || n.kind === 'or' || n.kind === 'phrase') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return out;
}

export interface Condition {
  /** SQL over the alias `d` (search_documents), with ? placeholders */
  sql: string;
  bindings: string[];
  /** Every document it matches holds a pair it looks up in d.phrases: the pairs' index finds them, few and exactly */
  byPairs: boolean;
}

/**
 * The WHERE condition for a tsquery: exactly the documents where `d.tsv @@ query`.
 * A two-word phrase (`'a' <-> 'b'`) is the pair 'a b' in d.phrases, which holds
 * every pair of adjacent positions of d.tsv; a longer phrase needs all its pairs
 * there and is then checked on d.tsv, for the few documents left.
 */
export function matchCondition(node: TsNode): Condition {
  if (!hasPhrase(node)) return { sql: 'd.tsv @@ ?::tsquery', bindings: [printTsquery(node)], byPairs: false };
  switch (node.kind) {
    case 'not': {
      const inner = matchCondition(node.child);
      return { sql: `NOT (${inner.sql})`, bindings: inner.bindings, byPairs: false };
    }
    case 'and':
    case 'or': {
      // Operands without phrases stay one look-up in the tsv index; the others are combined in SQL.
      const operands: TsNode[] = [];
      const flatten = (n: TsNode): void => {
        if (n.kind === node.kind) {
          flatten(n.left);
          flatten(n.right);
        } else {
          operands.push(n);
        }
      };
      flatten(node);
      const plain = operands.filter((o) => !hasPhrase(o));
      const parts: Condition[] = operands.filter(hasPhrase).map(matchCondition);
      if (plain.length > 0) {
        const joined = plain.reduce((l, r) => ({ kind: node.kind, left: l, right: r }) as TsNode);
        parts.unshift({ sql: 'd.tsv @@ ?::tsquery', bindings: [printTsquery(joined)], byPairs: false });
      }
      const op = node.kind === 'and' ? ' AND ' : ' OR ';
      const byPairs = node.kind === 'and' ? parts.some((p) => p.byPairs) : parts.every((p) => p.byPairs);
      return { sql: `(${parts.map((p) => p.sql).join(op)})`, bindings: parts.flatMap((p) => p.bindings), byPairs };
    }
    case 'phrase': {
      const chain = phraseChain(node);
      const pairs: string[] = [];
      if (chain) {
        for (let i = 1; i < chain.length; i++) {
          const a = chain[i - 1] as { text: string };
          const b = chain[i] as { text: string; distance: number };
          if (b.distance === 1 && pairable(a.text) && pairable(b.text)) pairs.push(`${a.text} ${b.text}`);
        }
      }
      // A hyphenated word alone ('it-system' <-> 'it' <-> 'system'): the parser puts the parts
      // right after the whole word wherever it occurs, so the whole word is the phrase (only
      // past tsvector's last position, 16.383, could the parts be missing).
      const first = chain?.[0];
      if (chain && first && chain.length >= 3 && first.text.split('-').length === chain.length - 1 && chain.slice(1).every((e) => e.distance === 1)) {
        return { sql: 'd.tsv @@ ?::tsquery', bindings: [quoteLexeme(first.text)], byPairs: false };
      }
      const whole = printTsquery(node);
      if (pairs.length === 0) return { sql: 'd.tsv @@ ?::tsquery', bindings: [whole], byPairs: false };
      const lookup = { sql: 'd.phrases @@ ?::tsquery', bindings: [[...new Set(pairs)].map(quoteLexeme).join(' & ')], byPairs: true };
      // Exact on its own only for a single pair at distance 1: then the phrase is the pair.
      if (chain && chain.length === 2 && pairs.length === 1) return lookup;
      // The whole phrase is then checked on the few documents with all its pairs, and never
      // looked up in the tsv index: ts_match_vq is `@@` as a plain function, which no index
      // answers. Given `tsv @@`, the planner may well take the tsv index, which knows no
      // positions: every document with all the words is then read and checked (a phrase of
      // common words took 300 ms over 41,000 items, against 15 ms from the pairs).
      return { sql: `(${lookup.sql} AND ts_match_vq(d.tsv, ?::tsquery))`, bindings: [...lookup.bindings, whole], byPairs: true };
    }
    default:
      return { sql: 'd.tsv @@ ?::tsquery', bindings: [printTsquery(node)], byPairs: false };
  }
}
