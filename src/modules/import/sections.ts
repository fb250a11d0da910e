import { formatDashedDate, fromCopenhagenLocal } from '../../i18n/format';
import { richTextToPlain, sanitizeRichText } from '../sanitize/html';
import type { ImportedItem } from './model';

/**
 * Section labels are configuration (DOMAIN.md): Ballerup's wording is the default,
 * and each vendor's and municipality's variants map onto the same fields. Labels are
 * compared without case, surrounding space or a trailing colon.
 */
export const SECTION_LABELS = {
  summary: ['Sammendrag', 'Resumé', 'Resume'],
  background: ['Baggrund'],
  casePresentation: ['Sagsfremstilling'],
  financialText: ['Økonomiske konsekvenser og finansiering', 'Økonomiske konsekvenser', 'Økonomi og organisatoriske konsekvenser', 'Økonomi og finansiering', 'Økonomi'],
  attachments: ['Bilag'],
  decidedBy: ['Beslutningen træffes af', 'Sagen afgøres i', 'Sagen afgøres af'],
  recommendation: ['Indstilling', 'Administrationens indstilling'],
  earlier: ['Tidligere behandling', 'Punktet behandlet tidligere'],
  absences: ['Følgende deltog ikke i behandlingen af punktet', 'Fraværende under punktet'],
} as const;

/**
 * In plain-text exports (eDoc's FullText) a heading is only a line on its own, so only
 * these further labels are taken as headings; any other short line stays part of its
 * section (a subheading such as "Centralisering af ejendomsdriften" inside Sagsfremstilling).
 */
export const PLAIN_TEXT_EXTRA_LABELS = ['Kommunikation', 'Lovgrundlag', 'Supplerende sagsfremstilling'];

type Field = keyof typeof SECTION_LABELS;

export type LabelKind =
  | { kind: Field; rest: string }
  | { kind: 'decision'; committee: string | null; day: string | null }
  | { kind: 'extra' };

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(/:$/, '').trim().toLowerCase();
}

/** "04.12.2012", "20-06-2013", "18. september 2012" → "2012-12-04"; null when it is no date. */
export function parseDanishDay(text: string): string | null {
  const numeric = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/.exec(text.trim());
  if (numeric) return `${numeric[3]}-${numeric[2]?.padStart(2, '0')}-${numeric[1]?.padStart(2, '0')}`;
  const long = /^(\d{1,2})\.\s*([a-zæøå]+)\s+(\d{4})$/i.exec(text.trim());
  if (long) {
    const month = MONTHS.indexOf((long[2] ?? '').toLowerCase());
    if (month >= 0) return `${long[3]}-${String(month + 1).padStart(2, '0')}-${long[1]?.padStart(2, '0')}`;
  }
  return null;
}

const DAY = String.raw`(\d{1,2}[.-]\d{1,2}[.-]\d{4}|\d{1,2}\.\s*[a-zæøå]+\s+\d{4})`;
/** "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2", "FORRETNINGSUDVALGETS BESLUTNING" */
const GENITIVE_DECISION = new RegExp(String.raw`^(.+?)s beslutning(?: den ${DAY})?(?: punkt \d+)?$`, 'i');
/** "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013", "Beslutning" */
const PLAIN_DECISION = new RegExp(String.raw`^beslutning(?: i (.+?))?(?: den ${DAY})?$`, 'i');

/** What a label means. plainText: the label is a line of running text, so be strict. */
export function classifyLabel(raw: string, options: { plainText?: boolean } = {}): LabelKind | null {
  const label = raw.replace(/\s+/g, ' ').trim();
  if (!label) return null;
  const n = norm(label);
  for (const [field, names] of Object.entries(SECTION_LABELS) as Array<[Field, readonly string[]]>) {
    for (const name of names) {
      const key = name.toLowerCase();
      if (n === key) return { kind: field, rest: '' };
      // "Følgende deltog ikke i behandlingen af punktet: Navn (A)" carries its content on the label line.
      if (field === 'absences' && n.startsWith(`${key}:`)) return { kind: field, rest: label.slice(label.indexOf(':') + 1).trim() };
    }
  }
  const plainName = label.replace(/:$/, '').trim();
  const g = GENITIVE_DECISION.exec(plainName);
  if (g && (!options.plainText || g[2])) return { kind: 'decision', committee: g[1] ?? null, day: g[2] ? parseDanishDay(g[2]) : null };
  const p = PLAIN_DECISION.exec(plainName);
  if (p && (!options.plainText || p[2])) return { kind: 'decision', committee: p[1] ?? null, day: p[2] ? parseDanishDay(p[2]) : null };
  if (options.plainText) return PLAIN_TEXT_EXTRA_LABELS.some((l) => l.toLowerCase() === n) ? { kind: 'extra' } : null;
  return { kind: 'extra' };
}

/** "FORRETNINGSUDVALGET" → "Forretningsudvalget": exports that shout get sentence case; others are kept as written. */
export function displayName(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim().replace(/:$/, '');
  if (/[a-zæøå]/.test(t) || !/[A-ZÆØÅ]/.test(t)) return t;
  const lower = t.toLocaleLowerCase('da');
  return lower.charAt(0).toLocaleUpperCase('da') + lower.slice(1);
}

export function sameCommittee(a: string, b: string): boolean {
  return norm(a) === norm(b);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain lines (eDoc's FullText, Multiline fields) → one paragraph per line. Null when there is no text. */
export function linesToHtml(lines: string[]): string | null {
  const paragraphs = lines.map((l) => l.replace(/\t+/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return paragraphs.length ? paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') : null;
}

const BLOCK = '(?:p|li|ul|ol|h4|blockquote)';
/** Texts that stand for an empty field in some exports */
const PLACEHOLDERS = ['tomt indhold'];

/**
 * Export HTML through the one sanitizer, tidied: inline styles and spans go (the
 * sanitizer drops them), empty paragraphs ("<p>&nbsp;</p>") go, whitespace is
 * collapsed. Null when nothing readable is left, or only a placeholder.
 */
export function cleanHtml(html: string | null | undefined): string | null {
  if (!html) return null;
  let clean = sanitizeRichText(html)
    .replace(/[\t\r\n ]+/g, ' ')
    .replace(new RegExp(`(<${BLOCK}(?: [^>]*)?>)\\s+`, 'g'), '$1')
    .replace(new RegExp(`\\s+(</${BLOCK}>)`, 'g'), '$1')
    // Twice: an emptied <strong> can leave its <p> empty.
    .replace(/<(p|li|h4|strong|em|u)>(\s|<br ?\/?>)*<\/\1>/g, '')
    .replace(/<(p|li|h4|strong|em|u)>(\s|<br ?\/?>)*<\/\1>/g, '')
    // One block per line, so plain-text readings keep a space between paragraphs.
    .replace(new RegExp(`(</${BLOCK}>)\\s*(?=<)`, 'g'), '$1\n')
    .replace(/<(ul|ol)>\s*<\/\1>/g, '')
    .trim();
  const plain = richTextToPlain(clean);
  const hasTable = clean.includes('data-budget-table');
  if (!hasTable && (!plain || PLACEHOLDERS.includes(plain.toLowerCase()))) return null;
  if (!new RegExp(`^<(${BLOCK}|div)[ >]`).test(clean)) clean = `<p>${clean}</p>`;
  return clean;
}

/** Top-level blocks of cleaned HTML, in order. */
export function htmlBlocks(html: string): string[] {
  return html.match(new RegExp(`<(${BLOCK})(?: [^>]*)?>[\\s\\S]*?</\\1>`, 'g')) ?? [html];
}

/** Rich text as plain lines: one per paragraph, list item or line break. */
export function htmlToLines(html: string | null): string[] {
  if (!html) return [];
  return html
    .replace(/<br ?\/?>/g, '\n')
    .replace(new RegExp(`</${BLOCK}>`, 'g'), '\n')
    .split('\n')
    .map((l) => richTextToPlain(l))
    .filter(Boolean);
}

/**
 * "Center for Ejendomme indstiller, at / A) … / B) …", "Direktøren indstiller, at …",
 * or Region Hovedstaden's "at …" paragraphs → who recommends, and the points.
 */
export function parseRecommendation(lines: string[]): { by: string | null; points: string[] } {
  let by: string | null = null;
  const points: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    if (by === null && points.length === 0) {
      const intro = /^(.*?)\s+indstiller(?: til [^,]+?)?,?\s+at:?(?:\s+(.*))?$/i.exec(line);
      if (intro) {
        by = intro[1]?.trim() || null;
        if (intro[2]?.trim()) points.push(intro[2].trim());
        continue;
      }
    }
    const marker = /^(?:[A-ZÆØÅ]\)|\d{1,2}[.)])(?:\s+(.*))?$/.exec(line);
    const at = /^at\s+(.*)$/i.exec(line);
    if (marker) points.push(marker[1]?.trim() ?? '');
    else if (at) points.push(at[1]?.trim() ?? '');
    else if (points.length > 0) points[points.length - 1] = `${points[points.length - 1]} ${line}`.trim();
    else points.push(line);
  }
  return { by, points: points.map((p) => p.trim()).filter(Boolean) };
}

/** "Lolan Ottesen (A) - formand" → name, party and what follows the dash. */
export function parseNameLine(line: string): { name: string; party: string | null; note: string | null } | null {
  const clean = line.replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  const m = /^(.*?)\s*\(([^()]{1,12})\)\s*(?:[-–,]\s*(.*))?$/.exec(clean);
  if (m) return { name: (m[1] ?? '').trim(), party: (m[2] ?? '').trim() || null, note: m[3]?.trim() || null };
  const dash = /^(.*?)\s+[-–]\s+(.*)$/.exec(clean);
  if (dash) return { name: (dash[1] ?? '').trim(), party: null, note: dash[2]?.trim() || null };
  return { name: clean, party: null, note: null };
}

export function roleOf(text: string | null | undefined): 'chair' | 'vice_chair' | 'member' | 'substitute' {
  const t = (text ?? '').toLowerCase();
  if (/næstformand|viceformand/.test(t)) return 'vice_chair';
  if (/formand/.test(t)) return 'chair';
  if (/suppleant|stedfortræder/.test(t)) return 'substitute';
  return 'member';
}

/** A blank item, filled in by the parsers section by section. */
export function emptyItem(input: Pick<ImportedItem, 'externalId' | 'number' | 'title' | 'isClosed'>): ImportedItem {
  return {
    ...input,
    kind: 'regular',
    caseNumber: null,
    caseTitle: null,
    summary: null,
    background: null,
    casePresentation: null,
    financialText: null,
    tables: [],
    decidedBy: null,
    recommendationBy: null,
    points: [],
    decision: null,
    decisionHistory: [],
    earlierTreatments: [],
    extraSections: [],
    subPoints: [],
    attachments: [],
    absentNames: [],
  };
}

function append(existing: string | null, html: string | null): string | null {
  if (!html) return existing;
  return existing ? `${existing}${html}` : html;
}

const DATED_BLOCK = /^(\d{1,2}\.\s*[a-zæøå]+\s+\d{4}):\s*/i;

/**
 * A committee's decision field may carry its earlier decisions too ("18. september
 * 2012: Sagen udsat …" then "25. september 2012: …"): blocks dated before the meeting
 * go to the decision history, the rest is the decision.
 */
function splitDatedDecision(html: string, meetingDay: string): { current: string | null; history: Array<{ day: string; html: string }> } {
  const history: Array<{ day: string; html: string[] }> = [];
  const current: string[] = [];
  let target: string[] = current;
  for (const block of htmlBlocks(html)) {
    const plain = richTextToPlain(block);
    const dated = DATED_BLOCK.exec(plain);
    const day = dated ? parseDanishDay(dated[1] ?? '') : null;
    if (dated && day) {
      // Drop the date prefix (often bold) from the block itself.
      const rest = cleanHtml(block.replace(/^<p>(?:<strong>)?\s*\d{1,2}\.\s*[^<:]+?\s+\d{4}:\s*(?:<\/strong>)?\s*/i, '<p>'));
      if (day < meetingDay) {
        const entry = { day, html: [] as string[] };
        history.push(entry);
        target = entry.html;
      } else {
        target = current;
      }
      if (rest) target.push(rest);
    } else {
      target.push(block);
    }
  }
  return {
    current: cleanHtml(current.join('')),
    history: history.map((h) => ({ day: h.day, html: cleanHtml(h.html.join('')) ?? '' })).filter((h) => h.html),
  };
}

function historyLabel(committee: string, day: string): string {
  return `Beslutning truffet af ${displayName(committee)} d. ${formatDashedDate(fromCopenhagenLocal(`${day}T12:00`))}`;
}

export interface SectionContext {
  committeeName: string;
  /** The meeting's day, 'YYYY-MM-DD' in Copenhagen */
  meetingDay: string;
}

/**
 * Puts one labelled section of an export where it belongs in our model. content is
 * cleaned HTML (or null when empty); lines its plain reading.
 */
export function applySection(item: ImportedItem, rawLabel: string, content: string | null, ctx: SectionContext, kind: LabelKind | null = classifyLabel(rawLabel)): void {
  if (!kind) return;
  const lines = htmlToLines(content);
  switch (kind.kind) {
    case 'summary':
    case 'background':
    case 'casePresentation':
    case 'financialText':
      item[kind.kind] = append(item[kind.kind], content);
      return;
    case 'attachments':
      // The files themselves are the export's attachment records; this section only lists them.
      return;
    case 'decidedBy': {
      const name = lines.join(' ').replace(/\.$/, '').trim();
      if (name) item.decidedBy = { label: displayName(rawLabel), name };
      return;
    }
    case 'recommendation': {
      const parsed = parseRecommendation(lines);
      if (parsed.points.length === 0) return;
      item.recommendationBy = parsed.by;
      item.points.push(...parsed.points);
      return;
    }
    case 'earlier':
      item.earlierTreatments.push(...lines);
      return;
    case 'absences':
      item.absentNames.push(...[kind.rest, ...lines].flatMap((l) => l.split(/,\s*|\s+og\s+/)).map((l) => l.trim()).filter(Boolean));
      return;
    case 'decision': {
      if (!content) return;
      const own = kind.committee === null || sameCommittee(kind.committee, ctx.committeeName);
      const committee = kind.committee ?? ctx.committeeName;
      if (kind.day !== null && kind.day < ctx.meetingDay) {
        item.decisionHistory.push({ label: historyLabel(committee, kind.day), html: content });
      } else if (own && (kind.day === null || kind.day === ctx.meetingDay)) {
        const split = kind.day === null ? splitDatedDecision(content, ctx.meetingDay) : { current: content, history: [] };
        for (const h of split.history) item.decisionHistory.push({ label: historyLabel(committee, h.day), html: h.html });
        item.decision = append(item.decision, split.current);
      } else {
        item.extraSections.push({ label: displayName(rawLabel), html: content });
      }
      return;
    }
    case 'extra':
      if (content) item.extraSections.push({ label: displayName(rawLabel), html: content });
      return;
  }
}

/** "04-12-2012 13:00:00", "2013-06-20 10:30", "25-09-2012" as Copenhagen wall time; null when it is none of them. */
export function parseLocalDateTime(text: string): Date | null {
  const t = text.trim();
  const dmy = /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})(?:[ T](\d{1,2})[:.](\d{2})(?:[:.]\d{2})?)?$/.exec(t);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2})[:.](\d{2})(?:[:.]\d{2})?)?$/.exec(t);
  const parts = dmy ? { y: dmy[3], mo: dmy[2], d: dmy[1], h: dmy[4], mi: dmy[5] } : ymd ? { y: ymd[1], mo: ymd[2], d: ymd[3], h: ymd[4], mi: ymd[5] } : null;
  if (!parts) return null;
  const pad = (s: string | undefined, fallback: string) => (s ?? fallback).padStart(2, '0');
  const local = `${parts.y}-${pad(parts.mo, '01')}-${pad(parts.d, '01')}T${pad(parts.h, '00')}:${pad(parts.mi, '00')}`;
  const date = fromCopenhagenLocal(local);
  return Number.isNaN(date.getTime()) ? null : date;
}
