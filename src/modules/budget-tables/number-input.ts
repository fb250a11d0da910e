/**
 * Numbers as secretaries type them into the table editor, the Danish way:
 * "1.177.788", "-6.662", "4,600", also "1177788" and a Unicode minus ("−6.662").
 * Shared by the server (validation) and the browser script (live totals), so
 * both read a cell the same way. No imports: it is bundled for the browser.
 */
export type CellParse = { ok: true; value: number | null } | { ok: false };

// Grouped thousands ("1.177.788") or plain digits ("1177788"), then an optional decimal comma.
const DANISH_NUMBER = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;

export function parseDanishNumber(raw: string): CellParse {
  const text = raw
    .replace(/[\s\u00a0\u202f\u2009]/g, '')
    .replace(/[\u2212\u2013]/g, '-');
  if (text === '') return { ok: true, value: null };
  if (!DANISH_NUMBER.test(text)) return { ok: false };
  const value = Number(text.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** Decimals a stored value needs to be shown without loss (4.6 → 1, 1177788 → 0). */
export function decimalsNeeded(value: number): number {
  const text = String(Math.abs(value));
  if (text.includes('e')) return 6;
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}
