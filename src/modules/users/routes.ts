import type { Request, Response } from 'express';
import type { RouteDeps } from '../../routes';
import { NotFoundError } from '../../web/errors';
import { flash, parseForm, renderInvalid, type FieldError } from '../../web/forms';
import type { RouteDef } from '../../web/route-table';
import type { User } from '../auth/repository';
import { InvalidFieldError } from '../committees/invalid-field';
import { editUserSchema, newUserSchema, passwordSchema, ROLE_LABELS, toAccountData, USER_ROLES } from './schema';
import { accountChoices, createAccount, findAccount, generatePassword, listAccounts, resetPassword, updateAccount, type AccountRow } from './service';

const currentUser = (res: Response): User => res.locals.user as User;

function userIdParam(req: Request): number {
  const id = Number(req.params.userId);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw new NotFoundError('Brugeren');
  return id;
}

const roleOptions = USER_ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r] }));
const listCrumb = { href: '/admin/brugere', text: 'Brugere' };
const adminCrumb = { href: '/admin', text: 'Administration' };

/** Form values as the templates read them: committeeIds as strings (for "checked"), whatever the user typed kept. */
function formValues(body: unknown): Record<string, unknown> {
  const b = (body ?? {}) as Record<string, unknown>;
  const raw = b.committeeIds;
  const committeeIds = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
  const keep = (k: string) => (typeof b[k] === 'string' ? b[k] : '');
  return { email: keep('email'), name: keep('name'), role: keep('role'), scope: keep('scope'), personId: keep('personId'), committeeIds, disabled: b.disabled !== undefined };
}

function accountValues(a: AccountRow): Record<string, unknown> {
  return {
    email: a.email,
    name: a.name,
    role: a.role,
    scope: a.allCommittees ? 'all' : 'chosen',
    personId: a.personId ?? '',
    committeeIds: a.committeeIds.map(String),
    disabled: a.disabled,
  };
}

const fieldErrorOf = (error: InvalidFieldError): FieldError => ({ field: error.field, message: error.userMessage });

/** Admin pages for user accounts. Only admins reach them (the route table's rule). */
export function userAdminRoutes(deps: Pick<RouteDeps, 'db'>): RouteDef[] {
  const { db } = deps;

  /** Committee checkboxes grouped by body, and the people a member can be. */
  const choices = async (selected: unknown) => {
    const chosen = new Set(Array.isArray(selected) ? selected.map(String) : []);
    const { committees, people } = await accountChoices(db);
    const several = new Set(committees.map((c) => c.bodyName)).size > 1 || new Set(people.map((p) => p.bodyName)).size > 1;
    const committeeGroups: Array<{ bodyName: string; committees: Array<{ id: string; name: string; checked: boolean; first: boolean }> }> = [];
    for (const c of committees) {
      let group = committeeGroups.find((g) => g.bodyName === c.bodyName);
      if (!group) committeeGroups.push((group = { bodyName: c.bodyName, committees: [] }));
      group.committees.push({ id: String(c.id), name: c.name, checked: chosen.has(String(c.id)), first: c === committees[0] });
    }
    return {
      roleOptions,
      committeeGroups,
      peopleOptions: people.map((p) => ({ value: p.id, text: several ? `${p.name} (${p.bodyName})` : p.name })),
    };
  };

  const list = async (_req: Request, res: Response) => {
    const [accounts, { committees }] = await Promise.all([listAccounts(db), accountChoices(db)]);
    const names = new Map(committees.map((c) => [c.id, c.name]));
    res.render('pages/admin/users/list', {
      pageTitle: 'Brugere',
      users: accounts.map((a) => ({
        href: `/admin/brugere/${a.id}`,
        name: a.name,
        email: a.email,
        role: ROLE_LABELS[a.role],
        scope:
          a.role === 'admin'
            ? 'Alle udvalg'
            : a.role === 'secretary'
              ? a.allCommittees
                ? 'Alle udvalg'
                : a.committeeIds.map((id) => names.get(id) ?? '').filter(Boolean).join(', ')
              : a.personName
                ? `Medlem som ${a.personName}`
                : '',
        status: a.disabled ? 'Deaktiveret' : 'Aktiv',
      })),
      breadcrumbs: [adminCrumb, { text: 'Brugere' }],
    });
  };

  const newLocals = async (values: Record<string, unknown>) => ({ pageTitle: 'Opret bruger', ...(await choices(values.committeeIds)), breadcrumbs: [adminCrumb, listCrumb, { text: 'Opret bruger' }] });

  const newForm = async (_req: Request, res: Response) => {
    const values = { role: 'secretary', scope: 'chosen', committeeIds: [] };
    res.render('pages/admin/users/new', { ...(await newLocals(values)), values });
  };

  const create = async (req: Request, res: Response) => {
    const values = formValues(req.body);
    const parsed = parseForm(newUserSchema, req.body);
    if (!parsed.ok) return renderInvalid(res, 'pages/admin/users/new', await newLocals(values), parsed.errors, values);
    const generated = parsed.data.password === '';
    const password = generated ? generatePassword() : parsed.data.password;
    let userId: number;
    try {
      userId = await createAccount(db, toAccountData(parsed.data), password, { userId: currentUser(res).id });
    } catch (error) {
      if (error instanceof InvalidFieldError) return renderInvalid(res, 'pages/admin/users/new', await newLocals(values), [fieldErrorOf(error)], values);
      throw error;
    }
    if (!generated) {
      flash(res, 'success', `Brugeren ${parsed.data.email} er oprettet.`);
      return res.redirect(303, `/admin/brugere/${userId}`);
    }
    // Shown once, in this response only: never stored, never put in a redirect or the session.
    res.set('Cache-Control', 'no-store');
    res.status(201).render('pages/admin/users/password-shown', {
      pageTitle: 'Brugeren er oprettet',
      heading: 'Brugeren er oprettet',
      email: parsed.data.email,
      password,
      userHref: `/admin/brugere/${userId}`,
      breadcrumbs: [adminCrumb, listCrumb, { text: 'Brugeren er oprettet' }],
    });
  };

  const editLocals = async (account: AccountRow, self: boolean, values: Record<string, unknown>) => ({
    pageTitle: `Bruger: ${account.name}`,
    account: { id: account.id, name: account.name, email: account.email },
    action: `/admin/brugere/${account.id}`,
    self,
    ...(await choices(values.committeeIds)),
    breadcrumbs: [adminCrumb, listCrumb, { text: account.name }],
  });

  const loadAccount = async (req: Request) => {
    const account = await findAccount(db, userIdParam(req));
    if (!account) throw new NotFoundError('Brugeren');
    return account;
  };

  const edit = async (req: Request, res: Response) => {
    const account = await loadAccount(req);
    const values = accountValues(account);
    res.render('pages/admin/users/edit', { ...(await editLocals(account, account.id === currentUser(res).id, values)), values });
  };

  /** Two forms post here: action=password resets the password, anything else saves the account. */
  const save = async (req: Request, res: Response) => {
    const account = await loadAccount(req);
    const me = currentUser(res);
    const self = account.id === me.id;
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.action === 'password') {
      const parsed = parseForm(passwordSchema, body);
      const values = accountValues(account);
      if (!parsed.ok) return renderInvalid(res, 'pages/admin/users/edit', await editLocals(account, self, values), parsed.errors, values);
      const generated = parsed.data.password === '';
      const password = generated ? generatePassword() : parsed.data.password;
      await resetPassword(db, account.id, password, { userId: me.id, sessionId: req.sessionID, generated });
      if (!generated) {
        flash(res, 'success', 'Adgangskoden er skiftet. Brugeren er logget ud andre steder.');
        return res.redirect(303, `/admin/brugere/${account.id}`);
      }
      res.set('Cache-Control', 'no-store');
      return res.render('pages/admin/users/password-shown', {
        pageTitle: 'Ny adgangskode',
        heading: 'Ny adgangskode',
        email: account.email,
        password,
        userHref: `/admin/brugere/${account.id}`,
        breadcrumbs: [adminCrumb, listCrumb, { href: `/admin/brugere/${account.id}`, text: account.name }, { text: 'Ny adgangskode' }],
      });
    }
    const values = formValues(body);
    const locals = await editLocals(account, self, values);
    const parsed = parseForm(editUserSchema, body);
    if (!parsed.ok) return renderInvalid(res, 'pages/admin/users/edit', locals, parsed.errors, values);
    try {
      await updateAccount(db, account.id, { ...toAccountData(parsed.data), disabled: parsed.data.disabled }, { userId: me.id });
    } catch (error) {
      if (error instanceof InvalidFieldError) return renderInvalid(res, 'pages/admin/users/edit', locals, [fieldErrorOf(error)], values);
      throw error;
    }
    flash(res, 'success', 'Brugeren er gemt.');
    res.redirect(303, `/admin/brugere/${account.id}`);
  };

  const admin = { kind: 'admin' } as const;
  return [
    { method: 'get', path: '/admin/brugere', access: admin, handlers: [list] },
    { method: 'get', path: '/admin/brugere/ny', access: admin, handlers: [newForm] },
    { method: 'post', path: '/admin/brugere', access: admin, handlers: [create] },
    { method: 'get', path: '/admin/brugere/:userId', access: admin, handlers: [edit] },
    { method: 'post', path: '/admin/brugere/:userId', access: admin, handlers: [save] },
  ];
}
