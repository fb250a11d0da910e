import { formatDate, formatIsoDate, formatNumber } from '../../i18n/format';
import { texts } from '../../i18n/texts';
import { itemHref, meetingHref } from '../meetings/presenter';
import type { HitRow } from './repository';
import { PAGE_SIZE, type DocumentType } from './schema';
import type { SearchOutcome } from './service';
import { leadingWords, snippetHtml } from './snippet';

export interface SearchQueryView {
  q: string;
  committeeSlug?: string;
  year?: number;
  type?: DocumentType;
}

export interface HitView {
  /** The item's permalink: the first link of every hit */
  href: string;
  heading: string;
  meetingHref: string;
  committeeName: string;
  date: string;
  isoDate: string;
  typeLabel: string;
  /** Escaped text with <mark> around the matches (src/modules/search/snippet.ts) */
  snippetHtml: string;
}

export interface PageLink {
  number: number;
  href: string;
  current: boolean;
}

export interface ResultsView {
  status: string;
  notice: string | null;
  hits: HitView[];
  pagination: { previous: string | null; next: string | null; pages: Array<PageLink | { gap: true }>; current: number; count: number } | null;
}

/** /soeg with the search and filters kept, for links to other pages of results. */
export function searchHref(query: SearchQueryView, page = 1): string {
  const params = new URLSearchParams({ q: query.q });
  if (query.committeeSlug) params.set('udvalg', query.committeeSlug);
  if (query.year !== undefined) params.set('aar', String(query.year));
  if (query.type) params.set('type', query.type);
  if (page > 1) params.set('side', String(page));
  return `/soeg?${params.toString()}`;
}

function hitView(hit: HitRow, plainSnippet: boolean): HitView {
  return {
    href: itemHref(hit.meetingSlug, hit.number),
    heading: `Punkt ${hit.number}: ${hit.title}`,
    meetingHref: meetingHref(hit.meetingSlug),
    committeeName: hit.bodyIsPrimary ? hit.committeeName : `${hit.committeeName} (${hit.bodyName})`,
    date: formatDate(hit.startsAt),
    isoDate: formatIsoDate(hit.startsAt),
    typeLabel: hit.minutes ? texts.minutes : texts.agenda,
    snippetHtml: snippetHtml(plainSnippet ? leadingWords(hit.snippet) : hit.snippet),
  };
}

/** "1 resultat", "25 resultater"; "mere end 1.000 resultater" where the search stopped counting (MAX_COUNT, repository.ts). */
function resultCount(total: number, more = false): string {
  if (more) return `mere end ${formatNumber(total)} resultater`;
  return total === 1 ? '1 resultat' : `${formatNumber(total)} resultater`;
}

/** Page numbers around the current one, with the first and last, and gaps between. */
function pageLinks(query: SearchQueryView, current: number, count: number): Array<PageLink | { gap: true }> {
  const wanted = new Set([1, count, current - 1, current, current + 1].filter((n) => n >= 1 && n <= count));
  const out: Array<PageLink | { gap: true }> = [];
  let last = 0;
  for (const n of [...wanted].sort((a, b) => a - b)) {
    if (n > last + 1) out.push({ gap: true });
    out.push({ number: n, href: searchHref(query, n), current: n === current });
    last = n;
  }
  return out;
}

function noticeOf(outcome: SearchOutcome, q: string): string | null {
  const c = outcome.correction;
  if (!c) return null;
  if (c.kind === 'titles') return `Der var ingen resultater for »${q}«. Viser i stedet punkter med en lignende titel.`;
  const words = c.words.map((w) => `»${w}«`);
  if (c.every) return `Der var ingen resultater for »${q}«. Viser i stedet resultater for ${words.join(' ')}.`;
  return `Der var ingen resultater for »${q}«. Viser i stedet resultater for et af ordene ${words.slice(0, -1).join(', ')} eller ${words.at(-1) ?? ''}.`;
}

export function presentResults(outcome: SearchOutcome, query: SearchQueryView, page: number): ResultsView {
  const count = Math.max(1, Math.ceil(outcome.total / PAGE_SIZE));
  const hits = outcome.hits.map((h) => hitView(h, outcome.correction?.kind === 'titles'));
  // After a correction the count is of what was searched for instead.
  const c = outcome.correction;
  const what = !c ? `for »${query.q}«` : c.kind === 'titles' ? 'med en lignende titel' : `for ${c.words.map((w) => `»${w}«`).join(c.every ? ' ' : ' eller ')}`;
  let status: string;
  if (outcome.total === 0) {
    status = `Ingen resultater for »${query.q}«.`;
  } else if (hits.length === 0) {
    status = `Der er ${resultCount(outcome.total, outcome.more)}, men ikke så mange sider.`;
  } else if (outcome.total <= PAGE_SIZE) {
    status = `${resultCount(outcome.total, outcome.more)} ${what}.`;
  } else {
    const first = (page - 1) * PAGE_SIZE + 1;
    status = `Viser ${formatNumber(first)}–${formatNumber(first + hits.length - 1)} af ${resultCount(outcome.total, outcome.more)} ${what}.`;
  }
  return {
    status,
    notice: noticeOf(outcome, query.q),
    hits,
    pagination:
      outcome.total > PAGE_SIZE
        ? {
            previous: page > 1 ? searchHref(query, Math.min(page - 1, count)) : null,
            next: page < count ? searchHref(query, page + 1) : null,
            pages: pageLinks(query, page, count),
            current: page,
            count,
          }
        : null,
  };
}
