import { formatDashedDate, formatSlugTime } from '../../i18n/format';

/**
 * Ballerup's meeting URLs: /dagsorden/<committee-slug>-<dd-mm-yyyy>; a second
 * meeting of the same committee on the same day gets -HH-MM appended.
 */
export function meetingSlug(committeeSlug: string, startsAt: Date, sameDayTaken: boolean): string {
  const base = `${committeeSlug}-${formatDashedDate(startsAt)}`;
  return sameDayTaken ? `${base}-${formatSlugTime(startsAt)}` : base;
}
