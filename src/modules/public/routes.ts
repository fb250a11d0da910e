import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/knex';
import { NotFoundError } from '../../web/errors';
import type { PageCache } from '../../web/page-cache';
import type { RouteDef } from '../../web/route-table';
import { minutesContext } from '../approval/public-routes';
import { committeeFacts } from '../boards/extras';
import { cachedPublicView, committeeOverview, committeePage, frontPage } from '../meetings/service';

const slugParam = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(200);
const itemParam = z.coerce.number().int().min(1).max(10_000);

export interface PublicDeps {
  db: Db;
  now: () => Date;
  cache: PageCache;
}

/** The pages citizens read. Nothing here may show a closed item's content: the public meeting view (loadMeetingView) never reads it. */
export function publicRoutes({ db, now, cache }: PublicDeps): RouteDef[] {
  const publicView = (slug: string) => cachedPublicView(cache, db, slug);

  const front = async (_req: Request, res: Response) => {
    const page = await frontPage(db, now());
    res.render('pages/public/front', { pageTitle: 'Dagsordener og referater', ...page });
  };

  const committees = async (_req: Request, res: Response) => {
    const overview = await committeeOverview(db);
    res.render('pages/public/committees', { pageTitle: 'Udvalg, råd og nævn', ...overview });
  };

  const committee = async (req: Request, res: Response) => {
    const slug = slugParam.safeParse(req.params.slug);
    const page = slug.success ? await committeePage(db, slug.data) : undefined;
    if (!page) throw new NotFoundError('Udvalget');
    res.render('pages/public/committee', {
      pageTitle: page.committee.name,
      committee: page.committee,
      years: page.years,
      ...(await committeeFacts(db, page.committee)),
      breadcrumbs: [{ href: '/', text: 'Forside' }, { href: '/udvalg', text: 'Udvalg' }, { text: page.committee.name }],
    });
  };

  const meetingPage = async (req: Request, res: Response) => {
    const slug = slugParam.safeParse(req.params.slug);
    const meeting = slug.success ? await publicView(slug.data) : undefined;
    if (!meeting) throw new NotFoundError('Mødet');
    const minutes = await minutesContext(db, meeting);
    res.render('pages/public/meeting', {
      pageTitle: minutes.reopened ? `Referat: ${meeting.committeeName}, ${meeting.date}` : meeting.title,
      meeting,
      ...minutes,
      breadcrumbs: [
        { href: '/', text: 'Forside' },
        { href: `/udvalg/${meeting.committeeSlug}`, text: meeting.committeeName },
        { text: `${minutes.reopened ? 'Referat' : meeting.documentKind} ${meeting.date}` },
      ],
    });
  };

  const itemPage = async (req: Request, res: Response) => {
    const slug = slugParam.safeParse(req.params.slug);
    const number = itemParam.safeParse(req.params.number);
    const meeting = slug.success && number.success ? await publicView(slug.data) : undefined;
    const item = meeting?.items.find((i) => number.success && i.number === number.data);
    if (!meeting || !item) throw new NotFoundError('Punktet');
    res.render('pages/public/item', {
      pageTitle: `${item.heading} – ${meeting.committeeName} ${meeting.date}`,
      meeting,
      item,
      breadcrumbs: [
        { href: '/', text: 'Forside' },
        { href: `/udvalg/${meeting.committeeSlug}`, text: meeting.committeeName },
        { href: meeting.href, text: `${meeting.documentKind} ${meeting.date}` },
        { text: `Punkt ${item.number}` },
      ],
    });
  };

  const open = { kind: 'public' } as const;
  return [
    { method: 'get', path: '/', access: open, handlers: [front] },
    { method: 'get', path: '/udvalg', access: open, handlers: [committees] },
    { method: 'get', path: '/udvalg/:slug', access: open, handlers: [committee] },
    { method: 'get', path: '/dagsorden/:slug', access: open, handlers: [meetingPage] },
    { method: 'get', path: '/dagsorden/:slug/punkt-:number', access: open, handlers: [itemPage] },
  ];
}
