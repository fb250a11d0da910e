/*
 * What a refused request (a 4xx) tells the user, for the fuzz test's check that every refusal
 * says, in Danish, what went wrong: the lines of the error summary ("Der er problemer") of a
 * form shown again, the message of the error page, or the message of a JSON error (OParl).
 */

export interface Refusal {
  status: number;
  contentType: string;
  text: string;
}

/** The messages of a refusal; empty when it carries none (a bare status, an English default page). */
export function refusalMessages(answer: Refusal): string[] {
  if (answer.contentType.startsWith('application/json')) {
    try {
      const message = (JSON.parse(answer.text) as { error?: { message?: unknown } }).error?.message;
      return typeof message === 'string' && message.trim() ? [message] : [];
    } catch {
      return [];
    }
  }
  if (!answer.contentType.startsWith('text/html') || !/<html lang="da">/.test(answer.text)) return [];
  const summary = /<div[^>]*id="error-summary"[^>]*>([\s\S]*?)<\/ul>/.exec(answer.text)?.[1];
  if (summary) return [...summary.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1] ?? '')).filter(Boolean);
  // The error page (views/pages/errors/error.hbs): a heading, then the message.
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(answer.text)?.[1] ?? '';
  const message = /<h1>[\s\S]*?<\/h1>\s*<p>([\s\S]*?)<\/p>/.exec(main)?.[1];
  return message ? [textOf(message)].filter(Boolean) : [];
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Common Danish words of the app's messages ("Skriv …", "Vælg …", "… findes ikke.", "… højst 200 tegn"). */
const DANISH =
  /[æøåÆØÅ]|\b(?:ikke|findes|skal|skriv|angiv|udfyld|kan|kunne|kun|er|og|eller|en|et|at|af|om|til|fra|med|for|som|der|den|det|de|du|din|dit|dine|har|ingen|mindst|mere|end|tegn|tal|dato|side|siden|gyldig|gyldigt|ugyldig|forkert|mangler|formularen|prøv|igen)\b/i;
/** The defaults of zod, Express and body-parser, which must never reach a user. */
const ENGLISH = /\b(?:required|invalid|expected|received|must|should|string|number|array|characters?|unrecognized|cannot|not found|bad request|too large|forbidden|unauthorized|the|is|of)\b/i;

export function isDanish(message: string): boolean {
  return DANISH.test(message) && !ENGLISH.test(message);
}
