import { committeeSlug } from '../../src/modules/committees/slug';
import { meetingSlug } from '../../src/modules/meetings/slug';
import { slugify } from '../../src/lib/slug';
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { da } from 'date-fns/locale';
import fc from 'fast-check';
import {
  formatDashedDate,
  formatDate,
  formatIsoDate,
  formatIsoDateTime,
  formatLongDate,
  formatMillions,
  formatNumber,
  formatSlugTime,
  formatTime,
  fromCopenhagenLocal,
  TIME_ZONE,
  yearOf,
} from '../../src/i18n/format';

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

describe('Copenhagen dates without date-fns on the hot path', () => {
  const inCph = { in: tz(TIME_ZONE), locale: da };
  const formats: Array<[string, (d: Date) => string | number, (d: Date) => string | number]> = [
    ['formatDate', formatDate, (d) => format(d, 'd. MMMM yyyy', inCph)],
    ['formatLongDate', formatLongDate, (d) => format(d, "EEEE 'den' d. MMMM yyyy", inCph)],
    ['formatTime', formatTime, (d) => format(d, 'HH.mm', inCph)],
    ['formatDashedDate', formatDashedDate, (d) => format(d, 'dd-MM-yyyy', inCph)],
    ['formatIsoDate', formatIsoDate, (d) => format(d, 'yyyy-MM-dd', inCph)],
    ['formatIsoDateTime', formatIsoDateTime, (d) => format(d, "yyyy-MM-dd'T'HH:mm:ssXXX", inCph)],
    ['formatSlugTime', formatSlugTime, (d) => format(d, 'HH-mm', inCph)],
    ['yearOf', yearOf, (d) => Number(format(d, 'yyyy', inCph))],
  ];

  it('gives what date-fns gives for any instant from 1850 to 2200, daylight saving changes included', () => {
    // Around each change of offset (the last Sundays of March and October) and anywhere at all.
    const nearChange = fc.tuple(fc.integer({ min: 1980, max: 2100 }), fc.constantFrom(2, 9), fc.integer({ min: -3 * 3600, max: 3 * 3600 })).map(([year, month, seconds]) => {
      const lastSunday = new Date(Date.UTC(year, month + 1, 0));
      lastSunday.setUTCDate(lastSunday.getUTCDate() - lastSunday.getUTCDay());
      return new Date(lastSunday.getTime() + 3_600_000 + seconds * 1000);
    });
    const anywhere = fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2200, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(fc.oneof(nearChange, anywhere), (date) => {
        for (const [name, fast, reference] of formats) expect({ name, date, value: fast(date) }).toEqual({ name, date, value: reference(date) });
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses an invalid date as date-fns does', () => {
    for (const [, fast] of formats) expect(() => fast(new Date(Number.NaN))).toThrow(RangeError);
  });
});
