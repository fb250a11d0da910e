import { z } from 'zod';
import { fromCopenhagenLocal, formatIsoDate } from '../i18n/format';

/** zod building blocks for form fields, with Danish messages written as instructions. */

/** Form values arrive as strings, or arrays when a field is repeated; anything else is refused cleanly. */
const str = (message: string) => z.string({ required_error: message, invalid_type_error: message });

export function requiredText(message: string, max = 500) {
  return str(message).trim().min(1, message).max(max, `Teksten må højst være ${max} tegn`);
}

export function optionalText(max = 100_000) {
  return z
    .string({ invalid_type_error: 'Ugyldig værdi' })
    .max(max, `Teksten må højst være ${max} tegn`)
    .optional()
    .transform((v) => (v === undefined ? '' : v));
}

export const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('1')], { errorMap: () => ({ message: 'Sæt kryds eller lad feltet stå tomt' }) })
  .optional()
  .transform((v) => v !== undefined);

export function id(message: string) {
  return str(message).regex(/^\d{1,9}$/, message).transform(Number);
}

export function optionalId(message: string) {
  return z
    .union([z.literal(''), str(message).regex(/^\d{1,9}$/, message)], { errorMap: () => ({ message }) })
    .optional()
    .transform((v) => (v ? Number(v) : null));
}

export function version() {
  return id('Formularen mangler sin version. Genindlæs siden.');
}

/** yyyy-mm-dd as a date input sends it; impossible dates such as 2021-02-30 are refused. */
export function date(message = 'Skriv datoen som dd-mm-åååå, fx 06-04-2021') {
  return str(message)
    .trim()
    .transform((v, ctx) => {
      let iso = v;
      const dk = /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$/.exec(v);
      if (dk) iso = `${dk[3]}-${dk[2]?.padStart(2, '0')}-${dk[1]?.padStart(2, '0')}`;
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      const y = Number(m?.[1]);
      if (!m || y < 1900 || y > 2200 || formatIsoDate(fromCopenhagenLocal(`${iso}T12:00`)) !== iso) {
        ctx.addIssue({ code: 'custom', message: 'Datoen findes ikke. Skriv en gyldig dato, fx 06-04-2021' });
        return z.NEVER;
      }
      return iso;
    });
}

export function time(message = 'Skriv klokkeslættet som tt:mm, fx 14:00') {
  return str(message)
    .trim()
    .transform((v, ctx) => {
      const m = /^(\d{1,2})[:.](\d{2})$/.exec(v);
      if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return `${m[1]?.padStart(2, '0')}:${m[2]}`;
    });
}

export function optionalTime(message = 'Skriv klokkeslættet som tt:mm, fx 17:00') {
  return z.union([z.literal(''), time(message)], { errorMap: () => ({ message }) }).optional().transform((v) => v || null);
}
