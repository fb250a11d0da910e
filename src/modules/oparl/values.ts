import sanitizeHtml from 'sanitize-html';
import { formatIsoDate, formatIsoDateTime } from '../../i18n/format';

/** OParl's date-time: ISO 8601 with the offset, in Copenhagen time ("2021-04-06T14:00:00+02:00"). */
export const oparlDateTime = formatIsoDateTime;

/** OParl's date ("2021-04-06"), the Copenhagen calendar day of an instant. */
export const oparlDate = formatIsoDate;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/**
 * Plain text of the sanitized rich text: paragraphs and list items on lines of
 * their own, a blank line between paragraphs. OParl text fields are not HTML.
 */
export function plainText(html: string | null | undefined): string {
  if (!html) return '';
  const marked = html
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h4|blockquote|ul|ol)>/gi, '\n\n')
    .replace(/<div data-budget-table="\d+"><\/div>/gi, '\n\n');
  const text = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} }).replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, e: string) => ENTITIES[e] ?? '');
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
