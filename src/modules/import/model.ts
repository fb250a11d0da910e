import type { BudgetTable } from '../budget-tables/schema';

/**
 * The imported meeting: what every parser (eDoc, the Publication XML of SBSYS and
 * eDagsorden, Acadre) turns its export into, before anything touches the database.
 * Rich text is raw HTML from the export here; the service sanitizes it on the way in.
 */

export type ImportFormat = 'edoc' | 'publication' | 'acadre';

/** How the source systems are named to people (report lines, change notes, reopen reasons). */
export const FORMAT_LABELS: Record<ImportFormat, string> = {
  edoc: 'eDoc',
  publication: 'SBSYS/eDagsorden',
  acadre: 'Acadre',
};

export type MembershipRole = 'chair' | 'vice_chair' | 'member' | 'substitute';

export interface ImportedPerson {
  /** The export's own id of the person, when it has one */
  externalId: string | null;
  name: string;
  party: string | null;
  role: MembershipRole;
}

export interface ImportedAttendance {
  person: ImportedPerson;
  status: 'present' | 'absent';
  reason: string | null;
}

export interface ImportedAttachment {
  externalId: string;
  title: string;
  /** The export's publish flag: false means the file must never be public */
  isPublic: boolean;
}

/** A section under a label that has no field of its own in our model; kept, in the export's order. */
export interface ImportedExtraSection {
  label: string;
  html: string;
}

export interface ImportedItem {
  externalId: string;
  number: number;
  title: string;
  isClosed: boolean;
  kind: 'regular' | 'announcements';
  caseNumber: string | null;
  caseTitle: string | null;
  summary: string | null;
  background: string | null;
  casePresentation: string | null;
  financialText: string | null;
  /** Tables of the sections that are budget tables, placed by <div data-budget-table="N"> markers */
  tables: BudgetTable[];
  /** The committee named under "Beslutningen træffes af" / "Sagen afgøres i" */
  decidedBy: { label: string; name: string } | null;
  recommendationBy: string | null;
  /** Plain text, one entry per point */
  points: string[];
  decision: string | null;
  /** Earlier decisions carried in the export ("Beslutning i … den 10-04-2013"), oldest first */
  decisionHistory: Array<{ label: string; html: string }>;
  /** "Kommunalbestyrelsen den 30. januar 2012 Punkt 5": earlier treatments the export names */
  earlierTreatments: string[];
  extraSections: ImportedExtraSection[];
  subPoints: Array<{ title: string | null; body: string; attachments: ImportedAttachment[] }>;
  attachments: ImportedAttachment[];
  /** "Følgende deltog ikke i behandlingen af punktet:" */
  absentNames: string[];
}

export interface ImportedMeeting {
  format: ImportFormat;
  /** The export's own identifier of the meeting (stable from agenda to minutes) */
  externalId: string;
  committee: { externalId: string; name: string };
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  phase: 'agenda' | 'minutes';
  /** When the export says the agenda was published */
  agendaPublishedAt: Date | null;
  /** When the export says the minutes were approved or produced (minutes only) */
  minutesApprovedAt: Date | null;
  /** The committee's members as the export lists them */
  members: ImportedPerson[];
  /** Attendance, when the export records it (minutes) */
  attendance: ImportedAttendance[] | null;
  items: ImportedItem[];
}

/** A parser's result for one file: its meetings, and what it had to repair on the way. */
export interface ParsedExport {
  format: ImportFormat;
  meetings: ImportedMeeting[];
  warnings: string[];
}

/** A file that cannot be imported: where and why, in Danish. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly where: string | null = null,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/**
 * A Danish description of an error the import did not foresee (a value the database refuses, a bug), for the
 * import report: the user sees what kind of problem it was and a code to give support, never the database's
 * English text.
 */
export function describeUnexpectedError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    if (code.startsWith('22')) return `en værdi i filen har en form eller længde, databasen ikke kan gemme (fejlkode ${code})`;
    if (code.startsWith('23')) return `en værdi i filen strider mod en regel for de gemte data, f.eks. en dublet (fejlkode ${code})`;
    return `databasen kunne ikke gemme den (fejlkode ${code})`;
  }
  return 'en uventet fejl i importen';
}
