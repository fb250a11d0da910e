import { TZDate, tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { da } from 'date-fns/locale';

/** All dates shown to users are Copenhagen wall time, whatever the server clock says. */
export const TIME_ZONE = 'Europe/Copenhagen';
const inCph = { in: tz(TIME_ZONE), locale: da };

/** "6. april 2021" */
export function formatDate(date: Date): string {
  return format(date, 'd. MMMM yyyy', inCph);
}

/** "tirsdag den 6. april 2021" */
export function formatLongDate(date: Date): string {
  return format(date, "EEEE 'den' d. MMMM yyyy", inCph);
}

/** "14.00" (Danish time notation) */
export function formatTime(date: Date): string {
  return format(date, 'HH.mm', inCph);
}

/** "06-04-2021", as used in Ballerup's URLs and decision history */
export function formatDashedDate(date: Date): string {
  return format(date, 'dd-MM-yyyy', inCph);
}

/** "2021-04-06" */
export function formatIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd', inCph);
}

export function yearOf(date: Date): number {
  return Number(format(date, 'yyyy', inCph));
}

/** "HH-mm" for slugs of a second meeting on the same day */
export function formatSlugTime(date: Date): string {
  return format(date, 'HH-mm', inCph);
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
