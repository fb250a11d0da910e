import { z, type ZodType, type ZodTypeDef } from 'zod';
import type { FieldError } from '../../web/forms';
import { PHRASE_KEYS, PHRASE_NEEDING_TEXT, type PhraseKey } from './decision-text';
import type { AbsenceReason, AttendanceStatus, Choice } from './repository';

/** A posted form body (express.urlencoded without extended: values are strings or arrays of strings). */
export type Raw = Record<string, unknown>;

const ID = /^[1-9]\d{0,8}$/;
const VERSION_MESSAGE = 'Formularen mangler sin version. Genindlæs siden, og prøv igen.';

export const versionSchema = z
  .string({ required_error: VERSION_MESSAGE, invalid_type_error: VERSION_MESSAGE })
  .regex(ID, VERSION_MESSAGE)
  .transform(Number);

/** An optional text field: trimmed, '' when left out; a repeated field (an array) is an error. */
function text(max: number, tooLong: string) {
  return z
    .string({ invalid_type_error: 'Skriv teksten i feltet' })
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ?? '').trim());
}

/** A checkbox list of people: one value, several, or none. */
function idList(message: string) {
  return z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string({ invalid_type_error: message }).regex(ID, message).transform(Number)),
  );
}

/** '' (the whole item) or the number of a recommendation point */
const pointChoice = z
  .string({ invalid_type_error: 'Vælg et punkt i indstillingen fra listen' })
  .regex(/^(|[1-9]\d{0,3})$/, 'Vælg et punkt i indstillingen fra listen')
  .optional()
  .transform((v) => (v ? Number(v) : null));

const phraseSchema = z
  .enum(['', ...PHRASE_KEYS], { errorMap: () => ({ message: 'Vælg en af standardteksterne' }) })
  .optional()
  .transform((v): PhraseKey | null => (v ? (v as PhraseKey) : null));

/**
 * Reads a form whose field names carry ids (status_12, ballot_12 …) field by field,
 * each through its zod schema, collecting Danish messages in form order.
 */
export class FormReader {
  readonly errors: FieldError[] = [];

  constructor(readonly raw: Raw) {}

  read<T>(field: string, schema: ZodType<T, ZodTypeDef, unknown>): T | undefined {
    const result = schema.safeParse(this.raw[field]);
    if (result.success) return result.data;
    this.fail(field, result.error.issues[0]?.message ?? 'Tjek feltet');
    return undefined;
  }

  fail(field: string, message: string): void {
    if (!this.errors.some((e) => e.field === field)) this.errors.push({ field, message });
  }

  /** The ids in field names prefix<id>, in the order they were posted. A name with something else than an id is an error. */
  idsOfKeys(...prefixes: string[]): number[] {
    const ids: number[] = [];
    for (const key of Object.keys(this.raw)) {
      const prefix = prefixes.find((p) => key.startsWith(p));
      if (!prefix) continue;
      const id = key.slice(prefix.length);
      if (!ID.test(id)) {
        this.fail(key, 'Formularen indeholder et ukendt felt. Genindlæs siden, og prøv igen.');
        continue;
      }
      if (!ids.includes(Number(id))) ids.push(Number(id));
    }
    return ids;
  }
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

function done<T>(reader: FormReader, build: () => T): Parsed<T> {
  return reader.errors.length > 0 ? { ok: false, errors: reader.errors } : { ok: true, data: build() };
}

// ---------- attendance ----------

export interface AttendanceEntry {
  memberId: number;
  status: AttendanceStatus;
  reason: string | null;
  substituteId: number | null;
}

const attendanceStatus = z.enum(['present', 'absent', 'substitute'], {
  errorMap: () => ({ message: 'Vælg, om medlemmet var til stede, fraværende, eller om en stedfortræder deltog' }),
});
const substituteChoice = z
  .string({ invalid_type_error: 'Vælg én stedfortræder fra listen' })
  .regex(/^(|[1-9]\d{0,8})$/, 'Vælg én stedfortræder fra listen')
  .optional()
  .transform((v) => (v ? Number(v) : null));

export function readAttendanceForm(raw: Raw): Parsed<{ version: number; entries: AttendanceEntry[] }> {
  const r = new FormReader(raw);
  const version = r.read('version', versionSchema);
  const entries: AttendanceEntry[] = [];
  for (const memberId of r.idsOfKeys('status_', 'reason_', 'substitute_')) {
    const status = r.read(`status_${memberId}`, attendanceStatus);
    const reason = r.read(`reason_${memberId}`, text(200, 'Skriv en kortere årsag (højst 200 tegn)'));
    const substituteId = r.read(`substitute_${memberId}`, substituteChoice);
    if (status === 'substitute' && substituteId === null) r.fail(`substitute_${memberId}`, 'Vælg den stedfortræder, der deltog');
    if (status !== undefined && reason !== undefined && substituteId !== undefined) {
      entries.push({
        memberId,
        status,
        reason: status === 'present' || reason === '' ? null : reason,
        substituteId: status === 'substitute' ? substituteId : null,
      });
    }
  }
  return done(r, () => ({ version: version as number, entries }));
}

// ---------- decision ----------

export interface DecisionForm {
  version: number;
  mode: 'whole' | 'points';
  whole: { phrase: PhraseKey | null; text: string };
  points: Array<{ number: number; phrase: PhraseKey | null; text: string }>;
  absences: Array<{ personId: number; reason: AbsenceReason; note: string | null }>;
}

const DECISION_TEXT = text(20000, 'Beslutningsteksten er for lang (højst 20.000 tegn)');

export function readDecisionForm(raw: Raw): Parsed<DecisionForm> {
  const r = new FormReader(raw);
  const version = r.read('version', versionSchema);
  const mode = r.read('mode', z.enum(['whole', 'points'], { errorMap: () => ({ message: 'Vælg, om beslutningen gælder hele punktet eller de enkelte punkter i indstillingen' }) }));
  const wholePhrase = r.read('phrase', phraseSchema);
  const wholeText = r.read('text', DECISION_TEXT);
  if (mode === 'whole' && wholePhrase === PHRASE_NEEDING_TEXT && wholeText === '') r.fail('text', 'Skriv bemærkningerne, der følger efter "Godkendt med følgende bemærkninger:"');
  const points: DecisionForm['points'] = [];
  for (const number of r.idsOfKeys('phrase_', 'text_')) {
    const phrase = r.read(`phrase_${number}`, phraseSchema);
    const pointText = r.read(`text_${number}`, DECISION_TEXT);
    if (mode === 'points' && phrase === PHRASE_NEEDING_TEXT && pointText === '') {
      r.fail(`text_${number}`, `Skriv bemærkningerne til indstillingens punkt ${number}`);
    }
    if (phrase !== undefined && pointText !== undefined) points.push({ number, phrase, text: pointText });
  }
  const absent = r.read('absent', idList('Vælg fraværende blandt mødets deltagere')) ?? [];
  const conflict = r.read('conflict', idList('Vælg inhabile blandt mødets deltagere')) ?? [];
  const both = absent.find((id) => conflict.includes(id));
  if (both !== undefined) r.fail('conflict', 'En person kan ikke både være fraværende og inhabil i samme punkt. Vælg det ene');
  const absences: DecisionForm['absences'] = [];
  for (const [list, reason] of [
    [absent, 'absent'],
    [conflict, 'conflict_of_interest'],
  ] as const) {
    for (const personId of list) {
      const note = r.read(`note_${personId}`, text(500, 'Skriv en kortere bemærkning (højst 500 tegn)'));
      absences.push({ personId, reason, note: note ? note : null });
    }
  }
  return done(r, () => ({
    version: version as number,
    mode: mode as 'whole' | 'points',
    whole: { phrase: wholePhrase ?? null, text: wholeText ?? '' },
    points: points.sort((a, b) => a.number - b.number),
    absences,
  }));
}

// ---------- votes ----------

export type VoteTarget = { kind: 'point'; number: number } | { kind: 'amendment'; id: number };

export interface VoteForm {
  version: number;
  target: VoteTarget;
  ballots: Array<{ personId: number; choice: Choice }>;
}

const voteTarget = z
  .string({ required_error: 'Vælg, hvad der blev stemt om', invalid_type_error: 'Vælg, hvad der blev stemt om' })
  .regex(/^(point|amendment)-[1-9]\d{0,8}$/, 'Vælg, hvad der blev stemt om')
  .transform((v): VoteTarget => {
    const [kind, id] = v.split('-') as [string, string];
    return kind === 'point' ? { kind: 'point', number: Number(id) } : { kind: 'amendment', id: Number(id) };
  });
const ballotChoice = z
  .enum(['', 'for', 'against', 'abstain'], { errorMap: () => ({ message: 'Vælg For, Imod, Undlod at stemme eller Stemte ikke' }) })
  .optional();

export function readVoteForm(raw: Raw): Parsed<VoteForm> {
  const r = new FormReader(raw);
  const version = r.read('version', versionSchema);
  const target = r.read('vote_target', voteTarget);
  const ballots: VoteForm['ballots'] = [];
  for (const personId of r.idsOfKeys('ballot_')) {
    const choice = r.read(`ballot_${personId}`, ballotChoice);
    if (choice) ballots.push({ personId, choice });
  }
  if (r.errors.every((e) => !e.field.startsWith('ballot_')) && ballots.length === 0) {
    r.fail('vote_ballots', 'Angiv mindst én stemme: For, Imod eller Undlod at stemme');
  }
  return done(r, () => ({ version: version as number, target: target as VoteTarget, ballots }));
}

// ---------- amendments ----------

export interface AmendmentForm {
  version: number;
  proposerIds: number[];
  text: string;
  pointNumber: number | null;
  outcome: 'adopted' | 'rejected';
}

export function readAmendmentForm(raw: Raw): Parsed<AmendmentForm> {
  const r = new FormReader(raw);
  const version = r.read('version', versionSchema);
  const proposerIds = r.read('amendment_proposer', idList('Vælg forslagsstillere blandt mødets deltagere').pipe(z.array(z.number()).min(1, 'Vælg, hvem der fremsatte ændringsforslaget')));
  const amendmentText = r.read('amendment_text', text(20000, 'Ændringsforslaget er for langt (højst 20.000 tegn)').pipe(z.string().min(1, 'Skriv ændringsforslagets tekst')));
  const pointNumber = r.read('amendment_point', pointChoice);
  const outcome = r.read(
    'amendment_outcome',
    z.enum(['adopted', 'rejected'], { errorMap: () => ({ message: 'Vælg, om ændringsforslaget blev vedtaget eller faldt' }) }),
  );
  return done(r, () => ({
    version: version as number,
    proposerIds: proposerIds as number[],
    text: amendmentText as string,
    pointNumber: pointNumber ?? null,
    outcome: outcome as 'adopted' | 'rejected',
  }));
}

// ---------- dissents ----------

export interface DissentForm {
  version: number;
  personIds: number[];
  text: string;
  pointNumber: number | null;
}

export function readDissentForm(raw: Raw): Parsed<DissentForm> {
  const r = new FormReader(raw);
  const version = r.read('version', versionSchema);
  const personIds = r.read('dissent_person', idList('Vælg personer blandt mødets deltagere').pipe(z.array(z.number()).min(1, 'Vælg, hvem mindretalsudtalelsen er fra')));
  const dissentText = r.read('dissent_text', text(2000, 'Teksten er for lang (højst 2.000 tegn)').pipe(z.string().min(1, 'Skriv teksten, der følger efter navnene, fx "kunne ikke godkende indstillingens punkt 1, da …"')));
  const pointNumber = r.read('dissent_point', pointChoice);
  return done(r, () => ({ version: version as number, personIds: personIds as number[], text: dissentText as string, pointNumber: pointNumber ?? null }));
}

/** A removal button's form: the item's version and the id (in field idField) of what to remove. */
export function readRemoval(idField: string): (raw: Raw) => Parsed<{ version: number; id: number }> {
  const idSchema = z
    .string({ required_error: 'Genindlæs siden, og prøv igen.', invalid_type_error: 'Genindlæs siden, og prøv igen.' })
    .regex(ID, 'Genindlæs siden, og prøv igen.')
    .transform(Number);
  return (raw) => {
    const r = new FormReader(raw);
    const version = r.read('version', versionSchema);
    const id = r.read(idField, idSchema);
    // Both belong to the list of recorded things, where the message is shown.
    const errors = r.errors.map((e) => ({ field: 'recorded', message: e.message }));
    return errors.length > 0 ? { ok: false, errors: errors.slice(0, 1) } : { ok: true, data: { version: version as number, id: id as number } };
  };
}
