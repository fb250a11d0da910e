import type { Request, Response } from 'express';
import { formatDate, formatTime } from '../../i18n/format';
import type { RouteDeps } from '../../routes';
import { ConflictError, RuleError } from '../../web/app-errors';
import { NotFoundError } from '../../web/errors';
import { flash, renderInvalid, type FieldError } from '../../web/forms';
import type { Access, RouteDef } from '../../web/route-table';
import type { User } from '../auth/repository';
import { computeBudgetTable } from './compute';
import { buildEditorScript } from './editor-script';
import { applyGridAction, definitionToForm, emptyTableForm, formToDefinition, gridView, readAction, readTableForm, type TableFormValues } from './form';
import { describeDiscrepancy } from './grid';
import { presentBudgetTable } from './presenter';
import { agendaIsPublic, confirmTable, createTable, deleteTable, findTable, findTableItem, updateTable, type StoredTable, type TableItem } from './service';

const VIEW = 'pages/admin/tables/edit';
export const EDITOR_SCRIPT_PATH = '/assets/js/budget-table-editor.js';

const itemStaff: Access = { kind: 'committee-staff', scope: 'item', param: 'itemId' };
const tableStaff: Access = { kind: 'committee-staff', scope: 'table', param: 'tableId' };

function idParam(req: Request, name: string): number {
  const id = Number(req.params[name]);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError();
  return id;
}

function actorOf(res: Response): { userId: number } {
  return { userId: (res.locals.user as User).id };
}

function bodyText(req: Request, key: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : '';
}

/** The item's version from the form; a missing or garbled one is a form error, not a crash. */
function versionOf(values: TableFormValues): number | undefined {
  return /^\d{1,9}$/.test(values.version) ? Number(values.version) : undefined;
}

const MISSING_VERSION: FieldError = { field: 'form', message: 'Formularen mangler punktets version. Åbn siden igen, og gem derefter' };

/** How the saved table's numbers stand against its formulas, and what the secretary can do about it. */
function checkOf(table: StoredTable) {
  const discrepancies = computeBudgetTable(table.definition).discrepancies;
  const confirmedMatches = table.confirmedHash !== null && table.confirmedHash === table.hash;
  const when = table.confirmedAt ? `${formatDate(table.confirmedAt)} kl. ${formatTime(table.confirmedAt)}` : '';
  return {
    list: discrepancies.map((d) => describeDiscrepancy(d, table.definition)),
    ok: discrepancies.length === 0,
    confirmed: discrepancies.length > 0 && confirmedMatches,
    stale: discrepancies.length > 0 && !confirmedMatches && table.confirmedHash !== null,
    unconfirmed: discrepancies.length > 0 && table.confirmedHash === null,
    confirmedBy: table.confirmedByName ?? 'en anden bruger',
    confirmedWhen: when,
  };
}

export function budgetTableAdminRoutes(deps: RouteDeps): RouteDef[] {
  const { db, now } = deps;
  // Built once per process when the first app starts; a broken build stops the start, not a page.
  const editorScript = buildEditorScript();

  function locals(item: TableItem, table: StoredTable | null, values: TableFormValues, errors: Record<string, string>) {
    const grid = gridView(values, errors);
    const itemHref = `/admin/punkter/${item.id}`;
    const heading = table ? `Tabel ${table.position} i punkt ${item.number}` : `Ny tabel i punkt ${item.number}`;
    return {
      pageTitle: heading,
      heading,
      item,
      itemHref,
      table,
      marker: `[tabel ${table ? table.position : item.tableCount + 1}]`,
      preview: table ? presentBudgetTable(table.definition) : null,
      check: table ? checkOf(table) : null,
      formAction: table ? `/admin/tabeller/${table.id}` : `/admin/punkter/${item.id}/tabeller`,
      isPublished: agendaIsPublic(item),
      grid,
      calcStatus: grid.discrepancyCount === 0 ? 'Alle beregnede tal stemmer med de angivne.' : `${grid.discrepancyCount} tal afviger fra det beregnede.`,
      editorScript: EDITOR_SCRIPT_PATH,
      breadcrumbs: [
        { href: '/admin', text: 'Administration' },
        { href: `/admin/moeder/${item.meetingId}`, text: `${item.committeeName}, ${formatDate(item.meetingStartsAt)}` },
        { href: itemHref, text: `Punkt ${item.number}` },
        { text: table ? `Tabel ${table.position}` : 'Ny tabel' },
      ],
    };
  }

  function render(res: Response, item: TableItem, table: StoredTable | null, values: TableFormValues, errors: FieldError[] = [], status = 200): void {
    const byField: Record<string, string> = {};
    for (const e of errors) byField[e.field] ??= e.message;
    const pageLocals = locals(item, table, values, byField);
    if (errors.length === 0) {
      res.status(status).render(VIEW, { ...pageLocals, values });
      return;
    }
    renderInvalid(res, VIEW, pageLocals, errors, values, status);
  }

  /**
   * Reads the posted grid. A grid button ("Tilføj række" …) or a malformed body is
   * answered here with the form shown again (nothing saved) and gives null; a save
   * gives the values typed.
   */
  function readSave(req: Request, res: Response, item: TableItem, table: StoredTable | null): TableFormValues | null {
    const read = readTableForm(req.body);
    const action = readAction(req.body);
    if (action.kind !== 'save') {
      const applied = applyGridAction(read.values, action);
      const messages = [...read.shapeErrors, ...(applied.message ? [{ field: 'form', message: applied.message }] : [])];
      render(res, item, table, applied.values, messages, messages.length > 0 ? 422 : 200);
      return null;
    }
    if (read.shapeErrors.length > 0) {
      render(res, item, table, read.values, read.shapeErrors, 422);
      return null;
    }
    return read.values;
  }

  /** Turns the service's refusals into the form shown again with the input kept. */
  function refused(res: Response, error: unknown, item: TableItem, table: StoredTable | null, values: TableFormValues): void {
    if (error instanceof ConflictError) {
      // The form now carries the current version: saving again after comparing overwrites deliberately.
      render(res, item, table, { ...values, version: String(error.currentVersion) }, [{ field: 'form', message: error.userMessage }], 409);
      return;
    }
    if (error instanceof RuleError && error.code === 'change_note_required') {
      render(res, item, table, values, [{ field: 'changeNote', message: error.userMessage }], 422);
      return;
    }
    throw error;
  }

  const showNew = async (req: Request, res: Response) => {
    const item = await findTableItem(db, idParam(req, 'itemId'));
    render(res, item, null, emptyTableForm(item.version));
  };

  const create = async (req: Request, res: Response) => {
    const item = await findTableItem(db, idParam(req, 'itemId'));
    const values = readSave(req, res, item, null);
    if (!values) return;
    const version = versionOf(values);
    if (version === undefined) return render(res, item, null, values, [MISSING_VERSION], 422);
    const parsed = formToDefinition(values);
    if (!parsed.ok) return render(res, item, null, values, parsed.errors, 422);
    try {
      const created = await createTable(db, { itemId: item.id, version, definition: parsed.table, changeNote: values.changeNote, actor: actorOf(res), now: now() });
      flash(res, 'success', `Tabel ${created.position} er oprettet. Skriv [tabel ${created.position}] i punktets tekst, hvor tabellen skal stå.`);
      res.redirect(303, `/admin/tabeller/${created.id}`);
    } catch (error) {
      refused(res, error, await findTableItem(db, item.id), null, values);
    }
  };

  const showEdit = async (req: Request, res: Response) => {
    const table = await findTable(db, idParam(req, 'tableId'));
    const item = await findTableItem(db, table.itemId);
    render(res, item, table, definitionToForm(table.definition, item.version));
  };

  const save = async (req: Request, res: Response) => {
    const table = await findTable(db, idParam(req, 'tableId'));
    const item = await findTableItem(db, table.itemId);
    const values = readSave(req, res, item, table);
    if (!values) return;
    const version = versionOf(values);
    if (version === undefined) return render(res, item, table, values, [MISSING_VERSION], 422);
    const parsed = formToDefinition(values);
    if (!parsed.ok) return render(res, item, table, values, parsed.errors, 422);
    try {
      const result = await updateTable(db, { tableId: table.id, version, definition: parsed.table, changeNote: values.changeNote, actor: actorOf(res), now: now() });
      flash(res, result.changed ? 'success' : 'info', result.changed ? `Tabel ${table.position} er gemt.` : 'Der var ingen ændringer at gemme.');
      res.redirect(303, `/admin/tabeller/${table.id}`);
    } catch (error) {
      refused(res, error, await findTableItem(db, item.id), await findTable(db, table.id), values);
    }
  };

  /** Shows the saved table again with a message on one of its buttons (confirm, delete). */
  async function refusedAction(res: Response, tableId: number, field: string, error: unknown): Promise<void> {
    if (!(error instanceof ConflictError) && !(error instanceof RuleError)) throw error;
    const table = await findTable(db, tableId);
    const item = await findTableItem(db, table.itemId);
    render(res, item, table, definitionToForm(table.definition, item.version), [{ field, message: error.userMessage }], error.status);
  }

  const confirm = async (req: Request, res: Response) => {
    const tableId = idParam(req, 'tableId');
    const seenHash = bodyText(req, 'hash');
    if (!/^[0-9a-f]{64}$/.test(seenHash)) return refusedAction(res, tableId, 'confirm', new RuleError('bad_form', 'Formularen mangler de tal, du bekræfter. Åbn siden igen, og bekræft derefter'));
    try {
      await confirmTable(db, { tableId, seenHash, actor: actorOf(res), now: now() });
    } catch (error) {
      return refusedAction(res, tableId, 'confirm', error);
    }
    flash(res, 'success', 'Tallene er bekræftet, som de står. Bekræftelsen gælder kun disse tal: ændres tabellen, skal tallene bekræftes igen.');
    res.redirect(303, `/admin/tabeller/${tableId}`);
  };

  const remove = async (req: Request, res: Response) => {
    const tableId = idParam(req, 'tableId');
    const rawVersion = bodyText(req, 'version');
    if (!/^\d{1,9}$/.test(rawVersion)) return refusedAction(res, tableId, 'delete', new RuleError('bad_form', MISSING_VERSION.message));
    try {
      const deleted = await deleteTable(db, { tableId, version: Number(rawVersion), changeNote: bodyText(req, 'deleteChangeNote'), actor: actorOf(res), now: now() });
      flash(res, 'success', `Tabel ${deleted.position} er slettet. Tabellerne efter den har fået et nummer mindre.`);
      res.redirect(303, `/admin/punkter/${deleted.itemId}`);
    } catch (error) {
      const field = error instanceof RuleError && error.code === 'change_note_required' ? 'deleteChangeNote' : 'delete';
      return refusedAction(res, tableId, field, error);
    }
  };

  const script = (_req: Request, res: Response) => {
    res.type('application/javascript').set('Cache-Control', 'no-cache').send(editorScript);
  };

  return [
    { method: 'get', path: EDITOR_SCRIPT_PATH, access: { kind: 'public' }, handlers: [script] },
    { method: 'get', path: '/admin/punkter/:itemId/tabeller/ny', access: itemStaff, handlers: [showNew] },
    { method: 'post', path: '/admin/punkter/:itemId/tabeller', access: itemStaff, handlers: [create] },
    { method: 'get', path: '/admin/tabeller/:tableId', access: tableStaff, handlers: [showEdit] },
    { method: 'post', path: '/admin/tabeller/:tableId', access: tableStaff, handlers: [save] },
    { method: 'post', path: '/admin/tabeller/:tableId/bekraeft', access: tableStaff, handlers: [confirm] },
    { method: 'post', path: '/admin/tabeller/:tableId/slet', access: tableStaff, handlers: [remove] },
  ];
}
