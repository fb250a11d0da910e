import { meetingHref } from '../meetings/presenter';
import { FORMAT_LABELS } from './model';
import type { ImportReport, Outcome } from './service';

export const OUTCOME_LABELS: Record<Outcome, string> = {
  created: 'oprettet',
  updated: 'opdateret',
  unchanged: 'uændret',
  skipped: 'sprunget over',
};

export interface ReportRow {
  file: string;
  system: string | null;
  meeting: string;
  outcome: Outcome;
  outcomeLabel: string;
  /** "sprunget over" with its reason and where in the file */
  detail: string | null;
  error: boolean;
  /** The imported meeting's page in the admin (when there is one) */
  adminHref: string | null;
  publicHref: string | null;
}

export interface ReportView {
  bodyName: string;
  rows: ReportRow[];
  warnings: Array<{ file: string; text: string }>;
  totals: Record<Outcome, number>;
  totalsText: string;
  errors: number;
}

function detailOf(reason: string | null, where: string | null): string | null {
  if (!reason) return null;
  return where ? `${reason} (${where})` : reason;
}

/** One row per meeting (or per file that could not be read), the repairs made, and the totals. */
export function presentReport(report: ImportReport): ReportView {
  const formats = new Map(report.files.map((f) => [f.file, f.format]));
  const rows: ReportRow[] = report.meetings.map((m) => {
    const format = m.format ?? formats.get(m.file) ?? null;
    return {
      file: m.file,
      system: format ? FORMAT_LABELS[format] : null,
      meeting: m.meeting ?? 'Filen kunne ikke læses',
      outcome: m.outcome,
      outcomeLabel: OUTCOME_LABELS[m.outcome],
      detail: detailOf(m.reason, m.where),
      error: m.error,
      adminHref: m.meetingId ? `/admin/moeder/${m.meetingId}` : null,
      publicHref: m.slug ? meetingHref(m.slug) : null,
    };
  });
  const totals: Record<Outcome, number> = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (const r of rows) totals[r.outcome]++;
  const meetings = rows.filter((r) => r.meeting !== 'Filen kunne ikke læses').length;
  const totalsText = `I alt: ${(Object.keys(totals) as Outcome[]).map((o) => `${totals[o]} ${OUTCOME_LABELS[o]}`).join(', ')} (${meetings} ${meetings === 1 ? 'møde' : 'møder'} i ${report.files.length} ${report.files.length === 1 ? 'fil' : 'filer'})`;
  return {
    bodyName: report.body.name,
    rows,
    warnings: report.files.flatMap((f) => f.warnings.map((text) => ({ file: f.file, text }))),
    totals,
    totalsText,
    errors: rows.filter((r) => r.error).length,
  };
}

/** The report as lines of text, for the command line. */
export function reportLines(report: ImportReport): string[] {
  const view = presentReport(report);
  const lines = view.rows.map((r) => `${r.file}: ${r.meeting} – ${r.outcomeLabel}${r.detail ? `: ${r.detail}` : ''}`);
  for (const w of view.warnings) lines.push(`${w.file}: bemærk: ${w.text}`);
  lines.push(view.totalsText);
  return lines;
}
