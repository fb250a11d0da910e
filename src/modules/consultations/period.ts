import { formatDate, formatIsoDate, fromCopenhagenLocal } from '../../i18n/format';

/**
 * The dates of a consultation are calendar days in Copenhagen ('YYYY-MM-DD'): a
 * response is in time when it arrives before the deadline's day is over.
 */

export type ConsultationStatus = 'planned' | 'open' | 'closed' | 'summary_published';

export const STATUS_LABELS: Record<ConsultationStatus, string> = {
  planned: 'Høringen er ikke begyndt',
  open: 'I høring',
  closed: 'Høringsfristen er udløbet',
  summary_published: 'Høringsnotatet er offentliggjort',
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`Not a date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

/** The instant a calendar day ends in Copenhagen (midnight before the next day). */
export function endOfDay(date: string): Date {
  return fromCopenhagenLocal(`${addDays(date, 1)}T00:00`);
}

/** Noon of a calendar day, for formatting it. */
export function dayAsDate(date: string): Date {
  return fromCopenhagenLocal(`${date}T12:00`);
}

export function todayIn(now: Date): string {
  return formatIsoDate(now);
}

export function consultationStatus(c: { startsOn: string; deadline: string; summaryPublishedAt: Date | null }, now: Date): ConsultationStatus {
  if (c.summaryPublishedAt) return 'summary_published';
  const today = todayIn(now);
  if (today < c.startsOn) return 'planned';
  if (today <= c.deadline) return 'open';
  return 'closed';
}

export function deadlinePassed(deadline: string, now: Date): boolean {
  return now.getTime() >= endOfDay(deadline).getTime();
}

export function isLate(receivedAt: Date, deadline: string): boolean {
  return receivedAt.getTime() >= endOfDay(deadline).getTime();
}

/** When a private answer link stops working: the end of the deadline's day plus the grace days. */
export function linkExpiry(deadline: string, graceDays: number): Date {
  return endOfDay(addDays(deadline, graceDays));
}

/** "7. oktober – 15. november 2022"; across years both dates in full. */
export function formatPeriod(startsOn: string, deadline: string): string {
  const from = formatDate(dayAsDate(startsOn));
  const to = formatDate(dayAsDate(deadline));
  const sameYear = startsOn.slice(0, 4) === deadline.slice(0, 4);
  return `${sameYear ? from.replace(/ \d{4}$/, '') : from} – ${to}`;
}

export function formatDay(date: string): string {
  return formatDate(dayAsDate(date));
}
