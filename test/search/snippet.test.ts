import { normalizeQuery } from '../../src/modules/search/schema';
import { fallbackTerms } from '../../src/modules/search/service';
import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, leadingWords, snippetHtml } from '../../src/modules/search/snippet';

describe('snippets and typed searches', () => {
  it('escapes the text and turns only the markers into balanced <mark> tags', () => {
    expect(snippetHtml(`a ${S}<b>&"'${E} c`)).toBe('a <mark>&lt;b&gt;&amp;&quot;&#39;</mark> c');
    expect(snippetHtml(`${S}${S}x${E}${E} y ${E} ${S}z`)).toBe('<mark>x</mark> y  <mark>z</mark>');
    expect(snippetHtml('<mark>forged</mark>')).toBe('&lt;mark&gt;forged&lt;/mark&gt;');
    expect(leadingWords('en  to\ntre', 2)).toBe('en to …');
    expect(leadingWords('en to', 2)).toBe('en to');
  });

  it('tidies what is typed before the database sees it', () => {
    expect(normalizeQuery('  Sundheds\u0000politik\t\n udvalg\u202e ')).toBe('Sundheds politik udvalg');
    expect(normalizeQuery(`x${S}y${E}\ud800z`)).toBe('x y z');
    expect(normalizeQuery('Ae\u0301ble')).toBe('Aéble');
    expect(fallbackTerms('Omskæring, sundhedspoliitk! og 14,5 mio. Sundhedspoliitk')).toEqual(['omskæring', 'sundhedspoliitk']);
  });
});
