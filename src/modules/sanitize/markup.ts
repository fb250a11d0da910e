import { sanitizeRichText } from './html';

/**
 * The text format secretaries write sections in, so drafting needs no rich-text
 * editor and works with the keyboard alone:
 *   a blank line starts a new paragraph;  "- " starts a bullet;  "1. " a numbered point;
 *   "## " a subheading;  "[tabel 1]" places budget table 1;  **fed** and *kursiv*.
 * markupToHtml and htmlToMarkup are inverses on everything the sanitizer allows.
 */
export const MARKUP_HELP =
  'Tom linje = nyt afsnit. "- " = punktopstilling. "1. " = nummereret liste. "## " = mellemrubrik. [tabel 1] = budgettabel 1. **fed**, *kursiv*.';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*\s][^*]*?)\*(?!\*)/g, '$1<em>$2</em>');
}

export function markupToHtml(markup: string): string {
  const lines = markup.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: { tag: 'ul' | 'ol'; start: number; items: string[] } | null = null;
  const flushParagraph = () => {
    if (paragraph.length) out.push(`<p>${paragraph.map(inline).join('<br>')}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) {
      const start = list.tag === 'ol' && list.start !== 1 ? ` start="${list.start}"` : '';
      out.push(`<${list.tag}${start}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.tag}>`);
    }
    list = null;
  };
  for (const raw of lines) {
    const line = raw.trim();
    const bullet = /^[-•]\s+(.*)$/.exec(line);
    const numbered = /^(\d+)\.\s+(.*)$/.exec(line);
    const table = /^\[tabel (\d+)\]$/i.exec(line);
    if (line === '') {
      flushParagraph();
      flushList();
    } else if (table) {
      flushParagraph();
      flushList();
      out.push(`<div data-budget-table="${Number(table[1])}"></div>`);
    } else if (line.startsWith('## ')) {
      flushParagraph();
      flushList();
      out.push(`<h4>${inline(line.slice(3).trim())}</h4>`);
    } else if (bullet) {
      flushParagraph();
      if (list?.tag !== 'ul') flushList();
      list ??= { tag: 'ul', start: 1, items: [] };
      list.items.push(bullet[1] ?? '');
    } else if (numbered && (list?.tag === 'ol' || paragraph.length === 0)) {
      flushParagraph();
      if (list?.tag !== 'ol') flushList();
      list ??= { tag: 'ol', start: Number(numbered[1]), items: [] };
      list.items.push(numbered[2] ?? '');
    } else if (list) {
      // A line following a list item without a marker continues that item.
      list.items[list.items.length - 1] += ` ${line}`;
    } else {
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return sanitizeRichText(out.join(''));
}

function decode(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

function inlineToMarkup(html: string): string {
  return decode(
    html
      .replace(/<br\s*\/?>/g, '\n')
      .replace(/<strong>([\s\S]*?)<\/strong>/g, '**$1**')
      .replace(/<em>([\s\S]*?)<\/em>/g, '*$1*')
      .replace(/<a [^>]*>([\s\S]*?)<\/a>/g, '$1')
      .replace(/<[^>]+>/g, ''),
  ).trim();
}

/** The stored (sanitized) HTML of a section as the text a secretary edits. */
export function htmlToMarkup(html: string | null): string {
  if (!html) return '';
  const clean = sanitizeRichText(html);
  const blocks: string[] = [];
  const re = /<(p|h4|ul|ol|blockquote)(\s[^>]*)?>([\s\S]*?)<\/\1>|<div data-budget-table="(\d+)"><\/div>/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(clean)) !== null) {
    const [, tag, attrs, inner, table] = match;
    if (table) blocks.push(`[tabel ${table}]`);
    else if (tag === 'p' || tag === 'blockquote') blocks.push(inlineToMarkup(inner ?? ''));
    else if (tag === 'h4') blocks.push(`## ${inlineToMarkup(inner ?? '')}`);
    else {
      const items = [...(inner ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => inlineToMarkup(m[1] ?? '').replace(/\n/g, ' '));
      const start = Number(/start="(\d+)"/.exec(attrs ?? '')?.[1] ?? 1);
      blocks.push(items.map((item, i) => (tag === 'ul' ? `- ${item}` : `${start + i}. ${item}`)).join('\n'));
    }
  }
  return blocks.filter((b) => b !== '').join('\n\n');
}
