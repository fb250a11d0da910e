import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/knex';
import { issueCsrfToken, issueFormToken } from '../../web/csrf';
import { renderInvalid } from '../../web/forms';
import type { RouteDef } from '../../web/route-table';
import { verifyAgainstDummy, verifyPassword } from './password';
import { findLoginByEmail, findUserById } from './repository';
import { ACCOUNT_LIMIT, accountKey, ADDRESS_LIMIT, addressKey, clearFailures, lockedFor, recordFailure } from './throttle';

const loginSchema = z.object({
  email: z.string({ required_error: 'Skriv din e-mailadresse', invalid_type_error: 'Skriv din e-mailadresse' }).trim().min(1, 'Skriv din e-mailadresse').max(320, 'E-mailadressen er for lang').email('Skriv en gyldig e-mailadresse, fx navn@kommune.dk'),
  password: z.string({ required_error: 'Skriv din adgangskode', invalid_type_error: 'Skriv din adgangskode' }).min(1, 'Skriv din adgangskode').max(1000, 'Adgangskoden er for lang'),
  next: z.string({ invalid_type_error: 'Genindlæs siden, og prøv igen' }).max(2000, 'Genindlæs siden, og prøv igen').optional(),
});

/** Only local paths, so the login form cannot be used to send people elsewhere. */
export function safeNext(next: unknown): string | undefined {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return undefined;
  return next;
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
}

export function authRoutes(deps: { db: Db; now: () => Date }): RouteDef[] {
  const { db, now } = deps;
  const view = 'pages/auth/login';
  const locals = { pageTitle: 'Log ind' };

  const showLogin = (req: Request, res: Response) => {
    if (res.locals.user) return res.redirect(303, safeNext(req.query.next) ?? homeOf(res.locals.user.role));
    issueFormToken(req, res);
    res.render(view, { ...locals, values: { next: safeNext(req.query.next) ?? '' } });
  };

  const login = async (req: Request, res: Response) => {
    const body = req.body as Record<string, unknown>;
    const values = { email: typeof body.email === 'string' ? body.email : '', next: safeNext(body.next) ?? '' };
    const parsed = loginSchema.safeParse(body);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'email'), message: i.message }));
      return renderInvalid(res, view, locals, errors.filter((e, i) => errors.findIndex((x) => x.field === e.field) === i), values);
    }
    const { email, password } = parsed.data;
    const keys = [accountKey(email), addressKey(req.ip ?? 'unknown')];
    const minutes = await lockedFor(db, keys, now());
    if (minutes > 0) {
      return renderInvalid(res, view, locals, [{ field: 'email', message: `For mange forkerte forsøg. Prøv igen om ${minutes} minutter.` }], values, 429);
    }
    const account = await findLoginByEmail(db, email);
    const ok = account ? await verifyPassword(account.passwordHash, password) : await verifyAgainstDummy(password);
    if (!account || !ok) {
      await recordFailure(db, keys[0] as string, ACCOUNT_LIMIT, now());
      await recordFailure(db, keys[1] as string, ADDRESS_LIMIT, now());
      return renderInvalid(res, view, locals, [{ field: 'email', message: 'E-mail eller adgangskode er forkert' }], values, 401);
    }
    await clearFailures(db, keys[0] as string);
    const user = await findUserById(db, account.id);
    // A new session id at login, so a session id planted before login is worthless.
    await regenerate(req);
    req.session.userId = account.id;
    issueCsrfToken(req, res);
    res.redirect(303, safeNext(parsed.data.next) ?? homeOf(user?.role ?? 'member'));
  };

  const logout = (req: Request, res: Response) => {
    req.session.destroy(() => {
      res.clearCookie('moedebog.sid', { path: '/' });
      res.redirect(303, '/');
    });
  };

  return [
    { method: 'get', path: '/login', access: { kind: 'public' }, handlers: [showLogin] },
    { method: 'post', path: '/login', access: { kind: 'public' }, handlers: [login] },
    { method: 'post', path: '/logout', access: { kind: 'signed-in' }, handlers: [logout] },
  ];
}

export function homeOf(role: string): string {
  return role === 'member' ? '/mine-moeder' : '/admin';
}
