import { committeeSlug } from '../../src/modules/committees/slug';
import { meetingSlug } from '../../src/modules/meetings/slug';
import { slugify } from '../../src/lib/slug';
import { formatDate, formatLongDate, formatMillions, formatNumber, formatTime, fromCopenhagenLocal } from '../../src/i18n/format';

describe('slugs (Ballerup scheme)', () => {
  it.each([
    ['Social- og Sundhedsudvalget', 'social-og-sundhedsudvalget'],
    ['Økonomiudvalget', 'oekonomiudvalget'],
    ['Børne- og Skoleudvalget', 'boerne-og-skoleudvalget'],
    ['Ældrerådet', 'aeldreraadet'],
    ['Udsatterådet', 'udsatteraadet'],
    ['Erhvervs-, Beskæftigelses- og Uddannelsesudvalget', 'erhvervs-beskaeftigelses-og-uddannelsesudvalget'],
    ['  Café Åbo  ', 'cafe-aabo'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('gives a clashing committee of another body its body name; the primary body keeps the plain slug', () => {
    const taken = new Set(['social-og-sundhedsudvalget']);
    expect(committeeSlug('Social- og Sundhedsudvalget', { slug: 'albertslund', isPrimary: false }, (s) => taken.has(s))).toBe(
      'social-og-sundhedsudvalget-albertslund',
    );
    expect(committeeSlug('Udsatterådet', { slug: 'albertslund', isPrimary: false }, (s) => taken.has(s))).toBe('udsatteraadet');
    expect(committeeSlug('Social- og Sundhedsudvalget', { slug: 'ballerup', isPrimary: true }, () => false)).toBe('social-og-sundhedsudvalget');
  });

  it('names meetings by committee and Copenhagen date, with -HH-MM for a second meeting that day', () => {
    const start = fromCopenhagenLocal('2021-04-06T14:00');
    expect(meetingSlug('social-og-sundhedsudvalget', start, false)).toBe('social-og-sundhedsudvalget-06-04-2021');
    expect(meetingSlug('social-og-sundhedsudvalget', start, true)).toBe('social-og-sundhedsudvalget-06-04-2021-14-00');
    // 00:30 in Copenhagen is the previous day in UTC: the slug follows Copenhagen.
    expect(meetingSlug('kb', fromCopenhagenLocal('2021-04-07T00:30'), false)).toBe('kb-07-04-2021');
  });
});

describe('Danish formats', () => {
  it('formats numbers and amounts as the documents do', () => {
    expect(formatNumber(1177788)).toBe('1.177.788');
    expect(formatNumber(-6662)).toBe('-6.662');
    expect(formatNumber(4.6, 3)).toBe('4,600');
    expect(formatMillions(1185)).toBe('1.185,0 mio. kr.');
  });

  it('formats Copenhagen dates and times whatever the server clock', () => {
    const start = fromCopenhagenLocal('2021-04-06T14:00');
    expect(start.toISOString()).toBe('2021-04-06T12:00:00.000Z');
    expect(formatDate(start)).toBe('6. april 2021');
    expect(formatLongDate(start)).toBe('tirsdag den 6. april 2021');
    expect(formatTime(start)).toBe('14.00');
    expect(formatTime(fromCopenhagenLocal('2021-01-05T09:30'))).toBe('09.30');
  });
});
