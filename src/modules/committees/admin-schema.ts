import { z } from 'zod';
import { slugify } from '../../lib/slug';
import { date, id, optionalText, requiredText } from '../../web/form-fields';

/** Forms of the committee administration, with Danish messages written as instructions. */

export const COMMITTEE_KINDS = ['council', 'committee', 'advisory_board', 'external_party'] as const;
export const MEMBERSHIP_ROLES = ['chair', 'vice_chair', 'member', 'substitute'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

const EMAIL_MESSAGE = 'Skriv en gyldig e-mailadresse, fx hoering@eksempel.dk';

/** Empty, or a valid e-mail address (lower-cased). */
export function optionalEmail(message = EMAIL_MESSAGE) {
  return z
    .string({ invalid_type_error: message })
    .trim()
    .max(320, 'E-mailadressen må højst være 320 tegn')
    .refine((v) => v === '' || z.string().email().safeParse(v).success, message)
    .optional()
    .transform((v) => (v ?? '').toLowerCase());
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Empty, or a yyyy-mm-dd date that exists. */
export function optionalDate() {
  return z.preprocess(blankToUndefined, date('Skriv datoen som åååå-mm-dd, fx 2025-12-31').optional()).transform((v) => v ?? null);
}

/** Empty, or the id of a row chosen from a select. */
export function optionalIdField(message: string) {
  return z
    .preprocess(blankToUndefined, z.string({ invalid_type_error: message }).regex(/^\d{1,9}$/, message).transform(Number).optional())
    .transform((v) => v ?? null);
}

/** A checkbox: checked when the browser sends its value, unchecked otherwise. */
export const flag = z.unknown().transform((v) => v === 'on' || v === 'true' || v === '1');

const trimmed = (max: number) => optionalText(max).transform((v) => v.trim());

const committeeFields = {
  name: requiredText('Skriv navnet', 200).refine((n) => slugify(n) !== '', 'Navnet skal indeholde bogstaver eller tal'),
  shortName: trimmed(20),
  kind: z.enum(COMMITTEE_KINDS, { errorMap: () => ({ message: 'Vælg hvilken slags udvalg det er' }) }),
  contactEmail: optionalEmail(),
};

function contactForOutsideParties(data: { kind: string; contactEmail: string }, ctx: z.RefinementCtx): void {
  if (data.kind === 'external_party' && !data.contactEmail) {
    ctx.addIssue({ code: 'custom', path: ['contactEmail'], message: 'Skriv en kontakt-e-mail til den eksterne part. Høringer sendes dertil' });
  }
}

export const committeeFactsSchema = z.object(committeeFields).superRefine(contactForOutsideParties);
export type CommitteeFactsInput = z.infer<typeof committeeFactsSchema>;

export const newCommitteeSchema = z.object({ bodyId: id('Vælg kommunen'), ...committeeFields }).superRefine(contactForOutsideParties);
export type NewCommitteeInput = z.infer<typeof newCommitteeSchema>;

/** A party's list letter: A, V, Ø … (upper-cased). */
const party = trimmed(3)
  .transform((v) => v.toUpperCase())
  .refine((v) => v === '' || /^[A-ZÆØÅ]{1,3}$/.test(v), 'Skriv partiets listebogstav, fx A eller Ø');

const seatFields = {
  role: z.enum(MEMBERSHIP_ROLES, { errorMap: () => ({ message: 'Vælg rollen i udvalget' }) }),
  party,
  substituteForPersonId: optionalIdField('Vælg det medlem, suppleanten er stedfortræder for, fra listen'),
  votingRight: flag,
  validFrom: date('Skriv startdatoen som åååå-mm-dd, fx 2022-01-01'),
  validTo: optionalDate(),
};

function seatRules(data: { role: MembershipRole; substituteForPersonId: number | null; validFrom: string; validTo: string | null }, ctx: z.RefinementCtx): void {
  if (data.role === 'substitute' && data.substituteForPersonId === null) {
    ctx.addIssue({ code: 'custom', path: ['substituteForPersonId'], message: 'Vælg det medlem, suppleanten er stedfortræder for' });
  }
  if (data.validTo !== null && data.validTo < data.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'Slutdatoen skal ligge på eller efter startdatoen' });
  }
}

export const newMembershipSchema = z
  .object({
    personId: optionalIdField('Vælg en person fra listen'),
    newPersonName: trimmed(200),
    ...seatFields,
  })
  .superRefine((data, ctx) => {
    if (data.personId !== null && data.newPersonName) {
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Vælg en person fra listen eller skriv navnet på en ny person – ikke begge dele' });
    } else if (data.personId === null && !data.newPersonName) {
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Vælg en person fra listen, eller skriv navnet på en ny person' });
    }
    seatRules(data, ctx);
  });
export type NewMembershipInput = z.infer<typeof newMembershipSchema>;

export const membershipSchema = z.object(seatFields).superRefine(seatRules);
export type MembershipInput = z.infer<typeof membershipSchema>;

export const endMembershipSchema = z.object({ validTo: date('Skriv slutdatoen som åååå-mm-dd, fx 2025-12-31') });
