import { z } from 'zod';
import { MAX_TITLE_LENGTH } from './service';

/** A DKFDS checkbox sends "on" when ticked and nothing when not. */
const checkbox = z.union([z.literal('on'), z.literal('true'), z.undefined()], { errorMap: () => ({ message: 'Sæt kryds eller lad feltet stå tomt' }) }).transform((v) => v !== undefined);

const version = z
  .string({ required_error: 'Genindlæs siden og prøv igen', invalid_type_error: 'Genindlæs siden og prøv igen' })
  .regex(/^\d{1,9}$/, 'Genindlæs siden og prøv igen')
  .transform(Number);

const changeNote = z
  .string({ invalid_type_error: 'Skriv ændringsnoten som tekst' })
  .trim()
  .max(1000, 'Skriv en ændringsnote på højst 1.000 tegn')
  .optional();

/** The text fields of an upload (the file itself comes from multer). */
export const uploadSchema = z.object({
  version,
  title: z
    .string({ invalid_type_error: 'Skriv titlen som tekst' })
    .trim()
    .max(MAX_TITLE_LENGTH, `Skriv en titel på højst ${MAX_TITLE_LENGTH} tegn`)
    .optional()
    .transform((v) => v ?? ''),
  subPointId: z
    .string({ invalid_type_error: 'Vælg et meddelelsespunkt fra listen' })
    .regex(/^\d{0,9}$/, 'Vælg et meddelelsespunkt fra listen')
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  recommended: checkbox,
  public: checkbox,
  changeNote,
});

export type UploadForm = z.infer<typeof uploadSchema>;

export const editSchema = z.object({
  version,
  title: z
    .string({ required_error: 'Skriv en titel', invalid_type_error: 'Skriv titlen som tekst' })
    .trim()
    .min(1, 'Skriv en titel')
    .max(MAX_TITLE_LENGTH, `Skriv en titel på højst ${MAX_TITLE_LENGTH} tegn`),
  recommended: checkbox,
  public: checkbox,
  changeNote,
  action: z.enum(['save', 'up', 'down'], { errorMap: () => ({ message: 'Vælg Gem, Flyt op eller Flyt ned' }) }).default('save'),
});

export type EditForm = z.infer<typeof editSchema>;

export const deleteSchema = z.object({ version, changeNote });
