import { escapeText, eventsOf, foldLine, joinCalendars, localDateTime, renderCalendar, utcDateTime } from '../../src/modules/feeds/ical';
import type { CalendarEvent } from '../../src/modules/feeds/presenter';
import { escapeXml } from '../../src/modules/feeds/xml';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
const unfold = (folded: string) => folded.replace(/\r\n /g, '');

describe('iCalendar and XML text helpers', () => {
  it('folds at 75 octets, counting the leading space, and never inside a character', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
    for (const line of ['ø'.repeat(100), `x${'😀'.repeat(40)}`, `DESCRIPTION:${'æ,ø;å\\n '.repeat(30)}`]) {
      const folded = foldLine(line);
      expect(unfold(folded)).toBe(line);
      for (const physical of folded.split('\r\n')) {
        expect(octets(physical)).toBeLessThanOrEqual(75);
        expect(physical).not.toContain('\uFFFD');
      }
      // Full use of each line: a fold happens only where the next character would not fit
      const parts = folded.split('\r\n');
      for (const part of parts.slice(0, -1)) expect(octets(part)).toBeGreaterThan(75 - 4);
    }
  });

  it('escapes TEXT values and drops control characters but tab', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg\u0007h\ti')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ngh\ti');
  });

  it('writes local and UTC date-times', () => {
    expect(localDateTime(new Date('2021-04-06T12:00:00Z'))).toBe('20210406T140000');
    expect(localDateTime(new Date('2026-12-08T15:00:00Z'))).toBe('20261208T160000');
    // Across the changes to and from summer time, and midnight at the turn of the year.
    expect(localDateTime(new Date('2021-03-28T00:59:59Z'))).toBe('20210328T015959');
    expect(localDateTime(new Date('2021-03-28T01:00:00Z'))).toBe('20210328T030000');
    expect(localDateTime(new Date('2021-10-31T00:59:59Z'))).toBe('20211031T025959');
    expect(localDateTime(new Date('2021-10-31T01:00:00Z'))).toBe('20211031T020000');
    expect(localDateTime(new Date('2021-12-31T23:30:00Z'))).toBe('20220101T003000');
    expect(utcDateTime(new Date('2021-04-13T09:00:00.123Z'))).toBe('20210413T090000Z');
  });

  it('gives Copenhagen wall time as the time zone database does, 1980 to 2040, summer time changes included', () => {
    const reference = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    const expected = (ms: number) => {
      const p = Object.fromEntries(reference.formatToParts(ms).map((x) => [x.type, x.value]));
      return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
    };
    const instants: number[] = [];
    // Every 7 h 13 min 7 s (all hours and days of the week come round), and each hour's turn, a second either side,
    // on the Sundays at the end of March, September (the end of summer time until 1996) and October.
    for (let ms = Date.UTC(1980, 0, 1); ms < Date.UTC(2040, 0, 1); ms += ((7 * 60 + 13) * 60 + 7) * 1000) instants.push(ms);
    for (let year = 1980; year < 2040; year++) {
      for (const month of [2, 8, 9]) {
        for (let day = 18; day <= 31; day++) {
          const midnight = Date.UTC(year, month, day);
          if (new Date(midnight).getUTCDay() !== 0 || new Date(midnight).getUTCMonth() !== month) continue;
          for (let hour = 0; hour < 6; hour++) instants.push(midnight + hour * 3_600_000 - 1000, midnight + hour * 3_600_000, midnight + hour * 3_600_000 + 1000);
        }
      }
    }
    const wrong = instants.filter((ms) => localDateTime(new Date(ms)) !== expected(ms)).map((ms) => new Date(ms).toISOString());
    expect(wrong).toEqual([]);
  });

  it('joins calendars into one, byte for byte the calendar of all their events', () => {
    const event = (n: number, description: string): CalendarEvent => ({
      uid: `meeting-${n}@moeder.example.dk`,
      stamp: new Date(Date.UTC(2026, 0, n)),
      created: new Date(Date.UTC(2025, 0, n)),
      sequence: n,
      start: new Date(Date.UTC(2026, 1, n, 15)),
      end: n % 2 ? null : new Date(Date.UTC(2026, 1, n, 17)),
      summary: `Udvalg ${n}: møde`,
      location: n % 3 ? 'Rådhuset' : null,
      url: `https://moeder.example.dk/dagsorden/m-${n}`,
      description,
      cancelled: n === 2,
    });
    // A description that holds the calendar's own lines as text: escaped, they end no part.
    const a = [event(1, 'Punkt 1 END:VTIMEZONE\r\nEND:VCALENDAR'), event(2, 'æ'.repeat(80))];
    const b = [event(3, 'Dagsorden:\nPunkt 1 Godkendelse')];
    const frame = { name: 'Mødekalender – Ballerup Kommune', description: 'Møder i udvalg, råd og nævn' };
    const parts = [a, [], b].map((events, i) => eventsOf(Buffer.from(renderCalendar({ name: `Udvalg ${i}`, description: `Møder i udvalg ${i}`, events }))));
    expect(parts[1]?.length).toBe(0);
    expect(joinCalendars(frame, parts).toString('utf8')).toBe(renderCalendar({ ...frame, events: [...a, ...b] }));
    expect(() => eventsOf(Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'))).toThrow();
    expect(() => eventsOf(Buffer.from('END:VCALENDAR\r\n'))).toThrow();
  });

  it('escapes XML and drops what XML 1.0 cannot hold', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0000\u001F\uFFFE\uD800ok`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;ok');
    expect(escapeXml('😀 æøå')).toBe('😀 æøå');
  });
});
