import type { Request, RequestHandler, Response } from 'express';
import type { RouteDeps } from '../../routes';
import { AppError } from '../../web/errors';
import type { RouteDef } from '../../web/route-table';
import { siteOrigin } from '../feeds/site-origin';
import { parseListQuery } from './list-query';
import type { Scope } from './repository';
import { createOparlService, type ListName, type OparlService } from './service';
import { oparlTexts } from './texts';
import { BODY_LISTS, OPARL_PREFIX, oparlUrls, type OparlUrls, type PdfFileVariant } from './urls';
import { oparlDate } from './values';

const ID = /^[1-9]\d{0,9}$/;
const MAX_ID = 2_147_483_647;

/** A positive integer id from a path parameter, or undefined (the object then does not exist). */
function idOf(raw: unknown): number | undefined {
  if (typeof raw !== 'string' || !ID.test(raw)) return undefined;
  const id = Number(raw);
  return id <= MAX_ID ? id : undefined;
}

function notFound(): AppError {
  return new AppError(404, 'not_found', oparlTexts.notFound);
}

interface Ctx {
  req: Request;
  service: OparlService;
  urls: OparlUrls;
}

/**
 * The OParl 1.1 API under /oparl/v1.1/: public data only, JSON in UTF-8, CORS open
 * to every origin, ids built from the configured public base URL or else from the
 * request's own protocol and host (never a fixed localhost).
 */
export function oparlRoutes(deps: RouteDeps): RouteDef[] {
  const { db, now } = deps;
  const withPdfs = Boolean(deps.pdf);
  const systemName = deps.config.siteName ?? 'Mødebog';

  const originOf = (req: Request): string => deps.config.publicBaseUrl?.replace(/\/+$/, '') ?? siteOrigin(req).origin;

  /** Runs a handler and answers in JSON: the object, or a JSON error (404 when the handler finds nothing). */
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
        res.type('application/json; charset=utf-8').send(JSON.stringify(body));
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        res.status(error.status).type('application/json; charset=utf-8').send(JSON.stringify({ error: { code: error.code, message: error.userMessage } }));
      }
    };

  /** A list: its page, filtered and paginated; a list of an object that does not exist is a 404. */
  const list = (kind: ListName, scopeOf: (ctx: Ctx) => Promise<{ scope?: Scope; url: string } | undefined>) =>
    api(async (ctx) => {
      const parsed = parseListQuery(ctx.req.query);
      if (!parsed.ok) throw new AppError(400, 'bad_parameter', oparlTexts.badParameter(parsed.parameter));
      const target = await scopeOf(ctx);
      if (!target) return undefined;
      return ctx.service.list(kind, target.scope, parsed.query, target.url);
    });

  const bodyList = (kind: (typeof BODY_LISTS)[number]) =>
    list(kind, async ({ req, service, urls }) => {
      const bodyId = idOf(req.params.bodyId);
      if (bodyId === undefined || !(await service.bodyExists(bodyId))) return undefined;
      return { scope: { column: 'bodyId', id: bodyId }, url: urls.bodyList(bodyId, kind) };
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

  const system = api(async ({ service }) => service.system());
  const toSystem: RequestHandler = (_req, res) => res.redirect(302, `${OPARL_PREFIX}/system`);
  const unknown = api(async () => undefined);

  const open = { kind: 'public' } as const;
  const get = (path: string, handler: RequestHandler): RouteDef => ({ method: 'get', path: `${OPARL_PREFIX}${path}`, access: open, handlers: [handler] });
  return [
    { method: 'get', path: OPARL_PREFIX, access: open, handlers: [toSystem] },
    get('/system', system),
    get('/body', list('body', async ({ urls }) => ({ url: urls.bodies() }))),
    get('/body/:bodyId', one('bodyId', (s, id) => s.body(id))),
    ...BODY_LISTS.map((kind) => get(`/body/:bodyId/${kind}`, bodyList(kind))),
    get('/legislativeTerm/:termId', legislativeTerm),
    get('/organization/:organizationId', one('organizationId', (s, id) => s.organization(id))),
    get(
      '/organization/:organizationId/meeting',
      list('meeting', async ({ req, service, urls }) => {
        const id = idOf(req.params.organizationId);
        if (id === undefined || !(await service.organizationExists(id))) return undefined;
        return { scope: { column: 'organizationId', id }, url: urls.organizationMeetings(id) };
      }),
    ),
    get('/person/:personId', one('personId', (s, id) => s.person(id))),
    get('/membership/:membershipId', one('membershipId', (s, id) => s.membership(id))),
    get('/meeting/:meetingId', one('meetingId', (s, id) => s.meeting(id))),
    get('/agendaItem/:agendaItemId', one('agendaItemId', (s, id) => s.agendaItem(id))),
    get('/paper/:paperId', one('paperId', (s, id) => s.paper(id))),
    get('/consultation/:consultationId', one('consultationId', (s, id) => s.consultation(id))),
    get('/file/:fileId', file),
    get('/location/:locationId', location),
    get('/motion/:motionId', motion),
    get('/voteEvent/:voteEventId', one('voteEventId', (s, id) => s.voteEvent(id))),
    get('/vote/:voteId/:personId', vote),
    // Anything else under the API is a JSON 404, not the site's HTML error page.
    get('/*rest', unknown),
  ];
}
