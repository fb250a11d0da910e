import { z } from 'zod';
import { isIsoDate } from './period';

/** Form bodies are urlencoded without extended parsing: values are strings, a repeated field an array. */

const ID = /^[1-9]\d{0,9}$/;

function id(message: string) {
  return z
    .string({ required_error: message, invalid_type_error: message })
    .regex(ID, message)
    .transform(Number)
    .refine((n) => n <= 2_147_483_647, message);
}

function text(max: number, tooLong: string) {
  return z
    .string({ invalid_type_error: 'Skriv teksten i feltet' })
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ?? '').trim());
}

function requiredText(max: number, missing: string, tooLong: string) {
  return z
    .string({ required_error: missing, invalid_type_error: missing })
    .trim()
    .min(1, missing)
    .max(max, tooLong);
}

function date(message: string) {
  return z
    .string({ required_error: message, invalid_type_error: message })
    .trim()
    .refine(isIsoDate, message);
}

const checkbox = z
  .union([z.literal('on'), z.undefined()], { errorMap: () => ({ message: 'Sæt eller fjern fluebenet' }) })
  .transform((v) => v === 'on');

const version = id('Formularen mangler sin version. Genindlæs siden, og prøv igen.');

export const startSchema = z.object({
  // One line: the title goes into mail subjects and headings.
  title: requiredText(300, 'Skriv høringens titel', 'Titlen må højst være 300 tegn').transform((v) => v.replace(/\s+/g, ' ')),
  coverText: text(20_000, 'Følgeteksten må højst være 20.000 tegn'),
  draftAttachmentId: id('Vælg udkastet blandt punktets bilag'),
  startsOn: date('Skriv høringens startdato som åååå-mm-dd'),
  deadline: date('Skriv høringsfristen som åååå-mm-dd'),
  graceDays: z
    .string({ required_error: 'Skriv et antal dage mellem 0 og 60', invalid_type_error: 'Skriv et antal dage mellem 0 og 60' })
    .trim()
    .regex(/^\d{1,2}$/, 'Skriv et antal dage mellem 0 og 60')
    .transform(Number)
    .refine((n) => n <= 60, 'Skriv et antal dage mellem 0 og 60'),
  parties: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(id('Vælg høringsparterne fra listen'), { invalid_type_error: 'Vælg høringsparterne fra listen' }).min(1, 'Vælg mindst én høringspart'),
  ),
});
export type StartForm = z.infer<typeof startSchema>;

/** A meeting chosen for a committee's item: '' = its next meeting. */
export const meetingChoice = z
  .string({ invalid_type_error: 'Vælg et møde fra listen' })
  .regex(/^(|[1-9]\d{0,9})$/, 'Vælg et møde fra listen')
  .optional()
  .transform((v) => (v ? Number(v) : null));

export const placeSchema = z.object({ meetingId: id('Vælg et møde fra listen') });

export const registerSchema = z.object({
  receivedOn: date('Skriv datoen, svaret blev modtaget, som åååå-mm-dd'),
  sender: text(300, 'Afsenderen må højst være 300 tegn'),
  text: text(100_000, 'Svaret er for langt. Vedhæft det som fil i stedet'),
});

export const answerSchema = z.object({
  party: z.string({ required_error: 'Genindlæs siden, og prøv igen', invalid_type_error: 'Genindlæs siden, og prøv igen' }),
  consultation: z.string({ required_error: 'Genindlæs siden, og prøv igen', invalid_type_error: 'Genindlæs siden, og prøv igen' }),
  sender: text(300, 'Afsenderen må højst være 300 tegn'),
  text: text(100_000, 'Svaret er for langt. Vedhæft det som fil i stedet'),
});

export const linkSchema = z.object({
  until: date('Skriv datoen som åååå-mm-dd'),
  action: z.enum(['extend', 'renew'], { errorMap: () => ({ message: 'Vælg, om linket skal forlænges, eller om der skal sendes et nyt' }) }),
});

const outcome = z
  .enum(['', 'change', 'no_change', 'implementation'], { errorMap: () => ({ message: 'Vælg, hvad punktet har ført til' }) })
  .optional()
  .transform((v) => (v ? v : null));

export const pointSchema = z.object({
  text: requiredText(50_000, 'Skriv punktet fra høringssvaret', 'Punktet må højst være 50.000 tegn'),
  comment: text(50_000, 'Kommentaren må højst være 50.000 tegn'),
  refs: text(500, 'Skriv højst 500 tegn'),
  outcome,
});

export const editPointSchema = pointSchema.extend({ version });

export const moveSchema = z.object({
  direction: z.enum(['up', 'down'], { errorMap: () => ({ message: 'Vælg op eller ned' }) }),
});

export const summarySettingsSchema = z.object({
  version,
  intro: text(20_000, 'Indledningen må højst være 20.000 tegn'),
  publish: checkbox,
});

export const attachSchema = z.object({
  itemId: id('Vælg det punkt, høringsnotatet skal vedhæftes'),
  changeNote: text(1000, 'Ændringsnoten må højst være 1.000 tegn'),
});
