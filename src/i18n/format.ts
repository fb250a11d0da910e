import { TZDate, tz, tzOffset } from '@date-fns/tz';
// date-fns by function and the one locale: its index and all its locales take about 0.2 s to load at start.
import { format } from 'date-fns/format';
import { da } from 'date-fns/locale/da';

/** All dates shown to users are Copenhagen wall time, whatever the server clock says. */
export const TIME_ZONE = 'Europe/Copenhagen';
const inCph = { in: tz(TIME_ZONE), locale: da };

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];
const HOUR = 3_600_000;
/** Copenhagen's offsets have changed on whole UTC hours since 1894 (before it, local mean time): from 1900 on, one per hour holds. */
const WHOLE_HOURS_FROM = Date.UTC(1900, 0, 1);
const offsets = new Map<number, number>();

/**
 * An instant's Copenhagen wall time: the fields of a Date shifted by the offset, read as UTC.
 * A page shows hundreds of dates; the offset is computed once per hour of time and kept,
 * so this costs a few field reads where date-fns with a time zone costs microseconds each.
 * test/unit/slugs-and-formats.test.ts checks every format against date-fns.
 */
function wallTime(date: Date): { wall: Date; offset: number } | null {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid time value');
  if (ms < WHOLE_HOURS_FROM) return null;
  const hour = Math.floor(ms / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    offset = tzOffset(TIME_ZONE, date);
    if (offsets.size >= 200_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return { wall: new Date(ms + offset * 60_000), offset };
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));
const four = (n: number) => String(n).padStart(4, '0');

/** "6. april 2021" */
export function formatDate(date: Date): string {
  const t = wallTime(date);
  if (!t) return format(date, 'd. MMMM yyyy', inCph);
  return `${t.wall.getUTCDate()}. ${MONTHS[t.wall.getUTCMonth()]} ${four(t.wall.getUTCFullYear())}`;
}

/** "tirsdag den 6. april 2021" */
export function formatLongDate(date: Date): string {
  const t = wallTime(date);
  if (!t) return format(date, "EEEE 'den' d. MMMM yyyy", inCph);
  return `${WEEKDAYS[t.wall.getUTCDay()]} den ${t.wall.getUTCDate()}. ${MONTHS[t.wall.getUTCMonth()]} ${four(t.wall.getUTCFullYear())}`;
}

/** "14.00" (Danish time notation) */
export function formatTime(date: Date): string {
  const t = wallTime(date);
  if (!t) return format(date, 'HH.mm', inCph);
  return `${two(t.wall.getUTCHours())}.${two(t.wall.getUTCMinutes())}`;
}

/** "06-04-2021", as used in Ballerup's URLs and decision history */
export function formatDashedDate(date: Date): string {
  const t = wallTime(date);
  if (!t) return format(date, 'dd-MM-yyyy', inCph);
  return `${two(t.wall.getUTCDate())}-${two(t.wall.getUTCMonth() + 1)}-${four(t.wall.getUTCFullYear())}`;
}

/** "2021-04-06" */
export function formatIsoDate(date: Date): string {
  const t = wallTime(date);
  if (!t) return format(date, 'yyyy-MM-dd', inCph);
  return `${four(t.wall.getUTCFullYear())}-${two(t.wall.getUTCMonth() + 1)}-${two(t.wall.getUTCDate())}`;
}

/** "2021-04-06T14:00:00+02:00": ISO 8601 with Copenhagen's offset (OParl's date-time) */
export function formatIsoDateTime(date: Date): string {
  const t = wallTime(date);
  if (!t) return format(date, "yyyy-MM-dd'T'HH:mm:ssXXX", inCph);
  const w = t.wall;
  const sign = t.offset < 0 ? '-' : '+';
  const abs = Math.abs(t.offset);
  const zone = t.offset === 0 ? 'Z' : `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
  return `${formatIsoDate(date)}T${two(w.getUTCHours())}:${two(w.getUTCMinutes())}:${two(w.getUTCSeconds())}${zone}`;
}

export function yearOf(date: Date): number {
  const t = wallTime(date);
  return t ? t.wall.getUTCFullYear() : Number(format(date, 'yyyy', inCph));
}

/** "HH-mm" for slugs of a second meeting on the same day */
export function formatSlugTime(date: Date): string {
  const t = wallTime(date);
  if (!t) return format(date, 'HH-mm', inCph);
  return `${two(t.wall.getUTCHours())}-${two(t.wall.getUTCMinutes())}`;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** 1177788 → "1.177.788"; -6662 → "-6.662"; 4.6 with 3 decimals → "4,600". Uses a hyphen-minus as the documents do. */
export function formatNumber(value: number, decimals = 0): string {
  let nf = numberFormats.get(decimals);
  if (!nf) {
    nf = new Intl.NumberFormat('da-DK', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, nf);
  }
  return nf.format(value).replace(/\u2212/g, '-');
}

/** 1185.0 → "1.185,0 mio. kr." */
export function formatMillions(value: number): string {
  return `${formatNumber(value, 1)} mio. kr.`;
}

/** 'YYYY-MM-DDTHH:mm' as Copenhagen wall time → the instant. */
export function fromCopenhagenLocal(local: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`Not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, TIME_ZONE).getTime());
}
