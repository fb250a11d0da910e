import { matchCondition, parseTsquery, positiveLexemes, printTsquery } from '../../src/modules/search/tsquery';
import { cloneDemoDatabase, inRolledBack, type TestDb } from '../helpers/test-db';

describe('reading tsqueries and the search condition built from them', () => {
  it('reads PostgreSQL’s text form with its precedence, quoting and phrase distances', () => {
    expect(parseTsquery('')).toBeNull();
    expect(parseTsquery("'a' & 'b' | !'c' <-> 'd'")).toEqual({
      kind: 'or',
      left: { kind: 'and', left: { kind: 'lexeme', text: 'a', suffix: '' }, right: { kind: 'lexeme', text: 'b', suffix: '' } },
      right: { kind: 'phrase', distance: 1, left: { kind: 'not', child: { kind: 'lexeme', text: 'c', suffix: '' } }, right: { kind: 'lexeme', text: 'd', suffix: '' } },
    });
    expect(parseTsquery("'skol' <2> 'dagtilbud'")).toMatchObject({ kind: 'phrase', distance: 2 });
    expect(parseTsquery("'o''brien' & 'a\\\\b':*")).toEqual({
      kind: 'and',
      left: { kind: 'lexeme', text: "o'brien", suffix: '' },
      right: { kind: 'lexeme', text: 'a\\b', suffix: ':*' },
    });
    expect(printTsquery(parseTsquery("'o''brien' & 'a\\\\b':*") as never)).toBe("('o''brien' & 'a\\\\b':*)");
    expect(() => parseTsquery("'a' &")).toThrow();
    expect(positiveLexemes(parseTsquery("'a' & !'b' & ('c' <-> 'd' | 'a')") as never)).toEqual(['a', 'c', 'd']);
  });

  it('looks a two-word phrase up in the pairs, and checks longer phrases on the vector as well', () => {
    const two = matchCondition(parseTsquery("'kommun' <-> 'budg'") as never);
    expect(two).toEqual({ sql: 'd.phrases @@ ?::tsquery', bindings: ["'kommun budg'"], byPairs: true });
    const three = matchCondition(parseTsquery("'kommun' <-> 'budg' <-> 'vej'") as never);
    expect(three.sql).toBe('(d.phrases @@ ?::tsquery AND ts_match_vq(d.tsv, ?::tsquery))');
    expect(three.bindings).toEqual(["'kommun budg' & 'budg vej'", "(('kommun' <-> 'budg') <-> 'vej')"]);
    expect(three.byPairs).toBe(true);
    // A hyphenated word is the phrase of itself and its parts: the whole word is looked up.
    expect(matchCondition(parseTsquery("'it-system' <-> 'it' <-> 'system'") as never)).toEqual({ sql: 'd.tsv @@ ?::tsquery', bindings: ["'it-system'"], byPairs: false });
    expect(matchCondition(parseTsquery("'it-system' <-> 'it' <-> 'system' <-> 'grund'") as never).sql).toBe('(d.phrases @@ ?::tsquery AND ts_match_vq(d.tsv, ?::tsquery))');
    // A stop word between the words (distance 2): no pair to look up.
    expect(matchCondition(parseTsquery("'skol' <2> 'dagtilbud'") as never).sql).toBe('d.tsv @@ ?::tsquery');
    // Words without phrases stay one look-up in the vector index.
    expect(matchCondition(parseTsquery("'a' & 'b' & 'c' <-> 'd' & !'e'") as never)).toEqual({
      sql: '(d.tsv @@ ?::tsquery AND d.phrases @@ ?::tsquery)',
      bindings: ["(('a' & 'b') & !('e'))", "'c d'"],
      byPairs: true,
    });
    // Found by the pairs only where every document matched holds one: not with a word or'ed, nor with a phrase negated.
    expect(matchCondition(parseTsquery("'a' <-> 'b' | 'c' <-> 'd'") as never).byPairs).toBe(true);
    expect(matchCondition(parseTsquery("'a' <-> 'b' | 'c'") as never).byPairs).toBe(false);
    expect(matchCondition(parseTsquery("'c' & !('a' <-> 'b')") as never).byPairs).toBe(false);
    expect(matchCondition(parseTsquery("'it-system' <-> 'it' <-> 'system' & 'idræt'") as never).byPairs).toBe(false);
    // Over 30 bytes, a word has no pairs.
    expect(matchCondition(parseTsquery(`'${'æ'.repeat(16)}' <-> 'b'`) as never).sql).toBe('d.tsv @@ ?::tsquery');
  });

  describe('on the demo data', () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await cloneDemoDatabase();
    });
    afterAll(() => t.drop());

    /** Runs of words as they stand in the documents: phrases that are there. */
    const phrasesFromDocuments = async (length: number) => {
      const bodies = (await t.db('search_documents').orderBy('item_id').limit(40).pluck('body')) as string[];
      return bodies.flatMap((body, i) => {
        const words = body.split(/\s+/).filter((w) => /^\p{L}+$/u.test(w));
        const at = (i * 7) % Math.max(1, words.length - length);
        return words.length >= length ? [`"${words.slice(at, at + length).join(' ')}"`] : [];
      });
    };

    it('finds exactly the documents that `tsv @@ query` finds, for phrases, hyphenated words, negations and or', async () => {
      const queries = [
        ...(await phrasesFromDocuments(2)),
        ...(await phrasesFromDocuments(3)),
        '"omskæring sundhedspolitik"',
        '"social- og sundhedsudvalget"',
        'sundhedspolitik "plads til alle"',
        'kommune -"plads til alle"',
        '"plads til alle" or omskæring',
        'it-system',
        'bruger-pårørenderåd',
        '"bruger-pårørenderåd" sundhed',
        'social- og sundhedsudvalget',
        'ældre-, handicap- og psykiatriområdet',
        '"it-system udvikling"',
        '"udvalget godkender" or "taget til efterretning"',
        '-"taget til efterretning" sundhed',
        'sundhed',
        'og',
      ];
      let nonEmpty = 0;
      for (const q of queries) {
        const tsquery = ((await t.db.raw("SELECT websearch_to_tsquery('danish', ?)::text AS q", [q])).rows[0] as { q: string }).q;
        const tree = parseTsquery(tsquery);
        const expected = (await t.db('search_documents as d').whereRaw('d.tsv @@ ?::tsquery', [tsquery]).orderBy('item_id').pluck('item_id')) as number[];
        if (!tree) {
          expect({ q, expected }).toEqual({ q, expected: [] });
          continue;
        }
        // The tree prints back to the same query.
        expect((await t.db.raw('SELECT ?::tsquery = ?::tsquery AS same', [tsquery, printTsquery(tree)])).rows[0]).toEqual({ same: true });
        const condition = matchCondition(tree);
        const actual = (await t.db('search_documents as d').whereRaw(condition.sql, condition.bindings).orderBy('item_id').pluck('item_id')) as number[];
        expect({ q, actual }).toEqual({ q, actual: expected });
        if (expected.length > 0) nonEmpty++;
        if (q === 'bruger-pårørenderåd') expect(expected.length).toBeGreaterThan(0);
      }
      // The phrases taken from the documents are found, so the comparison compared something.
      expect(nonEmpty).toBeGreaterThan(60);
    });

    it('finds a longer phrase by its pairs in the index, and never asks the tsv index for it', async () => {
      const condition = matchCondition(parseTsquery("'social' <-> 'sundhedsudvalg' <-> 'godkend'") as never);
      const indexConditions = (withoutPhrasesIndex: boolean) =>
        inRolledBack(t.db, async (trx) => {
          // The search's own planner settings (PLANNER_SETTINGS in repository.ts).
          await trx.raw("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)");
          // Rolled back. Without the pairs' index, the tsv index is the planner's only
          // choice, as it was its cheaper one over 41,000 items of common words.
          if (withoutPhrasesIndex) await trx.raw('DROP INDEX search_documents_phrases_index');
          const rows = (await trx.raw(`EXPLAIN SELECT d.item_id FROM search_documents d WHERE ${condition.sql}`, condition.bindings)).rows as Array<{ 'QUERY PLAN': string }>;
          return rows.map((r) => r['QUERY PLAN'].trim()).filter((line) => line.startsWith('Index Cond'));
        });
      expect(await indexConditions(false)).toEqual([expect.stringMatching(/^Index Cond: \(phrases @@ /)]);
      expect(await indexConditions(true)).toEqual([]);
    });

    it('keeps the pairs in step with the text when an item changes', async () => {
      const item = await t.db('agenda_items as i')
        .join('meetings as m', 'm.id', 'i.meeting_id')
        .where({ 'm.slug': 'social-og-sundhedsudvalget-08-12-2026', 'i.is_closed': false, 'i.kind': 'regular' })
        .orderBy('i.number')
        .first('i.id');
      const found = async (phrase: string) => {
        const q = ((await t.db.raw("SELECT websearch_to_tsquery('danish', ?)::text AS q", [phrase])).rows[0] as { q: string }).q;
        const c = matchCondition(parseTsquery(q) as never);
        return (await t.db('search_documents as d').whereRaw(c.sql, c.bindings).pluck('item_id')) as number[];
      };
      expect(await found('"grøn kajak"')).toEqual([]);
      await t.db('agenda_items').where({ id: item.id }).update({ summary: '<p>En grøn kajak til søen.</p>' });
      expect(await found('"grøn kajak"')).toEqual([item.id]);
      await t.db('agenda_items').where({ id: item.id }).update({ summary: '<p>En kajak, grøn, til søen.</p>' });
      expect(await found('"grøn kajak"')).toEqual([]);
      expect(await found('"kajak grøn"')).toEqual([item.id]);
    });
  });
});
