import { TIME_ZONE } from '../../i18n/format';
import type { Calendar, CalendarEvent, CalendarFrame } from './presenter';

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/**
 * Europe/Copenhagen as Danish law has had it since 1996 (EU summer time: last Sunday
 * of March 02:00 to last Sunday of October 03:00). Older meetings in Mødebog are from
 * after that; clients use the rules from the first DTSTART on.
 */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const TEXT_ESCAPES: Record<string, string> = { '\\': '\\\\', ';': '\\;', ',': '\\,', '\n': '\\n', '\r\n': '\\n', '\r': '\\n' };

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
export function escapeText(text: string): string {
  // One pass: a calendar of all meetings escapes megabytes of descriptions.
  return text.replace(/\r\n?|[\\;,\n\u0000-\u0008\u000B-\u001F\u007F]/g, (found) => TEXT_ESCAPES[found] ?? '');
}

/**
 * Folds a content line at 75 octets (RFC 5545 3.1): continuation lines start with
 * one space, which counts. A multi-byte UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  if (line.length <= MAX_OCTETS / 4 || Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  let i = 0;
  while (i < line.length) {
    const code = line.codePointAt(i) as number;
    const units = code > 0xffff ? 2 : 1;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > MAX_OCTETS) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 1; // the leading space of the continuation line
    }
    octets += size;
    i += units;
  }
  parts.push(line.slice(start));
  return parts.join(`${CRLF} `);
}

/** Copenhagen wall time in parts: one formatter for every event (a calendar of all meetings has thousands) */
const wallClock = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

function wallClockParts(ms: number): Partial<Record<Intl.DateTimeFormatPartTypes, string>> {
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of wallClock.formatToParts(ms)) part[type] = value;
  return part;
}

/** Copenhagen's offset from UTC at an instant, in minutes, as the time zone database has it. */
function offsetMinutes(ms: number): number {
  const p = wallClockParts(ms);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A year's summer time as UTC instants [start, end): the EU rule (VTIMEZONE above), from the last Sunday of March
 * to the last Sunday of October at 01:00 UTC, when the time zone database agrees for that year; null when it does
 * not (before 1996, say), and each time is then asked of it. Formatting is the calendar's main cost otherwise.
 */
const summerTimes = new Map<number, { start: number; end: number } | null>();
function summerTimeOf(year: number): { start: number; end: number } | null {
  const known = summerTimes.get(year);
  if (known !== undefined) return known;
  const lastSunday = (month: number) => {
    const lastDay = Date.UTC(year, month + 1, 0, 1);
    return lastDay - new Date(lastDay).getUTCDay() * DAY;
  };
  const rule = { start: lastSunday(2), end: lastSunday(9) };
  const agrees =
    offsetMinutes(Date.UTC(year, 0, 1)) === 60 &&
    offsetMinutes(rule.start - 1000) === 60 &&
    offsetMinutes(rule.start) === 120 &&
    offsetMinutes(rule.end - 1000) === 120 &&
    offsetMinutes(rule.end) === 60 &&
    offsetMinutes(Date.UTC(year, 11, 31, 23)) === 60;
  summerTimes.set(year, agrees ? rule : null);
  return agrees ? rule : null;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "20210406T140000" — Copenhagen wall time, for DTSTART;TZID=Europe/Copenhagen */
export function localDateTime(date: Date): string {
  const ms = date.getTime();
  const summer = summerTimeOf(date.getUTCFullYear());
  if (!summer) {
    const part = wallClockParts(ms);
    return `${part.year}${part.month}${part.day}T${part.hour}${part.minute}${part.second}`;
  }
  const wall = new Date(ms + (ms >= summer.start && ms < summer.end ? 2 : 1) * HOUR);
  return `${wall.getUTCFullYear()}${two(wall.getUTCMonth() + 1)}${two(wall.getUTCDate())}T${two(wall.getUTCHours())}${two(wall.getUTCMinutes())}${two(wall.getUTCSeconds())}`;
}

/** "20210406T120000Z" */
export function utcDateTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function eventLines(event: CalendarEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcDateTime(event.stamp)}`,
    `CREATED:${utcDateTime(event.created)}`,
    `LAST-MODIFIED:${utcDateTime(event.stamp)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`,
    `DTSTART;TZID=${TIME_ZONE}:${localDateTime(event.start)}`,
  ];
  // No recorded end: RFC 5545 then reads the event as ending when it starts, rather than inventing a length.
  if (event.end) lines.push(`DTEND;TZID=${TIME_ZONE}:${localDateTime(event.end)}`);
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  lines.push(
    `DESCRIPTION:${escapeText(event.description)}`,
    `URL:${event.url}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'CLASS:PUBLIC',
    `TRANSP:${event.cancelled ? 'TRANSPARENT' : 'OPAQUE'}`,
    'END:VEVENT',
  );
  return lines;
}

/** A calendar's lines before its events: its name, description and time zone. */
function calendarHead(calendar: CalendarFrame): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Moedebog//Moedekalender//DA',
    'CALSCALE:GREGORIAN',
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-CALDESC:${escapeText(calendar.description)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...VTIMEZONE,
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

const HEAD_END = `END:VTIMEZONE${CRLF}`;
const TAIL = `END:VCALENDAR${CRLF}`;

/** An iCalendar object (RFC 5545) with CRLF line endings and folded lines. */
export function renderCalendar(calendar: Calendar): string {
  const events = calendar.events.flatMap(eventLines);
  return calendarHead(calendar) + (events.length > 0 ? events.map(foldLine).join(CRLF) + CRLF : '') + TAIL;
}

const HEAD_END_BYTES = Buffer.from(HEAD_END);
const TAIL_BYTES = Buffer.from(TAIL);

/**
 * The events of a calendar renderCalendar made, as its UTF-8 bytes: everything between its time zone and its
 * end. A value holds no line break of its own (escapeText), so the first END:VTIMEZONE line is the head's.
 * Bytes, not text: the publisher joins the files of every committee (megabytes), and decoding and encoding
 * them again cost more than the rest of the join.
 */
export function eventsOf(calendar: Buffer): Buffer {
  const start = calendar.indexOf(HEAD_END_BYTES);
  const end = calendar.length - TAIL_BYTES.length;
  if (start < 0 || end < start + HEAD_END_BYTES.length || !calendar.subarray(end).equals(TAIL_BYTES)) throw new Error('Ikke en kalender, som Mødebog har lavet');
  return calendar.subarray(start + HEAD_END_BYTES.length, end);
}

/** One calendar of the events of others (eventsOf), in their order: byte for byte renderCalendar of all their events. */
export function joinCalendars(calendar: CalendarFrame, events: Buffer[]): Buffer {
  return Buffer.concat([Buffer.from(calendarHead(calendar)), ...events, TAIL_BYTES]);
}
