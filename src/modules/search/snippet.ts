/**
 * Highlighted snippets as safe HTML. ts_headline returns the document's text with
 * these two private-use characters around each match; the documents never contain
 * them (search_clean_text removes them, and typed queries lose private-use code
 * points in normalizeQuery). Everything is escaped first and only then do the
 * markers become <mark> tags, so no text of a document can ever become markup.
 */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Escaped text with <mark> around the highlighted parts; tags always balanced. */
export function snippetHtml(raw: string): string {
  let html = '';
  let open = false;
  for (const part of escapeHtml(raw).split(/([\uE000\uE001])/)) {
    if (part === HIGHLIGHT_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === HIGHLIGHT_STOP) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += part;
    }
  }
  return open ? `${html}</mark>` : html;
}

/** The first words of a text (no highlight), ending in "…" when cut. */
export function leadingWords(text: string, words = 30): string {
  const all = text.split(/\s+/).filter(Boolean);
  return all.length > words ? `${all.slice(0, words).join(' ')} …` : all.join(' ');
}
