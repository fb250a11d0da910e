import type { Request, Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../../routes';
import { NotFoundError } from '../../web/errors';
import type { RouteDef } from '../../web/route-table';
import { findCommitteeBySlug } from '../committees/repository';
import { renderAtom } from './atom';
import { renderCalendar } from './ical';
import { committeeLabel, presentCalendar, presentFeed, type Scope } from './presenter';
import { calendarMeetings, feedEntries } from './repository';
import { renderRss } from './rss';
import { AUTHORITY_UNNAMED } from './service';
import { siteOrigin } from './site-origin';

const slugParam = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(200);

/** How many entries a feed holds. */
export const FEED_LIMIT = 50;

const CONTENT_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
} as const;

/** RSS and Atom feeds of new agendas and minutes, and iCalendar files of every meeting: for all public committees and per committee. */
export function feedRoutes({ db, now }: RouteDeps): RouteDef[] {
  /**
   * The scope of the request; an unknown committee (or an outside party, never public) is a 404.
   * The authority is the site's own (src/app.ts reads it once for every page, as res.locals.site).
   */
  const scopeOf = async (req: Request, res: Response): Promise<{ scope: Scope; committeeId?: number }> => {
    const slug = req.params.slug === undefined ? undefined : slugParam.safeParse(req.params.slug);
    const committee = slug?.success ? await findCommitteeBySlug(db, slug.data) : undefined;
    const authority = (res.locals.site as { authority: string | null }).authority ?? AUTHORITY_UNNAMED;
    if (slug === undefined) return { scope: { authority } };
    if (!committee) throw new NotFoundError('Udvalget');
    const label = committeeLabel({ committeeName: committee.name, bodyName: committee.bodyName, bodyIsPrimary: committee.bodyIsPrimary });
    return { scope: { authority, committee: { label, slug: committee.slug } }, committeeId: committee.id };
  };

  const feed = (render: typeof renderRss, type: keyof typeof CONTENT_TYPES) => async (req: Request, res: Response) => {
    const { scope, committeeId } = await scopeOf(req, res);
    const rows = await feedEntries(db, { committeeId, limit: FEED_LIMIT });
    // An empty feed is dated by its committee's (or the site's) creation, not by the clock: unchanged data, unchanged feed.
    const since = committeeId === undefined ? await db('bodies').min<{ at: Date | null }>('created_at as at').first() : await db('committees').where({ id: committeeId }).first('created_at as at');
    res.type(CONTENT_TYPES[type]).send(render(presentFeed(rows, scope, siteOrigin(req), (since?.at as Date | null | undefined) ?? now())));
  };

  const calendar = async (req: Request, res: Response) => {
    const { scope, committeeId } = await scopeOf(req, res);
    const rows = await calendarMeetings(db, { committeeId });
    const file = scope.committee ? `${scope.committee.slug}.ics` : 'kalender.ics';
    res
      .type(CONTENT_TYPES.ics)
      .set('Content-Disposition', `inline; filename="${file}"`)
      .send(renderCalendar(presentCalendar(rows, scope, siteOrigin(req))));
  };

  const open = { kind: 'public' } as const;
  return [
    { method: 'get', path: '/feeds/rss.xml', access: open, handlers: [feed(renderRss, 'rss')] },
    { method: 'get', path: '/feeds/atom.xml', access: open, handlers: [feed(renderAtom, 'atom')] },
    { method: 'get', path: '/kalender.ics', access: open, handlers: [calendar] },
    { method: 'get', path: '/udvalg/:slug/rss.xml', access: open, handlers: [feed(renderRss, 'rss')] },
    { method: 'get', path: '/udvalg/:slug/atom.xml', access: open, handlers: [feed(renderAtom, 'atom')] },
    { method: 'get', path: '/udvalg/:slug/kalender.ics', access: open, handlers: [calendar] },
  ];
}
