import { pageText } from '../helpers/page-text';

/** One hit of the live search page, as a reader (or a screen reader) meets it. */
export interface Hit {
  /** The first link of the hit */
  href: string;
  heading: string;
  meta: string;
  /** The snippet's HTML as served */
  snippetHtml: string;
  /** The highlighted words, lower-cased */
  marks: string[];
}

export function hitsOf(html: string): Hit[] {
  return html
    .split('<li class="search-result">')
    .slice(1)
    .map((block) => {
      const body = block.split('</li>')[0] ?? '';
      const snippetHtml = /<p class="search-snippet">([\s\S]*?)<\/p>/.exec(body)?.[1] ?? '';
      return {
        href: /href="([^"]+)"/.exec(body)?.[1] ?? '',
        heading: pageText(/<h3[^>]*>([\s\S]*?)<\/h3>/.exec(body)?.[1] ?? '').trim(),
        meta: pageText(/<p class="meeting-meta">([\s\S]*?)<\/p>/.exec(body)?.[1] ?? '').trim(),
        snippetHtml,
        marks: [...snippetHtml.matchAll(/<mark>([\s\S]*?)<\/mark>/g)].map((m) => pageText(m[1] ?? '').trim().toLocaleLowerCase('da')),
      };
    });
}

/** What the results' live region says. */
export function statusOf(html: string): string {
  return pageText(/<div role="status"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '').trim();
}

export function searchPath(q: string, params: Record<string, string> = {}): string {
  return `/soeg?${new URLSearchParams({ q, ...params }).toString()}`;
}

/** Every link target on a page, entities decoded. */
export function linksOf(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => pageText(m[1] ?? '').trim());
}

/** The number of results the status message announces (0 for none). */
export function totalOf(status: string): number {
  const m = /^(?:Viser [\d.]+–[\d.]+ af )?([\d.]+) resultat(?:er)?\b|^Der er ([\d.]+) resultat/.exec(status);
  return m ? Number((m[1] ?? m[2] ?? '0').replace(/\./g, '')) : 0;
}
