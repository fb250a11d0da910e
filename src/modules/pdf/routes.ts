import type { Request, Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../../routes';
import { AppError, NotFoundError } from '../../web/errors';
import type { RouteDef } from '../../web/route-table';
import { contentDisposition } from '../attachments/file-name';
import type { PdfVariant } from './service';

/** A generated PDF, shown in the browser, revalidated by its ETag on every request (304 while it is unchanged). */
export function sendPdf(res: Response, document: { fileName: string; etag: string; fromCache: boolean; bytes: Buffer | Uint8Array }): void {
  res
    .type('application/pdf')
    .set({
      'Content-Disposition': contentDisposition(document.fileName, 'inline'),
      ETag: `"${document.etag}"`,
      'Cache-Control': 'no-cache',
      'X-PDF-Cache': document.fromCache ? 'hit' : 'miss',
    })
    .send(document.bytes);
}

const slugParam = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(200);

const WHAT: Record<PdfVariant, string> = { dagsorden: 'Dagsordenen', referat: 'Referatet', samlet: 'Det samlede dokument' };

/**
 * The meeting PDFs citizens download: the dagsorden once the agenda is public, the
 * referat once the minutes are published, and the samlet dokument (the referat,
 * else the dagsorden, with the public PDF attachments). Served from the cache when
 * the document has not changed, else rendered now.
 */
export function pdfRoutes({ pdf }: Pick<RouteDeps, 'pdf'>): RouteDef[] {
  const serve = (variant: PdfVariant) => async (req: Request, res: Response) => {
    if (!pdf) throw new AppError(503, 'pdf_unavailable', 'PDF-udgaven kan ikke hentes lige nu. Prøv igen senere.');
    const slug = slugParam.safeParse(req.params.slug);
    const document = slug.success ? await pdf.get(slug.data, variant) : undefined;
    if (!document) throw new NotFoundError(WHAT[variant]);
    sendPdf(res, document);
  };

  const open = { kind: 'public' } as const;
  return [
    { method: 'get', path: '/dagsorden/:slug/dagsorden.pdf', access: open, handlers: [serve('dagsorden')] },
    { method: 'get', path: '/dagsorden/:slug/referat.pdf', access: open, handlers: [serve('referat')] },
    { method: 'get', path: '/dagsorden/:slug/samlet.pdf', access: open, handlers: [serve('samlet')] },
  ];
}
