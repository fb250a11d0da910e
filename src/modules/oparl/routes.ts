import type { Request, RequestHandler, Response } from 'express';
import type { RouteDeps } from '../../routes';
import { AppError } from '../../web/errors';
import type { RouteDef } from '../../web/route-table';
import { siteOrigin } from '../feeds/site-origin';
import { listSearch, parseListQuery } from './list-query';
import type { Scope } from './repository';
import { createOparlService, type ListName, type OparlService } from './service';
import { oparlTexts } from './texts';
import { BODY_LISTS, JSON_SUFFIX, OPARL_PREFIX, oparlUrls, shelfOf, type OparlUrls, type PdfFileVariant, type SHELVED } from './urls';
import { oparlDate } from './values';

const ID = /^[1-9]\d{0,9}$/;
const MAX_ID = 2_147_483_647;
/** A page number in a path ("page-2.json"): no leading zeros, so each page has one URL */
const PAGE = /^[1-9]\d{0,5}$/;

/** A positive integer id from a path parameter, or undefined (the object then does not exist). */
function idOf(raw: unknown): number | undefined {
  if (typeof raw !== 'string' || !ID.test(raw)) return undefined;
  const id = Number(raw);
  return id <= MAX_ID ? id : undefined;
}

function notFound(): AppError {
  return new AppError(404, 'not_found', oparlTexts.notFound);
}

/** An answer that sends the client on to the canonical URL (OParl 1.1, 2.3: 301 Moved Permanently). */
class Redirect {
  constructor(readonly location: string) {}
}

/** Matches the paths of a route ("/oparl/v1.1/body/:bodyId.json"): each parameter is one path segment or part of one. */
function pathPattern(path: string): RegExp {
  return new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+')}$`);
}

interface Ctx {
  req: Request;
  service: OparlService;
  urls: OparlUrls;
}

/**
 * The OParl 1.1 API under /oparl/v1.1/: public data only, JSON in UTF-8, CORS open
 * to every origin, ids built from the configured public base URL or else from the
 * request's own protocol and host (never a fixed localhost). Every URL ends in
 * ".json" and a list's pages are paths of their own (see urls.ts), so the static
 * site holds the same files under the same URLs.
 */
export function oparlRoutes(deps: RouteDeps): RouteDef[] {
  const { db, now } = deps;
  const withPdfs = Boolean(deps.pdf);
  const systemName = deps.config.siteName ?? 'Mødebog';

  const originOf = (req: Request): string => deps.config.publicBaseUrl?.replace(/\/+$/, '') ?? siteOrigin(req).origin;

  /** Runs a handler and answers in JSON: the object, a redirect, or a JSON error (404 when the handler finds nothing). */
  const api =
    (handle: (ctx: Ctx) => Promise<unknown>): RequestHandler =>
    async (req: Request, res: Response) => {
      // Open data: any site may read it, from scripts (CORS) and as a plain resource (CORP).
      res.set({ 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' });
      const urls = oparlUrls(originOf(req));
      const service = createOparlService({ db, urls, withPdfs, today: oparlDate(now()), systemName });
      try {
        const body = await handle({ req, service, urls });
        if (body === undefined) throw notFound();
        if (body instanceof Redirect) {
          res.status(301).location(body.location).end();
          return;
        }
        res.type('application/json; charset=utf-8').send(JSON.stringify(body));
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        res.status(error.status).type('application/json; charset=utf-8').send(JSON.stringify({ error: { code: error.code, message: error.userMessage } }));
      }
    };

  /**
   * A list: one page of it, filtered, from ".../<list>.json" (page 1) or ".../<list>/page-<n>.json".
   * A list of an object that does not exist, and a page past the last, are 404s. The query-string
   * form of a page (`?page=3`) and "page-1.json" lead (301) to the page's one URL.
   */
  const list = (kind: ListName, scopeOf: (ctx: Ctx) => Promise<{ scope?: Scope; pageUrl: (page: number) => string } | undefined>) =>
    api(async (ctx) => {
      const rawPage = ctx.req.params.page;
      if (rawPage !== undefined && !PAGE.test(String(rawPage))) return undefined;
      const pathPage = rawPage === undefined ? 1 : Number(rawPage);
      const parsed = parseListQuery(ctx.req.query, pathPage);
      if (!parsed.ok) throw new AppError(400, 'bad_parameter', oparlTexts.badParameter(parsed.parameter));
      const target = await scopeOf(ctx);
      if (!target) return undefined;
      if (parsed.pageInQuery || (rawPage !== undefined && pathPage === 1)) return new Redirect(`${target.pageUrl(parsed.query.page)}${listSearch(parsed.query)}`);
      return ctx.service.list(kind, target.scope, parsed.query, target.pageUrl);
    });

  const bodyList = (kind: (typeof BODY_LISTS)[number]) =>
    list(kind, async ({ req, service, urls }) => {
      const bodyId = idOf(req.params.bodyId);
      if (bodyId === undefined || !(await service.bodyExists(bodyId))) return undefined;
      return { scope: { column: 'bodyId', id: bodyId }, pageUrl: (page) => urls.bodyList(bodyId, kind, page) };
    });

  const organizationMeetings = list('meeting', async ({ req, service, urls }) => {
    const id = idOf(req.params.organizationId);
    if (id === undefined || !(await service.organizationExists(id))) return undefined;
    return { scope: { column: 'organizationId', id }, pageUrl: (page) => urls.organizationMeetings(id, page) };
  });

  /** One object by a numeric id. */
  const one = (param: string, load: (service: OparlService, id: number) => Promise<unknown>) =>
    api(async ({ req, service }) => {
      const id = idOf(req.params[param]);
      return id === undefined ? undefined : load(service, id);
    });

  const legislativeTerm = api(async ({ req, service }) => {
    const match = /^([1-9]\d{0,9})-(\d{4})$/.exec(String(req.params.termId));
    const bodyId = idOf(match?.[1]);
    return match && bodyId !== undefined ? service.legislativeTerm(bodyId, Number(match[2])) : undefined;
  });

  const file = api(async ({ req, service }) => {
    const raw = String(req.params.fileId);
    const attachmentId = idOf(raw);
    if (attachmentId !== undefined) return service.attachmentFile(attachmentId);
    const pdf = /^(dagsorden|referat|samlet)-([1-9]\d{0,9})$/.exec(raw);
    const meetingId = idOf(pdf?.[2]);
    return pdf && meetingId !== undefined && withPdfs ? service.meetingFile(meetingId, pdf[1] as PdfFileVariant) : undefined;
  });

  const location = api(async ({ req, service }) => {
    const key = String(req.params.locationId);
    return /^[0-9a-f]{32}$/.test(key) ? service.location(key) : undefined;
  });

  const motion = api(async ({ req, service }) => {
    const match = /^(amendment|point)-([1-9]\d{0,9})$/.exec(String(req.params.motionId));
    const id = idOf(match?.[2]);
    if (!match || id === undefined) return undefined;
    return match[1] === 'amendment' ? service.amendmentMotion(id) : service.pointMotion(id);
  });

  const vote = api(async ({ req, service }) => {
    const voteId = idOf(req.params.voteId);
    const personId = idOf(req.params.personId);
    return voteId !== undefined && personId !== undefined ? service.vote(voteId, personId) : undefined;
  });

  const missing = api(async () => undefined);
  /**
   * A numbered object on its shelf ("/agendaItem/412/41234.json", urls.ts): any other shelf is a 404, and
   * the URL without a shelf (the form before shelves) leads (301) to the object's one URL. `numberOf` checks
   * every parameter of the path: the redirect repeats the path, so it is made only of what was checked.
   */
  const shelved = (kind: (typeof SHELVED)[number], rest: string, numberOf: (params: Request['params']) => number | undefined, handler: RequestHandler): RouteDef[] => [
    get(`/${kind}/:shelf/${rest}`, (req, res, next) => {
      const n = numberOf(req.params);
      return (n !== undefined && req.params.shelf === shelfOf(n) ? handler : missing)(req, res, next);
    }),
    get(
      `/${kind}/${rest}`,
      api(async ({ req, urls }) => {
        const n = numberOf(req.params);
        if (n === undefined) return undefined;
        const query = req.originalUrl.indexOf('?');
        return new Redirect(`${urls.origin}${OPARL_PREFIX}/${kind}/${shelfOf(n)}${req.path.slice(`${OPARL_PREFIX}/${kind}`.length)}${query >= 0 ? req.originalUrl.slice(query) : ''}`);
      }),
    ),
  ];

  const open = { kind: 'public' } as const;
  const get = (path: string, handler: RequestHandler): RouteDef => ({ method: 'get', path: `${OPARL_PREFIX}${path}`, access: open, handlers: [handler] });
  /** A list's first page and its further pages */
  const listRoutes = (path: string, handler: RequestHandler): RouteDef[] => [get(`${path}${JSON_SUFFIX}`, handler), get(`${path}/page-:page${JSON_SUFFIX}`, handler)];

  const routes: RouteDef[] = [
    get('/system.json', api(async ({ service }) => service.system())),
    ...listRoutes('/body', list('body', async ({ urls }) => ({ pageUrl: (page) => urls.bodies(page) }))),
    get('/body/:bodyId.json', one('bodyId', (s, id) => s.body(id))),
    ...BODY_LISTS.flatMap((kind) => listRoutes(`/body/:bodyId/${kind}`, bodyList(kind))),
    get('/legislativeTerm/:termId.json', legislativeTerm),
    get('/organization/:organizationId.json', one('organizationId', (s, id) => s.organization(id))),
    ...listRoutes('/organization/:organizationId/meeting', organizationMeetings),
    get('/person/:personId.json', one('personId', (s, id) => s.person(id))),
    get('/membership/:membershipId.json', one('membershipId', (s, id) => s.membership(id))),
    ...shelved('meeting', ':meetingId.json', (p) => idOf(p.meetingId), one('meetingId', (s, id) => s.meeting(id))),
    ...shelved('agendaItem', ':agendaItemId.json', (p) => idOf(p.agendaItemId), one('agendaItemId', (s, id) => s.agendaItem(id))),
    ...shelved('paper', ':paperId.json', (p) => idOf(p.paperId), one('paperId', (s, id) => s.paper(id))),
    ...shelved('consultation', ':consultationId.json', (p) => idOf(p.consultationId), one('consultationId', (s, id) => s.consultation(id))),
    ...shelved('file', ':fileId.json', (p) => idOf(/^(?:(?:dagsorden|referat|samlet)-)?(\d+)$/.exec(String(p.fileId))?.[1]), file),
    get('/location/:locationId.json', location),
    ...shelved('motion', ':motionId.json', (p) => idOf(/^(?:amendment|point)-(\d+)$/.exec(String(p.motionId))?.[1]), motion),
    ...shelved('voteEvent', ':voteEventId.json', (p) => idOf(p.voteEventId), one('voteEventId', (s, id) => s.voteEvent(id))),
    // A vote's URL has two numbers: both must be ids, or the form without a shelf would send any text on in its Location.
    ...shelved('vote', ':voteId/:personId.json', (p) => (idOf(p.personId) === undefined ? undefined : idOf(p.voteId)), vote),
  ];

  // A URL without its ".json" ("/oparl/v1.1/system", "/oparl/v1.1/body/1") leads to the one with it.
  const patterns = routes.map((r) => pathPattern(r.path));
  const rest = api(async ({ req, urls }) => {
    const target = `${req.path}${JSON_SUFFIX}`;
    if (req.path.endsWith(JSON_SUFFIX) || !patterns.some((p) => p.test(target))) return undefined;
    const query = req.originalUrl.indexOf('?');
    return new Redirect(`${urls.origin}${target}${query >= 0 ? req.originalUrl.slice(query) : ''}`);
  });

  return [
    { method: 'get', path: OPARL_PREFIX, access: open, handlers: [api(async ({ urls }) => new Redirect(urls.system()))] },
    ...routes,
    // Anything else under the API is a JSON 404 (or the redirect above), not the site's HTML error page.
    get('/*rest', rest),
  ];
}
