import { CANONICAL_FORMAT, sha256 } from '../modules/approval/canonical';

/**
 * The canonical minutes of a generated meeting, made from the rows the generator
 * wrote instead of reading them back (canonicalMinutes in src/modules/approval/canonical.ts
 * reads about 170 rows one query at a time per meeting: minutes for the full bench
 * size would take minutes). The same document, key for key: the bench checks a
 * sample against canonicalMinutes on every run, and test/bench/generator.test.ts
 * checks every meeting of a small municipality, so a change of the canonical form
 * fails loudly here rather than making the bench measure different data.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface MinutesItem {
  number: number;
  title: string;
  kind: string;
  summary: string | null;
  background: string | null;
  casePresentation: string | null;
  financialText: string | null;
  /** Definitions as written (ordered here as jsonb returns them) */
  tables: unknown[];
  subPoints: Array<{ number: number; title: string; body: string }>;
  attachments: Array<{ title: string; recommended: boolean; public: boolean }>;
  recommendationBy: string | null;
  points: Array<{ number: number; text: string; decision: string | null }>;
  decision: string | null;
  amendments: Array<{ point: number | null; text: string; outcome: string; proposedBy: string[] }>;
  votes: Array<{ amendment: number | null; point: number | null; ballots: Array<{ person: string; choice: string }> }>;
  dissents: Array<{ point: number | null; text: string; persons: string[] }>;
  isClosed: boolean;
  closedSalt: string;
}

export interface MinutesInput {
  body: string;
  committee: string;
  meeting: { slug: string; startsAt: Date; endsAt: Date | null; location: string | null };
  /** Names as canonicalMinutes writes them: "Name (party)" */
  attendance: Array<{ person: string; status: string; reason: string | null }>;
  /** In position order */
  items: MinutesItem[];
}

/** A JSON value with object keys in jsonb's order (shorter keys first, then bytewise), as a jsonb column returns it. */
export function jsonbOrdered(value: unknown): Json {
  if (Array.isArray(value)) return value.map(jsonbOrdered);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort((a, b) => {
      const x = Buffer.from(a, 'utf8');
      const y = Buffer.from(b, 'utf8');
      return x.length - y.length || Buffer.compare(x, y);
    });
    const out: { [key: string]: Json } = {};
    for (const k of keys) out[k] = jsonbOrdered((value as Record<string, unknown>)[k]);
    return out;
  }
  return value as Json;
}

export function canonicalMinutesOf(input: MinutesInput): { text: string; hash: string } {
  const attendance: Json[] = input.attendance.map((a) => ({ person: a.person, status: a.status, reason: a.reason, substituteFor: null }));
  attendance.sort((x, y) => String((x as { person: string }).person).localeCompare(String((y as { person: string }).person), 'da'));
  const items: Json[] = input.items.map((i) => {
    const doc: { [key: string]: Json } = {
      number: i.number,
      title: i.title,
      kind: i.kind,
      case: null,
      summary: i.summary,
      background: i.background,
      casePresentation: i.casePresentation,
      financialText: i.financialText,
      tables: i.tables.map(jsonbOrdered),
      extraSections: [],
      subPoints: i.subPoints.map((s) => ({ number: s.number, title: s.title, body: s.body, attachments: [] })),
      attachments: i.attachments.map((a) => ({ title: a.title, recommended: a.recommended, public: a.public, file: null })),
      decidedBy: null,
      recommendation: { by: i.recommendationBy, points: i.points.map((p) => ({ number: p.number, text: p.text, decision: p.decision })) },
      decision: i.decision,
      amendments: i.amendments.map((a) => ({ point: a.point, text: a.text, outcome: a.outcome, proposedBy: a.proposedBy })),
      votes: i.votes.map((v) => ({ amendment: v.amendment, point: v.point, ballots: v.ballots.map((b) => ({ person: b.person, choice: b.choice })) })),
      dissents: i.dissents.map((d) => ({ point: d.point, text: d.text, persons: d.persons })),
      absences: [],
    };
    return i.isClosed ? { number: i.number, closed: true, sealed: sha256(`${i.closedSalt}\n${JSON.stringify(doc)}`) } : doc;
  });
  const document: { [key: string]: Json } = {
    format: CANONICAL_FORMAT,
    body: input.body,
    committee: input.committee,
    meeting: {
      slug: input.meeting.slug,
      startsAt: input.meeting.startsAt.toISOString(),
      endsAt: input.meeting.endsAt ? input.meeting.endsAt.toISOString() : null,
      location: input.meeting.location,
    },
    attendance,
    items,
  };
  const text = `${JSON.stringify(document, null, 2)}\n`;
  return { text, hash: sha256(text) };
}
