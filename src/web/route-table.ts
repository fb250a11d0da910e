import type { Request, RequestHandler, Response, Router } from 'express';
import type { Db } from '../db/knex';
import { canEditCommittee, isStaff } from '../modules/auth/permissions';
import type { User } from '../modules/auth/repository';
import { verifyCsrf } from './csrf';
import { AppError, NotFoundError } from './errors';
import type { PageCache } from './page-cache';

declare module 'express-serve-static-core' {
  interface Locals {
    user?: User;
    /** The committee the authorized resource belongs to, set by authorize() for scoped rules */
    committeeId?: number;
  }
}

/** What a route's resource id (a path parameter) refers to, for rules scoped to a committee. */
export type Scope = 'committee' | 'meeting' | 'item' | 'table' | 'attachment' | 'subPoint';

export type Access =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'admin' }
  /** Any secretary or admin */
  | { kind: 'staff' }
  /** Secretaries of the committee the resource belongs to, and admins */
  | { kind: 'committee-staff'; scope: Scope; param: string }
  /** Members of the committee (and its secretaries and admins) */
  | { kind: 'committee-member'; scope: Scope; param: string };

export interface RouteDef {
  method: 'get' | 'post';
  path: string;
  access: Access;
  handlers: RequestHandler[];
}

const SCOPE_SQL: Record<Scope, string> = {
  committee: 'SELECT id AS committee_id FROM committees WHERE id = ?',
  meeting: 'SELECT committee_id FROM meetings WHERE id = ?',
  item: 'SELECT m.committee_id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?',
  table: 'SELECT m.committee_id FROM budget_tables t JOIN agenda_items i ON i.id = t.item_id JOIN meetings m ON m.id = i.meeting_id WHERE t.id = ?',
  attachment: 'SELECT m.committee_id FROM attachments a JOIN agenda_items i ON i.id = a.item_id JOIN meetings m ON m.id = i.meeting_id WHERE a.id = ?',
  subPoint: 'SELECT m.committee_id FROM sub_points s JOIN agenda_items i ON i.id = s.item_id JOIN meetings m ON m.id = i.meeting_id WHERE s.id = ?',
};

export async function committeeOf(db: Db, scope: Scope, id: number): Promise<number | undefined> {
  const result = await db.raw<{ rows: Array<{ committee_id: number }> }>(SCOPE_SQL[scope], [id]);
  return result.rows[0]?.committee_id;
}

function forbidden(): AppError {
  return new AppError(403, 'forbidden', 'Du har ikke adgang til denne side.');
}

function toLogin(req: Request, res: Response): void {
  const next = req.method === 'GET' ? req.originalUrl : '';
  res.redirect(303, next ? `/login?next=${encodeURIComponent(next)}` : '/login');
}

/** The server-side check for one rule. Runs before anything else on the route, CSRF included. */
export function authorize(db: Db, access: Access): RequestHandler {
  return async (req, res, next) => {
    if (access.kind === 'public') return next();
    const user = res.locals.user;
    if (!user) return toLogin(req, res);
    if (access.kind === 'signed-in') return next();
    if (access.kind === 'admin') return user.role === 'admin' ? next() : next(forbidden());
    if (access.kind === 'staff') return isStaff(user) ? next() : next(forbidden());
    if (access.kind === 'committee-staff' && !isStaff(user)) return next(forbidden());
    const raw = req.params[access.param];
    const id = Number(raw);
    if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return next(new NotFoundError());
    const committeeId = await committeeOf(db, access.scope, id);
    if (committeeId === undefined) return next(new NotFoundError());
    res.locals.committeeId = committeeId;
    if (canEditCommittee(user, committeeId)) return next();
    if (access.kind === 'committee-member' && user.personId !== null) {
      const seat = await db('memberships').where({ committee_id: committeeId, person_id: user.personId }).first('id');
      if (seat) return next();
    }
    next(forbidden());
  };
}

/**
 * Public pages may be cached briefly by browsers and CDNs when nobody is signed in
 * (Express adds a strong ETag, so revalidation is a 304); pages for a signed-in user
 * carry their name and a CSRF token, and are never stored.
 */
const cacheHeaders: RequestHandler = (_req, res, next) => {
  res.set('Vary', 'Cookie');
  res.set('Cache-Control', res.locals.user ? 'private, no-store' : 'public, max-age=60, stale-while-revalidate=300');
  next();
};

const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'private, no-store');
  next();
};

/** Registers route definitions: every route gets its access rule, caching headers (public pages also the page cache), and every POST its CSRF check. */
export function mountRoutes(router: Router, db: Db, defs: RouteDef[], cache: PageCache): void {
  for (const def of defs) {
    const publicPage = def.access.kind === 'public' && def.method === 'get';
    const chain: RequestHandler[] = [authorize(db, def.access), publicPage ? cacheHeaders : noStore];
    if (publicPage) chain.push(cache.pages);
    if (def.method === 'post') chain.push(verifyCsrf);
    router[def.method](def.path, ...chain, ...def.handlers);
  }
}
