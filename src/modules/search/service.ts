import type { Db } from '../../db/knex';
import { listCommittees } from '../committees/repository';
import { closestWords, fullTextSearch, searchableYears, similarTitles, withSearchTransaction, type HitPage, type SearchFilters } from './repository';
import { PAGE_SIZE } from './schema';

/** Words of a search that the misspelling fallback looks up: letters only, long enough to have useful trigrams. */
const MAX_FALLBACK_TERMS = 8;

export type Correction =
  /** No hits for the words as typed; these are the hits for similar words that do occur */
  | { kind: 'words'; words: string[]; every: boolean }
  /** No word matched; these are items with a similar title */
  | { kind: 'titles' };

export interface SearchOutcome extends HitPage {
  correction: Correction | null;
}

export function fallbackTerms(text: string): string[] {
  const words = (text.toLocaleLowerCase('da').match(/\p{L}+/gu) ?? []).filter((w) => w.length >= 4 && w.length <= 40);
  return [...new Set(words)].slice(0, MAX_FALLBACK_TERMS);
}

/**
 * The public search: Danish full text over the index; when that finds nothing,
 * the closest words that occur in public documents (trigram similarity), all of
 * them and then any of them; last, items with a similar title. All in one
 * transaction (one snapshot, and no round trips to begin and end more).
 */
export async function searchPublic(db: Db, input: { text: string; filters: SearchFilters; page: number }): Promise<SearchOutcome> {
  const page = { limit: PAGE_SIZE, offset: (input.page - 1) * PAGE_SIZE };
  return withSearchTransaction(db, async (search) => {
    const typed = await fullTextSearch(search, { kind: 'typed', text: input.text }, input.filters, page);
    if (typed.total > 0) return { ...typed, correction: null };

    const terms = fallbackTerms(input.text);
    if (terms.length === 0) return { ...typed, correction: null };
    const words = [...new Set((await closestWords(search, terms)).map((c) => c.word).filter((w): w is string => w !== null))];
    if (words.length > 0) {
      const every = await fullTextSearch(search, { kind: 'all', words }, input.filters, page);
      if (every.total > 0) return { ...every, correction: { kind: 'words', words, every: true } };
      if (words.length > 1) {
        const some = await fullTextSearch(search, { kind: 'any', words }, input.filters, page);
        if (some.total > 0) return { ...some, correction: { kind: 'words', words, every: false } };
      }
    }
    const titles = await similarTitles(search, terms.join(' '), input.filters, page);
    if (titles.total > 0) return { ...titles, correction: { kind: 'titles' } };
    return { ...typed, correction: null };
  });
}

/** The choices of the search form: public committees (other municipalities' named) and the years with searchable meetings. */
export async function searchChoices(db: Db): Promise<{ committees: Array<{ slug: string; label: string }>; years: number[] }> {
  const [committees, years] = await Promise.all([listCommittees(db), searchableYears(db)]);
  // Two bodies may both have a "Kommunalbestyrelsen": the other municipality's name tells them apart.
  return { committees: committees.map((c) => ({ slug: c.slug, label: c.bodyIsPrimary ? c.name : `${c.name} (${c.bodyName})` })), years };
}
