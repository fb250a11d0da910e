import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { RouteDeps } from '../../routes';
import { AppError } from '../../web/errors';
import { refuseNulCharacters } from '../../web/nul-characters';
import { flash, renderInvalid, type FieldError } from '../../web/forms';
import type { RouteDef } from '../../web/route-table';
import { ImportFileError } from './model';
import { presentReport, type ReportView } from './report';
import { listBodies } from './repository';
import { importFiles } from './service';

declare module 'express-session' {
  interface SessionData {
    /** The last import's report, shown once on the import page after the redirect */
    importReport: ReportView;
  }
}

declare module 'express-serve-static-core' {
  interface Locals {
    /** Set by the import upload parser when a file went over the size limit, or too many were chosen */
    importUploadProblem?: 'too_large' | 'too_many';
  }
}

const VIEW = 'pages/admin/import/index';
const PATH = '/admin/import';
const MAX_FILES = 20;

function megabytes(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024))} MB`;
}

/**
 * The upload page for exports from the case systems. Admins only: an import creates
 * committees and people for the whole body, writes meetings of every committee, and
 * may reopen published minutes to publish a new version, which only admins may do.
 */
export function importRoutes(deps: RouteDeps): RouteDef[] {
  const { db, now, files, publication } = deps;
  const access = { kind: 'admin' } as const;

  const upload = multer({
    storage: multer.memoryStorage(),
    // One byte over the limit tells "too large" apart from "exactly the limit".
    limits: { fileSize: files.maxBytes + 1, files: MAX_FILES, fields: 5, fieldSize: 1024, parts: MAX_FILES + 5 },
  });

  /** Parses the multipart body after authorization and the CSRF check; input problems become 422, never 500. */
  const parseUpload: RequestHandler = (req, res, next) => {
    upload.array('files', MAX_FILES)(req, res, (error?: unknown) => {
      if (!error) return refuseNulCharacters(req, res, next);
      if (error instanceof multer.MulterError) {
        if (error.code === 'LIMIT_FILE_SIZE') res.locals.importUploadProblem = 'too_large';
        else if (error.code === 'LIMIT_FILE_COUNT' || error.code === 'LIMIT_UNEXPECTED_FILE') res.locals.importUploadProblem = 'too_many';
        else return next(new AppError(422, 'upload_form', 'Formularen kunne ikke læses. Vælg filerne og prøv igen.', { cause: error }));
        return refuseNulCharacters(req, res, next);
      }
      next(new AppError(400, 'bad_request', 'Forespørgslen kunne ikke forstås.', { cause: error }));
    });
  };

  async function pageLocals(report: ReportView | null) {
    const bodies = await listBodies(db);
    return {
      pageTitle: 'Importér fra sagssystem',
      breadcrumbs: [{ href: '/admin', text: 'Administration' }, { text: 'Importér fra sagssystem' }],
      action: PATH,
      bodyOptions: bodies.map((b) => ({ value: b.slug, text: b.isPrimary ? `${b.name} (primær)` : b.name })),
      maxSize: megabytes(files.maxBytes),
      maxFiles: MAX_FILES,
      report,
      bodies,
    };
  }
  const show = async (req: Request, response: Response) => {
    const report = req.session.importReport ?? null;
    if (report) delete req.session.importReport;
    const locals = await pageLocals(report);
    response.render(VIEW, { ...locals, values: { body: locals.bodies.find((b) => b.isPrimary)?.slug ?? locals.bodies[0]?.slug ?? '' }, errors: {} });
  };

  const run = async (req: Request, response: Response) => {
    const locals = await pageLocals(null);
    const slugs = locals.bodies.map((b) => b.slug);
    const schema = z.object({
      body: z.string().refine((v) => slugs.includes(v), { message: 'Vælg organisationen, møderne skal importeres til' }),
    });
    const body = req.body as Record<string, unknown> | undefined;
    const values = { body: typeof body?.body === 'string' ? body.body : '' };
    const parsed = schema.safeParse(body ?? {});
    const uploaded = (Array.isArray(req.files) ? req.files : []) as Express.Multer.File[];
    const errors: FieldError[] = [];
    const problem = response.locals.importUploadProblem;
    if (problem === 'too_large') errors.push({ field: 'files', message: `Vælg filer på højst ${megabytes(files.maxBytes)} hver` });
    else if (problem === 'too_many') errors.push({ field: 'files', message: `Vælg højst ${MAX_FILES} filer ad gangen` });
    else if (uploaded.length === 0) errors.push({ field: 'files', message: 'Vælg en eller flere XML-filer fra sagssystemet' });
    else if (uploaded.some((f) => f.size > files.maxBytes)) errors.push({ field: 'files', message: `Vælg filer på højst ${megabytes(files.maxBytes)} hver` });
    if (!parsed.success) errors.push({ field: 'body', message: 'Vælg organisationen, møderne skal importeres til' });
    if (errors.length > 0 || !parsed.success) return renderInvalid(response, VIEW, locals, errors, values);

    let report;
    try {
      report = await importFiles(
        db,
        uploaded.map((f) => ({ name: f.originalname || 'uden navn.xml', bytes: f.buffer })),
        { bodySlug: parsed.data.body, now: now(), userId: response.locals.user?.id ?? null, publication },
      );
    } catch (error) {
      if (error instanceof ImportFileError) return renderInvalid(response, VIEW, locals, [{ field: 'body', message: error.message }], values);
      throw error;
    }
    const view = presentReport(report);
    req.session.importReport = view;
    flash(response, view.errors > 0 ? 'warning' : 'success', view.errors > 0 ? `Importen er færdig, men noget kunne ikke importeres. ${view.totalsText}.` : `Importen er færdig. ${view.totalsText}.`);
    response.redirect(303, PATH);
  };

  return [
    { method: 'get', path: PATH, access, handlers: [show] },
    { method: 'post', path: PATH, access, handlers: [parseUpload, run] },
  ];
}
