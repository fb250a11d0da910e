/**
 * Shapes of the demo data. The demo data is transcribed from the real documents
 * (seed 003 and friends) into these structures; seeds/demo/load.ts writes them
 * into the database through the same sanitizer the app uses.
 *
 * Rich text ("Html") is a small HTML subset: <p>, <ul>/<ol>/<li>, <strong>, <em>,
 * <h4> for inline subheadings inside a section, <br>, <a href>, and the marker
 * <div data-budget-table="N"></div> (N = 1-based index into the item's `tables`)
 * that places a budget table at that point of the section.
 */
export type Html = string;

export type CommitteeKind = 'council' | 'committee' | 'advisory_board' | 'external_party';

export interface SeedBody {
  key: string; // 'ballerup'
  name: string; // 'Ballerup Kommune'
  slug: string; // 'ballerup'
  primary: boolean;
}

export interface SeedCommittee {
  key: string; // 'sus'
  body: string; // body key
  kind: CommitteeKind;
  name: string; // 'Social- og Sundhedsudvalget'
  shortName?: string; // 'SUS'
  /** For external parties (consultees outside the municipality) */
  contactEmail?: string;
}

export interface SeedPerson {
  key: string; // 'lolan-ottesen'
  body: string;
  name: string; // 'Lolan Ottesen'
  email?: string; // demo login, e.g. 'lolan.ottesen@demo.test'
}

export type MembershipRole = 'chair' | 'vice_chair' | 'member' | 'substitute';

export interface SeedMembership {
  committee: string; // committee key
  person: string; // person key
  role: MembershipRole;
  party?: string; // 'A', 'V', 'O', 'Ø' ...
  /** For a personal substitute: the person key of the member they stand in for */
  substituteFor?: string;
  /** Substitutes who attend without a vote have votingRight false */
  votingRight?: boolean;
  from: string; // ISO date '2018-01-01'
  to?: string; // ISO date, inclusive; open-ended if absent
}

export interface SeedAttachment {
  title: string;
  recommended: boolean; // "anbefales"
  public?: boolean; // default true
}

/** A budget table as data. Values are the numbers as stated in the document (in the table's unit). */
export interface SeedBudgetTable {
  title?: string; // 'Tabel 1. Økonomisk overblik i 2021 ...'
  /** Header of the first (label) column, e.g. 'Bevillingsramme' */
  stubHeader: string;
  unit: string; // '1.000 kr.'
  columns: Array<{
    label: string; // 'Vedtaget budget 2020'
    /** The column's printed number: 1 for "(1)". Omit when the document prints none. */
    number?: number;
    /** Formula over column numbers producing this column, e.g. '(3)-(2)' for "(3)-(2)=(4)" */
    formula?: string;
    /** True when the header carries the "*)" sign-footnote marker */
    signNote?: boolean;
    /** Decimals shown (default 0) */
    decimals?: number;
  }>;
  rows: Array<{
    key?: string; // for row formulas, e.g. 'r1'
    kind?: 'data' | 'heading'; // heading: a label-only row such as 'som fordeler sig således:'
    code?: string; // '50.52'
    label: string; // 'Tilbud til ældre pensionister'
    /** Stated values, one per column; null for an empty cell */
    values?: Array<number | null>;
    /** Row formula over row keys, e.g. 'r1+r2' */
    formula?: string;
  }>;
  /** The "I alt" row: stated totals, one per column (null where the document prints none). Omit when the table has no total row. */
  total?: { label: string; values: Array<number | null> };
  footnotes?: string[]; // ['*) + = merforbrug', '- = mindreforbrug', 'Note: ...']
}

export interface SeedVote {
  for: string[]; // person keys
  against: string[];
  abstain?: string[];
}

export interface SeedAmendment {
  proposedBy: string[]; // person keys
  text: Html;
  outcome: 'adopted' | 'rejected';
  vote?: SeedVote;
  /** Recommendation point number the amendment concerns, if any */
  point?: number;
}

export interface SeedDissent {
  persons: string[]; // person keys
  /** Text after the names, e.g. 'kunne ikke godkende indstillingens punkt 1, da ændringsforslaget ikke blev vedtaget.' */
  text: string;
  point?: number;
}

export interface SeedSubPoint {
  title?: string; // first line / heading of the announcement if it has one
  /** Case key when the announcement belongs to a case (shown as that case's "Tidligere behandling": "..., Meddelelser") */
  case?: string;
  body: Html;
  attachments?: SeedAttachment[];
}

export interface SeedItem {
  number: number;
  title: string;
  kind?: 'regular' | 'announcements' | 'minutes_approval'; // default regular
  closed?: boolean;
  /** Case key; items on the same case form its history ("Tidligere behandling") */
  case?: string;
  /** Key of an earlier item (meetingKey#number) this item was postponed from: shown as "Beslutningshistorik" */
  postponedFrom?: string;
  summary?: Html; // Sammendrag
  background?: Html; // Baggrund
  casePresentation?: Html; // Sagsfremstilling
  financialText?: Html; // Økonomiske konsekvenser og finansiering
  tables?: SeedBudgetTable[];
  /** Announcements ("Meddelelser"): numbered sub-points */
  subPoints?: SeedSubPoint[];
  attachments?: SeedAttachment[];
  /** Printed after the attachment count, e.g. '(kapitel 9, side 94-96)' */
  attachmentsNote?: string;
  decidedBy?: string; // committee key ("Beslutningen træffes af")
  recommendation?: { by: string; points: Html[] }; // 'Center for Voksne og Sundhed'; points without their numbers
  /** Whole-item decision text, e.g. '<p>Taget til efterretning</p>' */
  decision?: Html;
  /** Decision per recommendation point (rendered "Indstillingens punkt N: ...") */
  pointDecisions?: Array<{ point: number; text: Html }>;
  amendments?: SeedAmendment[];
  dissents?: SeedDissent[];
  /** Per-item absence: person keys with reason */
  absences?: Array<{ person: string; reason: 'absent' | 'conflict_of_interest'; note?: string }>;
}

export interface SeedAttendance {
  person: string;
  status: 'present' | 'absent' | 'substitute';
  reason?: string; // for absent: 'Afbud'
  substituteFor?: string; // for substitute: the member's person key
}

export interface SeedMeeting {
  key: string; // 'sus-2021-04-06'
  committee: string;
  /** Local Copenhagen wall time 'YYYY-MM-DDTHH:mm', or a function of the load date for upcoming demo meetings */
  startsAt: string;
  endsAt?: string;
  location?: string;
  status:
    | 'planned'
    | 'agenda_published'
    | 'held'
    | 'minutes_draft'
    | 'minutes_in_approval'
    | 'minutes_approved'
    | 'minutes_published';
  attendance?: SeedAttendance[];
  items: SeedItem[];
}

export interface SeedCase {
  key: string;
  body: string;
  caseNumber: string; // e.g. '27.00.00-A00-1-21'
  title: string;
}
