import type { Request, Response } from 'express';
import { formatIsoDate } from '../../i18n/format';
import { committeeKindLabels } from '../../i18n/texts';
import type { RouteDeps } from '../../routes';
import { NotFoundError } from '../../web/errors';
import { fieldId, flash, parseForm, renderInvalid, type FieldError } from '../../web/forms';
import type { RouteDef } from '../../web/route-table';
import { canEditCommittee } from '../auth/permissions';
import type { User } from '../auth/repository';
import { meetingsOfCommittee } from '../meetings/repository';
import { userAdminRoutes } from '../users/routes';
import {
  committeeFactsValues,
  formatDay,
  groupCommittees,
  kindOptions,
  meetingViews,
  roleOptions,
  splitMemberships,
  substituteTargets,
} from './admin-presenter';
import { committeeFactsSchema, endMembershipSchema, membershipSchema, newCommitteeSchema, newMembershipSchema } from './admin-schema';
import {
  addMembership,
  createCommittee,
  endMembership,
  findAdminCommittee,
  findMembership,
  hasPublishedMeetings,
  listAllCommittees,
  listBodies,
  membershipsOf,
  peopleOfBody,
  updateCommittee,
  updateMembership,
} from './admin-service';
import { InvalidFieldError } from './invalid-field';

const currentUser = (res: Response): User => res.locals.user as User;
const actor = (res: Response) => ({ userId: currentUser(res).id });

/** A numeric path parameter, or 404. */
function idParam(req: Request, name: string, what: string): number {
  const id = Number(req.params[name]);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw new NotFoundError(what);
  return id;
}

const fieldErrorOf = (error: InvalidFieldError): FieldError => ({ field: error.field, message: error.userMessage });

/** Form state for re-rendering the committee page: which form failed, what was typed, and why. */
interface CommitteePageState {
  facts?: { values: unknown; errors: FieldError[] };
  add?: { values: unknown; errors: FieldError[] };
  end?: { membershipId: number; value: unknown; errors: FieldError[] };
}

const byField = (errors: FieldError[]) => Object.fromEntries(errors.map((e) => [e.field, e.message]));

/** Admin pages for committees and their memberships (and, through users/routes, user accounts). */
export function committeeAdminRoutes(deps: Pick<RouteDeps, 'db' | 'now'>): RouteDef[] {
  const { db, now } = deps;
  const today = () => formatIsoDate(now());

  const list = async (_req: Request, res: Response) => {
    const user = currentUser(res);
    const committees = await listAllCommittees(db);
    res.render('pages/admin/committees/list', {
      pageTitle: 'Udvalg, råd og nævn',
      canCreate: user.role === 'admin',
      groups: groupCommittees(committees, (id) => canEditCommittee(user, id)),
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { text: 'Udvalg, råd og nævn' }],
    });
  };

  const newLocals = async () => ({
    pageTitle: 'Opret udvalg',
    bodyOptions: (await listBodies(db)).map((b) => ({ value: b.id, text: b.name })),
    kindOptions,
    breadcrumbs: [{ href: '/admin', text: 'Administration' }, { href: '/admin/udvalg', text: 'Udvalg, råd og nævn' }, { text: 'Opret udvalg' }],
  });

  const newForm = async (_req: Request, res: Response) => {
    const locals = await newLocals();
    res.render('pages/admin/committees/new', { ...locals, values: { bodyId: locals.bodyOptions[0]?.value ?? '', kind: 'committee' } });
  };

  const create = async (req: Request, res: Response) => {
    const parsed = parseForm(newCommitteeSchema, req.body);
    if (!parsed.ok) return renderInvalid(res, 'pages/admin/committees/new', await newLocals(), parsed.errors, req.body);
    try {
      const created = await createCommittee(db, parsed.data, actor(res));
      flash(res, 'success', `${parsed.data.name} er oprettet. Den offentlige adresse er /udvalg/${created.slug}.`);
      res.redirect(303, `/admin/udvalg/${created.id}`);
    } catch (error) {
      if (error instanceof InvalidFieldError) return renderInvalid(res, 'pages/admin/committees/new', await newLocals(), [fieldErrorOf(error)], req.body);
      throw error;
    }
  };

  const renderCommittee = async (res: Response, committeeId: number, state: CommitteePageState = {}, status = 200) => {
    const committee = await findAdminCommittee(db, committeeId);
    if (!committee) throw new NotFoundError('Udvalget');
    const [rows, people, meetings, published] = await Promise.all([
      membershipsOf(db, committeeId),
      peopleOfBody(db, committee.bodyId),
      meetingsOfCommittee(db, committeeId),
      hasPublishedMeetings(db, committeeId),
    ]);
    const day = today();
    const memberships = splitMemberships(rows, committeeId, day);
    if (state.end) {
      const row = [...memberships.current, ...memberships.former].find((m) => m.id === state.end?.membershipId);
      if (row) {
        row.endValue = typeof state.end.value === 'string' ? state.end.value : '';
        row.endError = state.end.errors[0]?.message;
      }
    }
    const errorSummary = [
      ...(state.facts?.errors ?? []).map((e) => ({ href: `#${fieldId(e.field)}`, message: e.message })),
      ...(state.add?.errors ?? []).map((e) => ({ href: `#${fieldId(e.field)}`, message: e.message })),
      ...(state.end?.errors ?? []).map((e) => ({ href: `#f-end-${state.end?.membershipId}`, message: e.message })),
    ];
    res.status(status).render('pages/admin/committees/show', {
      pageTitle: committee.name,
      committee: {
        ...committee,
        kindLabel: committeeKindLabels[committee.kind],
        publicHref: committee.kind === 'external_party' ? null : `/udvalg/${committee.slug}`,
      },
      nameHint: published
        ? 'Udvalget har offentliggjorte dagsordener, så dets adresse ændres ikke, selv om navnet ændres.'
        : 'Adressen følger navnet, indtil udvalgets første dagsorden er offentliggjort.',
      facts: { values: state.facts?.values ?? committeeFactsValues(committee), errors: byField(state.facts?.errors ?? []) },
      add: { values: state.add?.values ?? { role: 'member', validFrom: day }, errors: byField(state.add?.errors ?? []) },
      kindOptions,
      roleOptions,
      peopleOptions: people.map((p) => ({ value: p.id, text: p.name })),
      memberOptions: substituteTargets(rows, day),
      memberships,
      meetings: meetingViews(meetings),
      newMeetingHref: `/admin/udvalg/${committeeId}/moeder/nyt`,
      errorSummary: errorSummary.length > 0 ? errorSummary : undefined,
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { href: '/admin/udvalg', text: 'Udvalg, råd og nævn' }, { text: committee.name }],
    });
  };

  const show = async (req: Request, res: Response) => {
    await renderCommittee(res, idParam(req, 'committeeId', 'Udvalget'));
  };

  const saveFacts = async (req: Request, res: Response) => {
    const committeeId = idParam(req, 'committeeId', 'Udvalget');
    const parsed = parseForm(committeeFactsSchema, req.body);
    if (!parsed.ok) return renderCommittee(res, committeeId, { facts: { values: req.body, errors: parsed.errors } }, 422);
    try {
      const saved = await updateCommittee(db, committeeId, parsed.data, actor(res));
      const kept = saved.slugKept ? ` Adressen /udvalg/${saved.slug} er uændret, fordi udvalget har offentliggjorte dagsordener.` : '';
      flash(res, 'success', `Oplysningerne er gemt.${kept}`);
      res.redirect(303, `/admin/udvalg/${committeeId}`);
    } catch (error) {
      if (error instanceof InvalidFieldError) return renderCommittee(res, committeeId, { facts: { values: req.body, errors: [fieldErrorOf(error)] } }, 422);
      throw error;
    }
  };

  const add = async (req: Request, res: Response) => {
    const committeeId = idParam(req, 'committeeId', 'Udvalget');
    const parsed = parseForm(newMembershipSchema, req.body);
    if (!parsed.ok) return renderCommittee(res, committeeId, { add: { values: req.body, errors: parsed.errors } }, 422);
    try {
      await addMembership(db, committeeId, parsed.data, actor(res));
      flash(res, 'success', 'Medlemskabet er tilføjet.');
      res.redirect(303, `/admin/udvalg/${committeeId}#medlemmer`);
    } catch (error) {
      if (error instanceof InvalidFieldError) return renderCommittee(res, committeeId, { add: { values: req.body, errors: [fieldErrorOf(error)] } }, 422);
      throw error;
    }
  };

  const membershipLocals = async (committeeId: number, membershipId: number) => {
    const committee = await findAdminCommittee(db, committeeId);
    if (!committee) throw new NotFoundError('Udvalget');
    const membership = await findMembership(db, committeeId, membershipId);
    const rows = await membershipsOf(db, committeeId);
    return {
      pageTitle: `Medlemskab: ${membership.personName}`,
      committee,
      membership: { ...membership, from: formatDay(membership.validFrom) },
      action: `/admin/udvalg/${committeeId}/medlemskaber/${membershipId}`,
      roleOptions,
      memberOptions: substituteTargets(
        rows.filter((r) => r.personId !== membership.personId),
        today(),
        membership.substituteForPersonId,
      ),
      breadcrumbs: [
        { href: '/admin', text: 'Administration' },
        { href: '/admin/udvalg', text: 'Udvalg, råd og nævn' },
        { href: `/admin/udvalg/${committeeId}`, text: committee.name },
        { text: membership.personName },
      ],
    };
  };

  const editMembershipForm = async (req: Request, res: Response) => {
    const committeeId = idParam(req, 'committeeId', 'Udvalget');
    const membershipId = idParam(req, 'membershipId', 'Medlemskabet');
    const locals = await membershipLocals(committeeId, membershipId);
    const m = locals.membership;
    res.render('pages/admin/committees/membership', {
      ...locals,
      values: {
        role: m.role,
        party: m.party ?? '',
        substituteForPersonId: m.substituteForPersonId ?? '',
        votingRight: m.votingRight,
        validFrom: m.validFrom,
        validTo: m.validTo ?? '',
      },
    });
  };

  /** One address for both forms of a membership: action=end from the committee page's row, otherwise the edit page. */
  const saveMembership = async (req: Request, res: Response) => {
    const committeeId = idParam(req, 'committeeId', 'Udvalget');
    const membershipId = idParam(req, 'membershipId', 'Medlemskabet');
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.action === 'end') {
      await findMembership(db, committeeId, membershipId);
      const parsed = parseForm(endMembershipSchema, body);
      const invalid = (errors: FieldError[]) => renderCommittee(res, committeeId, { end: { membershipId, value: body.validTo, errors } }, 422);
      if (!parsed.ok) return invalid(parsed.errors);
      try {
        await endMembership(db, committeeId, membershipId, parsed.data.validTo, actor(res));
      } catch (error) {
        if (error instanceof InvalidFieldError) return invalid([fieldErrorOf(error)]);
        throw error;
      }
      flash(res, 'success', `Medlemskabet er afsluttet med udgangen af ${formatDay(parsed.data.validTo)}.`);
      return res.redirect(303, `/admin/udvalg/${committeeId}#medlemmer`);
    }
    const parsed = parseForm(membershipSchema, body);
    const invalid = async (errors: FieldError[]) =>
      renderInvalid(res, 'pages/admin/committees/membership', await membershipLocals(committeeId, membershipId), errors, { ...body, votingRight: body.votingRight !== undefined });
    if (!parsed.ok) return invalid(parsed.errors);
    try {
      await updateMembership(db, committeeId, membershipId, parsed.data, actor(res));
    } catch (error) {
      if (error instanceof InvalidFieldError) return invalid([fieldErrorOf(error)]);
      throw error;
    }
    flash(res, 'success', 'Medlemskabet er gemt.');
    res.redirect(303, `/admin/udvalg/${committeeId}#medlemmer`);
  };

  const committeeStaff = { kind: 'committee-staff', scope: 'committee', param: 'committeeId' } as const;
  return [
    { method: 'get', path: '/admin/udvalg', access: { kind: 'staff' }, handlers: [list] },
    { method: 'get', path: '/admin/udvalg/nyt', access: { kind: 'admin' }, handlers: [newForm] },
    { method: 'post', path: '/admin/udvalg', access: { kind: 'admin' }, handlers: [create] },
    { method: 'get', path: '/admin/udvalg/:committeeId', access: committeeStaff, handlers: [show] },
    { method: 'post', path: '/admin/udvalg/:committeeId', access: committeeStaff, handlers: [saveFacts] },
    { method: 'post', path: '/admin/udvalg/:committeeId/medlemskaber', access: committeeStaff, handlers: [add] },
    { method: 'get', path: '/admin/udvalg/:committeeId/medlemskaber/:membershipId', access: committeeStaff, handlers: [editMembershipForm] },
    { method: 'post', path: '/admin/udvalg/:committeeId/medlemskaber/:membershipId', access: committeeStaff, handlers: [saveMembership] },
    ...userAdminRoutes(deps),
  ];
}
