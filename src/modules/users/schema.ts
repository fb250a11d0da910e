import { z } from 'zod';
import { requiredText } from '../../web/form-fields';
import { flag, optionalIdField } from '../committees/admin-schema';

/** Forms of the user administration (and the checks `npm run user:add` shares), Danish messages as instructions. */

export const USER_ROLES = ['admin', 'secretary', 'member'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const ROLE_LABELS: Record<UserRole, string> = { admin: 'Administrator', secretary: 'Sekretær', member: 'Medlem' };

export const MIN_PASSWORD_LENGTH = 12;

/** Why a password cannot be used, or null when it can. Counts characters, not bytes. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Adgangskoden skal være mindst ${MIN_PASSWORD_LENGTH} tegn`;
  if (password.length > 1000) return 'Adgangskoden må højst være 1000 tegn';
  return null;
}

const email = requiredText('Skriv e-mailadressen', 320)
  .refine((v) => z.string().email().safeParse(v).success, 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk')
  .transform((v) => v.toLowerCase());

/** Checkbox groups arrive as nothing, one string or an array of strings. */
const idList = (message: string) =>
  z
    .preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string({ invalid_type_error: message }).regex(/^\d{1,9}$/, message), { invalid_type_error: message }).max(1000, message))
    .transform((ids) => [...new Set(ids.map(Number))]);

const accountFields = {
  email,
  name: requiredText('Skriv brugerens navn', 200),
  role: z.enum(USER_ROLES, { errorMap: () => ({ message: 'Vælg brugerens rolle' }) }),
  scope: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['all', 'chosen'], { errorMap: () => ({ message: 'Vælg alle udvalg eller udvalgte udvalg' }) }).optional()),
  committeeIds: idList('Vælg udvalgene fra listen'),
  personId: optionalIdField('Vælg personen fra listen'),
};

type AccountFields = { role: UserRole; scope?: 'all' | 'chosen'; committeeIds: number[]; personId: number | null };

function accountRules(data: AccountFields, ctx: z.RefinementCtx): void {
  if (data.role === 'secretary' && data.scope === undefined) {
    ctx.addIssue({ code: 'custom', path: ['scope'], message: 'Vælg om sekretæren arbejder for alle udvalg eller for udvalgte udvalg' });
  }
  if (data.role === 'secretary' && data.scope === 'chosen' && data.committeeIds.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['committeeIds'], message: 'Vælg mindst ét udvalg, eller vælg alle udvalg' });
  }
  if (data.role === 'member' && data.personId === null) {
    ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Vælg den person, brugeren er. Et medlem ser møderne i personens udvalg' });
  }
}

const passwordText = z
  .string({ invalid_type_error: 'Skriv adgangskoden' })
  .optional()
  .transform((v) => v ?? '');

const passwordFields = { password: passwordText, passwordRepeat: passwordText };

/** Both fields empty: a random password is made. Otherwise at least 12 characters, typed twice. */
function passwordRules(data: { password: string; passwordRepeat: string }, ctx: z.RefinementCtx): void {
  if (data.password === '' && data.passwordRepeat === '') return;
  const problem = passwordProblem(data.password);
  if (problem) {
    ctx.addIssue({ code: 'custom', path: ['password'], message: `${problem}, eller lad begge felter stå tomme for at få en tilfældig adgangskode` });
  } else if (data.password !== data.passwordRepeat) {
    ctx.addIssue({ code: 'custom', path: ['passwordRepeat'], message: 'Gentag den samme adgangskode' });
  }
}

export const newUserSchema = z.object({ ...accountFields, ...passwordFields }).superRefine((data, ctx) => {
  accountRules(data, ctx);
  passwordRules(data, ctx);
});
export type NewUserInput = z.infer<typeof newUserSchema>;

export const editUserSchema = z.object({ ...accountFields, disabled: flag }).superRefine(accountRules);
export type EditUserInput = z.infer<typeof editUserSchema>;

export const passwordSchema = z.object(passwordFields).superRefine(passwordRules);

/** The account as stored: a secretary's committees, a member's person. */
export interface AccountData {
  email: string;
  name: string;
  role: UserRole;
  personId: number | null;
  allCommittees: boolean;
  committeeIds: number[];
}

export function toAccountData(input: { email: string; name: string } & AccountFields): AccountData {
  const secretary = input.role === 'secretary';
  return {
    email: input.email,
    name: input.name,
    role: input.role,
    personId: input.personId,
    allCommittees: secretary && input.scope === 'all',
    committeeIds: secretary && input.scope === 'chosen' ? input.committeeIds : [],
  };
}
