import type { Request, Response } from 'express';
import { z } from 'zod';
import { formatDate } from '../../i18n/format';
import type { RouteDeps } from '../../routes';
import { ConflictError, RuleError } from '../../web/app-errors';
import { NotFoundError } from '../../web/errors';
import { optionalText, requiredText, version } from '../../web/form-fields';
import { flash, parseForm, renderInvalid } from '../../web/forms';
import type { RouteDef } from '../../web/route-table';
import { audit } from '../audit/audit';
import type { User } from '../auth/repository';
import { bumpVersion, lockItem, recordChangeNote } from '../items/service';
import { isAgendaPublic } from '../meetings/meeting-status';
import { htmlToMarkup, markupToHtml, MARKUP_HELP } from '../sanitize/markup';
import { itemForEdit } from './repository';

/** Sub-points of an announcements item (Meddelelser): numbered, each with its own text. */
const subPointSchema = z.object({
  version: version(),
  title: optionalText(300),
  body: requiredText('Skriv meddelelsens tekst', 100_000),
  changeNote: optionalText(500),
});

const VIEW = 'pages/admin/items/sub-point';

export function subPointRoutes({ db, now }: RouteDeps): RouteDef[] {
  const actorId = (res: Response) => (res.locals.user as User).id;

  const pageLocals = async (itemId: number, subPoint?: { id: number; number: number }) => {
    const item = await itemForEdit(db, itemId);
    if (!item) throw new NotFoundError('Punktet');
    const heading = subPoint ? `Meddelelse ${subPoint.number}` : 'Ny meddelelse';
    return {
      pageTitle: `${heading} – punkt ${item.number}`,
      heading,
      action: subPoint ? `/admin/underpunkter/${subPoint.id}` : `/admin/punkter/${item.id}/underpunkter`,
      deleteAction: subPoint ? `/admin/underpunkter/${subPoint.id}/slet` : null,
      published: isAgendaPublic(item.meetingStatus),
      itemVersion: item.version as number,
      markupHelp: MARKUP_HELP,
      breadcrumbs: [
        { href: '/admin', text: 'Administration' },
        { href: `/admin/moeder/${item.meeting_id}`, text: `${item.committeeName}, ${formatDate(item.meetingStartsAt)}` },
        { href: `/admin/punkter/${item.id}`, text: `Punkt ${item.number}` },
        { text: heading },
      ],
    };
  };

  const subPoint = async (subPointId: number) => {
    const row = await db('sub_points').where({ id: subPointId }).first('id', 'item_id', 'number', 'title', 'body');
    if (!row) throw new NotFoundError('Meddelelsen');
    return row as { id: number; item_id: number; number: number; title: string | null; body: string };
  };

  /** Saves through `work`; a stale version or a broken rule re-renders the form with the input kept. */
  const attempt = async (req: Request, res: Response, locals: Record<string, unknown>, work: () => Promise<string>, back: string) => {
    try {
      flash(res, 'success', await work());
      res.redirect(303, back);
    } catch (error) {
      if (error instanceof ConflictError) return renderInvalid(res, VIEW, locals, [{ field: 'body', message: error.userMessage }], req.body, 409);
      if (error instanceof RuleError) {
        return renderInvalid(res, VIEW, locals, [{ field: error.code === 'change_note_required' ? 'changeNote' : 'body', message: error.userMessage }], req.body);
      }
      throw error;
    }
  };

  const newForm = async (req: Request, res: Response) => {
    const locals = await pageLocals(Number(req.params.itemId));
    res.render(VIEW, { ...locals, values: { version: locals.itemVersion } });
  };

  const add = async (req: Request, res: Response) => {
    const itemId = Number(req.params.itemId);
    const locals = await pageLocals(itemId);
    const parsed = parseForm(subPointSchema, req.body);
    if (!parsed.ok) return renderInvalid(res, VIEW, locals, parsed.errors, req.body);
    const d = parsed.data;
    await attempt(req, res, locals, () =>
      db.transaction(async (trx) => {
        const item = await lockItem(trx, itemId, d.version);
        if (item.kind !== 'announcements') throw new RuleError('not_announcements', 'Kun punkter med meddelelser har underpunkter');
        await recordChangeNote(trx, item, d.changeNote, { userId: actorId(res) }, now());
        const max = (await trx('sub_points').where({ item_id: itemId }).max<{ max: number | null }[]>('number as max'))[0]?.max ?? 0;
        const [row] = await trx('sub_points').insert({ item_id: itemId, number: max + 1, title: d.title.trim() || null, body: markupToHtml(d.body) }).returning('id');
        await bumpVersion(trx, itemId);
        await audit(trx, { userId: actorId(res), action: 'sub_point.create', entity: 'sub_point', entityId: (row as { id: number }).id, after: { itemId, title: d.title, body: d.body } });
        return `Meddelelse ${max + 1} er tilføjet.`;
      }),
      `/admin/punkter/${itemId}#underpunkter`,
    );
  };

  const editForm = async (req: Request, res: Response) => {
    const sp = await subPoint(Number(req.params.subPointId));
    const locals = await pageLocals(sp.item_id, sp);
    res.render(VIEW, { ...locals, values: { version: locals.itemVersion, title: sp.title ?? '', body: htmlToMarkup(sp.body) } });
  };

  const save = async (req: Request, res: Response) => {
    const before = await subPoint(Number(req.params.subPointId));
    const locals = await pageLocals(before.item_id, before);
    const parsed = parseForm(subPointSchema, req.body);
    if (!parsed.ok) return renderInvalid(res, VIEW, locals, parsed.errors, req.body);
    const d = parsed.data;
    await attempt(req, res, locals, () =>
      db.transaction(async (trx) => {
        const item = await lockItem(trx, before.item_id, d.version);
        const after = { title: d.title.trim() || null, body: markupToHtml(d.body) };
        if (after.title === before.title && after.body === before.body) return 'Ingen ændringer.';
        await recordChangeNote(trx, item, d.changeNote, { userId: actorId(res) }, now());
        await trx('sub_points').where({ id: before.id }).update(after);
        await bumpVersion(trx, item.id);
        await audit(trx, { userId: actorId(res), action: 'sub_point.update', entity: 'sub_point', entityId: before.id, before, after });
        return `Meddelelse ${before.number} er gemt.`;
      }),
      `/admin/punkter/${before.item_id}#underpunkter`,
    );
  };

  const remove = async (req: Request, res: Response) => {
    const before = await subPoint(Number(req.params.subPointId));
    const locals = await pageLocals(before.item_id, before);
    const parsed = parseForm(z.object({ version: version(), changeNote: optionalText(500) }), req.body);
    if (!parsed.ok) return renderInvalid(res, VIEW, locals, parsed.errors, req.body);
    await attempt(req, res, locals, () =>
      db.transaction(async (trx) => {
        const item = await lockItem(trx, before.item_id, parsed.data.version);
        await recordChangeNote(trx, item, parsed.data.changeNote, { userId: actorId(res) }, now());
        await trx('sub_points').where({ id: before.id }).delete();
        const rest = (await trx('sub_points').where({ item_id: item.id }).orderBy('number').pluck('id')) as number[];
        for (const [i, id] of rest.entries()) await trx('sub_points').where({ id }).update({ number: -(i + 1) });
        for (const [i, id] of rest.entries()) await trx('sub_points').where({ id }).update({ number: i + 1 });
        await bumpVersion(trx, item.id);
        await audit(trx, { userId: actorId(res), action: 'sub_point.delete', entity: 'sub_point', entityId: before.id, before });
        return `Meddelelse ${before.number} er slettet.`;
      }),
      `/admin/punkter/${before.item_id}#underpunkter`,
    );
  };

  const ofItem = { kind: 'committee-staff', scope: 'item', param: 'itemId' } as const;
  const ofSubPoint = { kind: 'committee-staff', scope: 'subPoint', param: 'subPointId' } as const;
  return [
    { method: 'get', path: '/admin/punkter/:itemId/underpunkter/ny', access: ofItem, handlers: [newForm] },
    { method: 'post', path: '/admin/punkter/:itemId/underpunkter', access: ofItem, handlers: [add] },
    { method: 'get', path: '/admin/underpunkter/:subPointId', access: ofSubPoint, handlers: [editForm] },
    { method: 'post', path: '/admin/underpunkter/:subPointId', access: ofSubPoint, handlers: [save] },
    { method: 'post', path: '/admin/underpunkter/:subPointId/slet', access: ofSubPoint, handlers: [remove] },
  ];
}
