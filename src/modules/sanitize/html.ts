import sanitizeHtml from 'sanitize-html';

/**
 * The one sanitizer for rich text. Applied when text is stored and again when it
 * is rendered, so only this subset ever reaches a page. The <div data-budget-table>
 * marker places a budget table inside a section.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'u', 'h4', 'a', 'div', 'blockquote'],
  allowedAttributes: {
    a: ['href', 'rel'],
    div: ['data-budget-table'],
    ol: ['start'],
  },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    b: 'strong',
    i: 'em',
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.href ? { href: attribs.href, rel: 'noopener' } : ({} as Record<string, string>),
    }),
  },
  disallowedTagsMode: 'discard',
};

export function sanitizeRichText(html: string): string {
  const clean = sanitizeHtml(html, OPTIONS);
  // A div is only allowed as a budget-table marker.
  return clean.replace(/<div(?![^>]*data-budget-table)[^>]*>([\s\S]*?)<\/div>/g, '$1');
}

/** Plain text of rich text, for search, feeds and checks. */
export function richTextToPlain(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
