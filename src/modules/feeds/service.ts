import type { Db } from '../../db/knex';
import { primaryBodyName } from '../committees/repository';
import { eventsOf, joinCalendars } from './ical';
import { calendarFrame } from './presenter';
import { publicCommitteeSlugs } from './repository';

/** The authority the feeds and calendars name when no body is recorded */
export const AUTHORITY_UNNAMED = 'Mødebog';

/**
 * The calendar of all meetings (GET /kalender.ics) from each public committee's calendar (GET
 * /udvalg/:slug/kalender.ics, as `calendarOf` gives its bytes): the same bytes, without reading and rendering
 * every meeting again. The publisher has the committees' files at hand, most of them unchanged since the last
 * publish.
 */
export async function joinedCalendar(db: Db, calendarOf: (committeeSlug: string) => Promise<Buffer>): Promise<Buffer> {
  const [primary, slugs] = await Promise.all([primaryBodyName(db), publicCommitteeSlugs(db)]);
  const events = await Promise.all(slugs.map(async (slug) => eventsOf(await calendarOf(slug))));
  return joinCalendars(calendarFrame({ authority: primary ?? AUTHORITY_UNNAMED }), events);
}
