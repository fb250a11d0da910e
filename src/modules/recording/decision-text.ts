import { htmlToMarkup, markupToHtml } from '../sanitize/markup';
import { sanitizeRichText } from '../sanitize/html';

/**
 * The standard phrases of Ballerup's minutes, one click away on the decision form.
 * Stored as the decision's first paragraph; free text follows it.
 */
export const PHRASES = [
  { key: 'approved', label: 'Godkendt', text: 'Godkendt.' },
  { key: 'recommendation_approved', label: 'Indstillingen godkendt', text: 'Indstillingen godkendt.' },
  { key: 'noted', label: 'Taget til efterretning', text: 'Taget til efterretning.' },
  { key: 'postponed', label: 'Udsættes', text: 'Udsættes.' },
  { key: 'approved_with_remarks', label: 'Godkendt med følgende bemærkninger:', text: 'Godkendt med følgende bemærkninger:' },
] as const;

export type PhraseKey = (typeof PHRASES)[number]['key'];
export const PHRASE_KEYS = PHRASES.map((p) => p.key) as [PhraseKey, ...PhraseKey[]];

/** The phrase that needs free text after it */
export const PHRASE_NEEDING_TEXT: PhraseKey = 'approved_with_remarks';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Phrase + free text (the text format of src/modules/sanitize/markup.ts) → sanitized HTML, or null when both are empty. */
export function composeDecision(phrase: PhraseKey | null, markup: string): string | null {
  const chosen = PHRASES.find((p) => p.key === phrase);
  const html = (chosen ? `<p>${escapeHtml(chosen.text)}</p>` : '') + (markup.trim() ? markupToHtml(markup) : '');
  const clean = sanitizeRichText(html).trim();
  return clean === '' ? null : clean;
}

/** Stored decision HTML → the phrase it starts with and the rest as editable text. */
export function decomposeDecision(html: string | null): { phrase: PhraseKey | null; markup: string } {
  if (!html) return { phrase: null, markup: '' };
  const clean = sanitizeRichText(html).trim();
  for (const p of PHRASES) {
    const lead = `<p>${escapeHtml(p.text)}</p>`;
    if (clean.startsWith(lead)) return { phrase: p.key, markup: htmlToMarkup(clean.slice(lead.length)) };
  }
  return { phrase: null, markup: htmlToMarkup(clean) };
}
