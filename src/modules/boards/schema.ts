import { z } from 'zod';
import type { FieldError, FormResult } from '../../web/forms';
import { parseForm } from '../../web/forms';
import type { PresenceEntry, ReportSectionInput } from './service';

/** A form body as Express parses it: strings, or arrays of strings for repeated names. */
export type Raw = Record<string, unknown>;

const text = (message: string, max: number, maxMessage: string) =>
  z.string({ required_error: message, invalid_type_error: message }).trim().min(1, message).max(max, maxMessage);

export const commentSchema = z.object({
  text: text('Skriv rådets bemærkning', 20_000, 'Bemærkningen må højst være 20.000 tegn'),
});

const id = (message: string) =>
  z.preprocess((v) => (typeof v === 'string' && /^\d{1,9}$/.test(v.trim()) ? Number(v.trim()) : undefined), z.number({ required_error: message, invalid_type_error: message }).int().positive(message));

export const constitutionSchema = z.object({
  meetingId: id('Vælg mødet, hvor rådet blev konstitueret'),
  chairId: id('Vælg formanden'),
  viceChairId: id('Vælg næstformanden'),
  substitutesAttendAll: z
    .union([z.literal('on'), z.undefined()], { errorMap: () => ({ message: 'Vælg, om suppleanterne inviteres til alle møder' }) })
    .transform((v) => v === 'on'),
});

/** The followed committees: none, one or several checkbox values, each an id. */
export function readFollowForm(raw: Raw): FormResult<number[]> {
  const value = raw.committees;
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const ids: number[] = [];
  for (const v of list) {
    if (typeof v !== 'string' || !/^\d{1,9}$/.test(v)) return { ok: false, errors: [{ field: 'committees', message: 'Vælg udvalg fra listen' }] };
    ids.push(Number(v));
  }
  return { ok: true, data: ids };
}

export function readConstitutionForm(raw: Raw) {
  return parseForm(constitutionSchema, raw);
}

export function readCommentForm(raw: Raw) {
  return parseForm(commentSchema, raw);
}

/**
 * The substitutes' presence: status_<personId> is 'present', 'absent' or '' (not recorded),
 * reason_<personId> the reason for an absence. Only the people offered on the page are read.
 */
export function readPresenceForm(raw: Raw, personIds: number[]): FormResult<PresenceEntry[]> {
  const errors: FieldError[] = [];
  const entries: PresenceEntry[] = [];
  for (const personId of personIds) {
    const status = raw[`status_${personId}`] ?? '';
    const reason = raw[`reason_${personId}`] ?? '';
    if (typeof status !== 'string' || !['present', 'absent', ''].includes(status)) {
      errors.push({ field: `status_${personId}`, message: 'Vælg til stede, fraværende eller ikke registreret' });
      continue;
    }
    if (typeof reason !== 'string' || reason.length > 200) {
      errors.push({ field: `reason_${personId}`, message: 'Skriv en kort begrundelse (højst 200 tegn)' });
      continue;
    }
    entries.push({ personId, status: status === '' ? null : (status as 'present' | 'absent'), reason: reason.trim() === '' ? null : reason.trim() });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, data: entries };
}

export const MAX_SECTIONS = 20;

export interface ReportForm {
  version: number;
  introduction: string;
  sections: ReportSectionInput[];
}

/**
 * The report's texts: introduction, and sections section_heading_<n> / section_body_<n>
 * (n from 1; an empty pair is dropped, so the blank last pair adds a section only when filled).
 */
export function readReportForm(raw: Raw): FormResult<ReportForm> {
  const errors: FieldError[] = [];
  const version = typeof raw.version === 'string' && /^\d{1,9}$/.test(raw.version) ? Number(raw.version) : null;
  if (version === null) errors.push({ field: 'introduction', message: 'Formularen mangler sin version. Genindlæs siden, og prøv igen' });
  const introduction = raw.introduction ?? '';
  if (typeof introduction !== 'string' || introduction.length > 50_000) errors.push({ field: 'introduction', message: 'Skriv indledningen som tekst (højst 50.000 tegn)' });
  const sections: ReportSectionInput[] = [];
  for (let n = 1; n <= MAX_SECTIONS + 1; n++) {
    const heading = raw[`section_heading_${n}`] ?? '';
    const body = raw[`section_body_${n}`] ?? '';
    if (typeof heading !== 'string' || heading.length > 200) {
      errors.push({ field: `section_heading_${n}`, message: 'Skriv en overskrift på højst 200 tegn' });
      continue;
    }
    if (typeof body !== 'string' || body.length > 50_000) {
      errors.push({ field: `section_body_${n}`, message: 'Skriv afsnittet som tekst (højst 50.000 tegn)' });
      continue;
    }
    if (heading.trim() === '' && body.trim() === '') continue;
    if (heading.trim() === '') {
      errors.push({ field: `section_heading_${n}`, message: 'Skriv en overskrift til afsnittet' });
      continue;
    }
    sections.push({ heading: heading.trim(), body });
  }
  if (sections.length > MAX_SECTIONS) errors.push({ field: `section_heading_${MAX_SECTIONS + 1}`, message: `En årsberetning kan have højst ${MAX_SECTIONS} afsnit` });
  if (errors.length > 0 || version === null || typeof introduction !== 'string') return { ok: false, errors };
  return { ok: true, data: { version, introduction, sections } };
}
