import { AppError } from './errors';

/** Someone else saved the same thing since the form was opened. */
export class ConflictError extends AppError {
  constructor(readonly currentVersion: number, message = 'Punktet er blevet ændret af en anden, mens du redigerede. Dine ændringer er ikke gemt – din tekst står herunder, så du kan sammenligne og gemme igen.') {
    super(409, 'conflict', message);
  }
}

/** A rule of the domain refused the action (e.g. publishing an agenda with unconfirmed table errors). */
export class RuleError extends AppError {
  constructor(code: string, message: string) {
    super(422, code, message);
  }
}
