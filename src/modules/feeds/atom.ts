import type { Feed } from './presenter';
import { element, escapeXml, rfc3339 } from './xml';

/** Atom 1.0 (RFC 4287). */
export function renderAtom(feed: Feed): string {
  const entries = feed.entries.map((entry) =>
    [
      '  <entry>',
      `    ${element('id', entry.id)}`,
      `    ${element('title', entry.title, { type: 'text' })}`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      `    ${element('published', rfc3339(entry.published))}`,
      `    ${element('updated', rfc3339(entry.published))}`,
      `    <category term="${escapeXml(entry.category)}"/>`,
      `    ${element('summary', entry.summary, { type: 'text' })}`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">',
    `  ${element('id', feed.id)}`,
    `  ${element('title', feed.title, { type: 'text' })}`,
    `  ${element('subtitle', feed.description, { type: 'text' })}`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.atomUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    `  ${element('updated', rfc3339(feed.updated))}`,
    `  <author>${element('name', feed.authorName)}</author>`,
    '  <generator>Mødebog</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
