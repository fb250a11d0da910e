import { RuleError } from '../../web/app-errors';

/** A rule of the domain refused one field of a form (a name already in use, a period that overlaps): 422 on that field. */
export class InvalidFieldError extends RuleError {
  constructor(
    readonly field: string,
    code: string,
    message: string,
  ) {
    super(code, message);
  }
}

/** PostgreSQL's unique_violation (23505), optionally on one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
