import type { Feed } from './presenter';
import { element, escapeXml, rfc822 } from './xml';

/** RSS 2.0 with an atom:link to itself (as the RSS Advisory Board recommends). */
export function renderRss(feed: Feed): string {
  const items = feed.entries.map((entry) =>
    [
      '    <item>',
      `      ${element('title', entry.title)}`,
      `      ${element('link', entry.url)}`,
      `      ${element('guid', entry.id, { isPermaLink: 'false' })}`,
      `      ${element('pubDate', rfc822(entry.published))}`,
      `      ${element('category', entry.category)}`,
      `      ${element('description', entry.summary)}`,
      '    </item>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    ${element('title', feed.title)}`,
    `    ${element('link', feed.pageUrl)}`,
    `    ${element('description', feed.description)}`,
    '    <language>da</language>',
    `    ${element('lastBuildDate', rfc822(feed.updated))}`,
    `    <atom:link href="${escapeXml(feed.rssUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
