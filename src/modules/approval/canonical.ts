import crypto from 'node:crypto';
import type { Db } from '../../db/knex';
import { richTextToPlain } from '../sanitize/html';

/**
 * The canonical form of a meeting's minutes: one deterministic JSON document
 * (fixed key order, two-space indent, trailing newline) holding everything the
 * members approve. Its SHA-256 is what an approval is bound to and what the public
 * page shows; the document itself is published next to the referat, so anyone can
 * check the hash with `sha256sum`. A closed item enters only as a salted hash of its
 * own canonical form: members are bound to its content, the public learns nothing.
 */
export const CANONICAL_FORMAT = 'moedebog-referat/1';

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface CanonicalMinutes {
  document: { [key: string]: Json };
  text: string;
  hash: string;
}

export async function canonicalMinutes(db: Db, meetingId: number): Promise<CanonicalMinutes> {
  const meeting = await db('meetings as m')
    .join('committees as c', 'c.id', 'm.committee_id')
    .join('bodies as b', 'b.id', 'c.body_id')
    .where('m.id', meetingId)
    .first('m.id', 'm.slug', 'm.starts_at', 'm.ends_at', 'm.location', 'c.name as committee', 'b.name as body');
  const day = "(SELECT (starts_at AT TIME ZONE 'Europe/Copenhagen')::date FROM meetings WHERE id = ?)";
  const party = async (personId: number): Promise<string | null> => {
    const row = await db('memberships')
      .where({ person_id: personId })
      .whereNotNull('party')
      .whereRaw(`valid_from <= ${day}`, [meetingId])
      .whereRaw(`(valid_to IS NULL OR valid_to >= ${day})`, [meetingId])
      .first('party');
    return (row?.party as string | undefined) ?? null;
  };
  const nameCache = new Map<number, string>();
  const person = async (personId: number | null): Promise<string | null> => {
    if (personId === null) return null;
    const cached = nameCache.get(personId);
    if (cached) return cached;
    const row = await db('people').where({ id: personId }).first('name');
    const p = await party(personId);
    const name = `${row?.name as string}${p ? ` (${p})` : ''}`;
    nameCache.set(personId, name);
    return name;
  };

  // One query at a time: this runs inside transactions (one connection).
  const sequence = async <A, B>(list: A[], f: (a: A) => Promise<B>): Promise<B[]> => {
    const out: B[] = [];
    for (const a of list) out.push(await f(a));
    return out;
  };
  const names = (ids: number[]) => sequence(ids, person);

  const attendanceRows = (await db('attendance').where({ meeting_id: meetingId }).select('person_id', 'status', 'reason', 'substitute_for_person_id')) as Array<{
    person_id: number;
    status: string;
    reason: string | null;
    substitute_for_person_id: number | null;
  }>;
  const attendance: Json[] = [];
  for (const a of attendanceRows) {
    attendance.push({ person: await person(a.person_id), status: a.status, reason: a.reason, substituteFor: await person(a.substitute_for_person_id) });
  }
  attendance.sort((x, y) => String((x as { person: string }).person).localeCompare(String((y as { person: string }).person), 'da'));

  const items = (await db('agenda_items as i')
    .leftJoin('cases as k', 'k.id', 'i.case_id')
    .leftJoin('committees as d', 'd.id', 'i.decided_by_committee_id')
    .where('i.meeting_id', meetingId)
    .orderBy('i.position')
    .select('i.*', 'k.case_number', 'd.name as decided_by')) as Array<Record<string, unknown> & { id: number; number: number; is_closed: boolean; closed_salt: string }>;

  const itemDocs: Json[] = [];
  for (const i of items) {
    const points = await db('recommendation_points').where({ item_id: i.id }).orderBy('number').select('number', 'text', 'decision');
    const tables = await db('budget_tables').where({ item_id: i.id }).orderBy('position').select('position', 'definition');
    const amendments = await db('amendments').where({ item_id: i.id }).orderBy('position').select('id', 'position', 'point_number', 'text', 'outcome');
    const amendmentDocs: Json[] = [];
    for (const a of amendments) {
      const proposers = (await db('amendment_proposers').where({ amendment_id: a.id }).orderBy('position').pluck('person_id')) as number[];
      amendmentDocs.push({ point: a.point_number, text: a.text, outcome: a.outcome, proposedBy: await names(proposers) });
    }
    const votes = await db('votes').where({ item_id: i.id }).orderBy('position').select('id', 'amendment_id', 'point_number');
    const voteDocs: Json[] = [];
    for (const v of votes) {
      const ballots = (await db('vote_ballots').where({ vote_id: v.id }).orderBy('position').select('person_id', 'choice')) as Array<{ person_id: number; choice: string }>;
      const amendment = amendments.findIndex((a) => a.id === v.amendment_id);
      voteDocs.push({
        amendment: amendment >= 0 ? amendment + 1 : null,
        point: v.point_number,
        ballots: await sequence(ballots, async (b) => ({ person: await person(b.person_id), choice: b.choice })),
      });
    }
    const dissents = await db('dissents').where({ item_id: i.id }).orderBy('position').select('id', 'point_number', 'text');
    const dissentDocs: Json[] = [];
    for (const d of dissents) {
      const persons = (await db('dissent_persons').where({ dissent_id: d.id }).orderBy('position').pluck('person_id')) as number[];
      dissentDocs.push({ point: d.point_number, text: d.text, persons: await names(persons) });
    }
    const absences = (await db('item_absences').where({ item_id: i.id }).select('person_id', 'reason', 'note')) as Array<{ person_id: number; reason: string; note: string | null }>;
    const absenceDocs = await sequence(absences, async (a) => ({ person: await person(a.person_id), reason: a.reason, note: a.note }));
    absenceDocs.sort((x, y) => String(x.person).localeCompare(String(y.person), 'da'));
    const subPoints = await db('sub_points').where({ item_id: i.id }).orderBy('number').select('id', 'number', 'title', 'body');
    const extraSections = (await db('item_extra_sections').where({ item_id: i.id }).orderBy('position').select('kind', 'label', 'body')) as Array<{ kind: string; label: string; body: string | null }>;
    const attachments = await db('attachments').where({ item_id: i.id }).orderBy('position').select('sub_point_id', 'title', 'recommended', 'is_public', 'storage_key');
    const attachmentDoc = (a: { title: string; recommended: boolean; is_public: boolean; storage_key: string | null }): Json => ({
      title: a.title,
      recommended: a.recommended,
      public: a.is_public,
      file: a.storage_key,
    });
    const doc: { [key: string]: Json } = {
      number: i.number,
      title: i.title as string,
      kind: i.kind as string,
      case: (i.case_number as string | null) ?? null,
      summary: (i.summary as string | null) ?? null,
      background: (i.background as string | null) ?? null,
      casePresentation: (i.case_presentation as string | null) ?? null,
      financialText: (i.financial_text as string | null) ?? null,
      tables: tables.map((t) => t.definition as Json),
      // Sections imported under labels of their own, earlier treatments and decisions named by the export.
      extraSections: extraSections.map((x) => ({ kind: x.kind, label: x.label, body: x.body })),
      subPoints: subPoints.map((s) => ({
        number: s.number,
        title: s.title,
        body: s.body,
        attachments: attachments.filter((a) => a.sub_point_id === s.id).map(attachmentDoc),
      })),
      attachments: attachments.filter((a) => a.sub_point_id === null).map(attachmentDoc),
      decidedBy: (i.decided_by as string | null) ?? null,
      recommendation: { by: (i.recommendation_by as string | null) ?? null, points: points.map((p) => ({ number: p.number, text: p.text, decision: p.decision })) },
      decision: (i.decision as string | null) ?? null,
      amendments: amendmentDocs,
      votes: voteDocs,
      dissents: dissentDocs,
      absences: absenceDocs,
    };
    if (i.is_closed) {
      itemDocs.push({ number: i.number, closed: true, sealed: sha256(`${i.closed_salt}\n${JSON.stringify(doc)}`) });
    } else {
      itemDocs.push(doc);
    }
  }

  const document: { [key: string]: Json } = {
    format: CANONICAL_FORMAT,
    body: meeting.body,
    committee: meeting.committee,
    meeting: {
      slug: meeting.slug,
      startsAt: (meeting.starts_at as Date).toISOString(),
      endsAt: meeting.ends_at ? (meeting.ends_at as Date).toISOString() : null,
      location: meeting.location,
    },
    attendance,
    items: itemDocs,
  };
  const text = `${JSON.stringify(document, null, 2)}\n`;
  return { document, text, hash: sha256(text) };
}

/** A plain-text reading of the canonical form, one fact per line, for showing what changed between two versions. */
export function readableLines(canonicalText: string): string[] {
  const doc = JSON.parse(canonicalText) as { attendance: Array<Record<string, string | null>>; items: Array<Record<string, unknown>> };
  const lines: string[] = [];
  for (const a of doc.attendance) lines.push(`Fremmøde: ${a.person} – ${a.status}${a.reason ? ` (${a.reason})` : ''}${a.substituteFor ? ` for ${a.substituteFor}` : ''}`);
  for (const item of doc.items) {
    const head = `Punkt ${item.number}`;
    if (item.closed) {
      lines.push(`${head}: lukket punkt (indhold forseglet: ${String(item.sealed).slice(0, 12)}…)`);
      continue;
    }
    lines.push(`${head}: ${String(item.title)}`);
    const flat = (label: string, value: unknown) => {
      if (value === null || value === undefined || value === '') return;
      if (typeof value === 'string') lines.push(`${head}, ${label}: ${richTextToPlain(value)}`);
      else lines.push(`${head}, ${label}: ${JSON.stringify(value)}`);
    };
    flat('Sammendrag', item.summary);
    flat('Baggrund', item.background);
    flat('Sagsfremstilling', item.casePresentation);
    flat('Økonomi', item.financialText);
    (item.tables as unknown[]).forEach((t, n) => flat(`Tabel ${n + 1}`, t));
    ((item.extraSections as Array<{ label: string; body: string | null }> | undefined) ?? []).forEach((x) => flat(x.label, x.body ?? x.label));
    (item.subPoints as Array<{ number: number; body: string }>).forEach((s) => flat(`Meddelelse ${s.number}`, s.body));
    const rec = item.recommendation as { by: string | null; points: Array<{ number: number; text: string; decision: string | null }> };
    rec.points.forEach((p) => {
      flat(`Indstillingens punkt ${p.number}`, p.text);
      flat(`Beslutning om punkt ${p.number}`, p.decision);
    });
    flat('Beslutning', item.decision);
    (item.amendments as unknown[]).forEach((a, n) => flat(`Ændringsforslag ${n + 1}`, a));
    (item.votes as unknown[]).forEach((v, n) => flat(`Afstemning ${n + 1}`, v));
    (item.dissents as unknown[]).forEach((d, n) => flat(`Mindretal ${n + 1}`, d));
    (item.absences as unknown[]).forEach((a) => flat('Fravær', a));
    (item.attachments as Array<{ title: string }>).forEach((a) => flat('Bilag', a.title));
  }
  return lines;
}

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** Line diff (longest common subsequence), showing only changed lines and their neighbours' absence. */
export function diffLines(before: string[], after: string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      (lcs[i] as number[])[j] = before[i] === after[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, lcs[i]?.[j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ kind: 'same', text: before[i] as string });
      i++;
      j++;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) {
      out.push({ kind: 'removed', text: before[i++] as string });
    } else {
      out.push({ kind: 'added', text: after[j++] as string });
    }
  }
  while (i < n) out.push({ kind: 'removed', text: before[i++] as string });
  while (j < m) out.push({ kind: 'added', text: after[j++] as string });
  return out;
}
