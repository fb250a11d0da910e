import type { Response } from 'express';
import type { ZodError, ZodType, ZodTypeDef } from 'zod';

export interface FieldError {
  field: string;
  message: string;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/** Validates a form body; errors come back one per field, first message wins, in form order. */
export function parseForm<T>(schema: ZodType<T, ZodTypeDef, unknown>, body: unknown): FormResult<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrors(result.error) };
}

export function fieldErrors(error: ZodError): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'form';
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return errors;
}

/** Field id used by inputs and by the error summary's links. */
export function fieldId(field: string): string {
  return `f-${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/**
 * Re-renders a form with 422: the DKFDS error summary ("Der er problemer") linking
 * to each field, the messages inline, "Fejl: " before the title, and what the user typed.
 */
export function renderInvalid(res: Response, view: string, locals: Record<string, unknown>, errors: FieldError[], values: unknown, status = 422): void {
  const byField: Record<string, string> = {};
  for (const e of errors) byField[e.field] = e.message;
  res.status(status).render(view, {
    ...locals,
    values,
    errors: byField,
    errorSummary: errors.map((e) => ({ href: `#${fieldId(e.field)}`, message: e.message })),
  });
}

export function flash(res: Response, type: 'success' | 'info' | 'warning', text: string): void {
  res.req.session.flash = { type, text };
}
