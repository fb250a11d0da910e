import { randomUUID } from 'node:crypto';
import type { Db } from '../db/knex';
import { fromCopenhagenLocal } from '../i18n/format';
import { canonicalMinutes } from '../modules/approval/canonical';
import { budgetTableSchema, type BudgetTable } from '../modules/budget-tables/schema';
import { committeeSlug } from '../modules/committees/slug';
import { meetingSlug } from '../modules/meetings/slug';
import { sanitizeRichText } from '../modules/sanitize/html';
import { copyRows, query, reserveIds, withConnections, type Connection } from './bulk';
import { canonicalMinutesOf, type MinutesItem } from './minutes';
import { DOCUMENT_COLUMNS, DocumentComposer, Fragments, analyseFragments, compareSearchDocuments, type DocumentSpec } from './search-documents';

/** How big the synthetic municipality is. */
export interface BenchSize {
  committees: number;
  meetingsPerYear: number;
  years: number;
  itemsPerMeeting: number;
}

export const FULL_SIZE: BenchSize = { committees: 25, meetingsPerYear: 11, years: 10, itemsPerMeeting: 15 };
/** A tenth of the full size: fewer years, the same shape per meeting. */
export const QUICK_SIZE: BenchSize = { committees: 25, meetingsPerYear: 11, years: 1, itemsPerMeeting: 15 };

/** mulberry32: small, fast and deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'kommune udvalg borger skole dagtilbud ældre pleje sundhed budget anlæg drift vej trafik cykelsti klima energi affald vand ' +
  'byggeri lokalplan kommuneplan høring bevilling regnskab tilskud forening idræt kultur bibliotek museum beskæftigelse ' +
  'ledighed integration handicap psykiatri misbrug forebyggelse rehabilitering hjemmepleje plejecenter sygepleje træning ' +
  'børn unge familie anbringelse sagsbehandling digitalisering it-system udbud kontrakt leverandør personale rekruttering ' +
  'arbejdsmiljø sygefravær effektivisering besparelse prioritering investering renovering vedligehold ejendom grund salg ' +
  'køb lejemål boligsocial almene boliger helhedsplan tryghed politi samarbejde region staten lovgivning bekendtgørelse ' +
  'kvalitetsrapport tilsyn evaluering strategi handleplan målsætning indsats projekt pulje ansøgning fond erhverv turisme ' +
  'natur miljø grønne områder skov sø kyst støj parkering kollektiv trafik bus letbane takst frivillige ældreråd handicapråd'
).split(' ');

const COMMITTEE_NAMES = [
  'Økonomiudvalget', 'Børne- og Skoleudvalget', 'Social- og Sundhedsudvalget', 'Teknik- og Miljøudvalget', 'Kultur- og Fritidsudvalget',
  'Beskæftigelsesudvalget', 'Klimaudvalget', 'Ældreudvalget', 'Erhvervsudvalget', 'Planudvalget', 'Integrationsudvalget', 'Boligudvalget',
  'Trafikudvalget', 'Udvalget for Digitalisering', 'Handicaprådet', 'Ældrerådet', 'Folkeoplysningsudvalget', 'Beredskabskommissionen',
  'Børne- og Ungeudvalget', 'Sundhedsudvalget', 'Naturudvalget', 'Landdistriktsudvalget', 'Ungdomsrådet', 'Integrationsrådet', 'Kommunalbestyrelsen',
];
const FIRST = ['Anne', 'Bo', 'Camilla', 'Dorthe', 'Erik', 'Frederik', 'Grethe', 'Hans', 'Ida', 'Jens', 'Karen', 'Lars', 'Mette', 'Niels', 'Ole', 'Pia', 'Rasmus', 'Sofie', 'Thomas', 'Ulla'];
const LAST = ['Hansen', 'Jensen', 'Nielsen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Madsen', 'Kristensen'];
const PARTIES = ['A', 'V', 'C', 'F', 'Ø', 'O', 'B', 'I'];
const MEMBERS_PER_COMMITTEE = 9;

/** What the bench needs to know about the generated data. */
export interface GeneratedData {
  committees: Array<{ id: number; slug: string }>;
  meetings: Array<{ id: number; slug: string; committeeId: number; items: number; published: boolean }>;
  items: number;
  words: readonly string[];
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

/** A pool of sanitized paragraphs: items are composed from them, so sanitizing happens once per paragraph, not per item. */
function paragraphPool(rng: Rng, size: number): string[] {
  const pool: string[] = [];
  for (let i = 0; i < size; i++) {
    const sentences: string[] = [];
    for (let s = int(rng, 2, 5); s > 0; s--) {
      const words = Array.from({ length: int(rng, 6, 16) }, () => pick(rng, WORDS));
      const first = words[0] ?? 'kommune';
      words[0] = first.charAt(0).toUpperCase() + first.slice(1);
      if (rng() < 0.2) words[int(rng, 1, words.length - 1)] = `<strong>${pick(rng, WORDS)}</strong>`;
      sentences.push(`${words.join(' ')}.`);
    }
    pool.push(sanitizeRichText(`<p>${sentences.join(' ')}</p>`));
  }
  return pool;
}

function budgetTable(rng: Rng): BudgetTable {
  const rows = Array.from({ length: int(rng, 3, 8) }, (_, i) => ({
    key: `r${i + 1}`,
    label: `${pick(rng, WORDS)} ${pick(rng, WORDS)}`,
    values: [int(rng, -5000, 20000), int(rng, -5000, 20000), int(rng, -5000, 20000)],
  }));
  return budgetTableSchema.parse({
    title: `Økonomiske konsekvenser, ${pick(rng, WORDS)}`,
    stubHeader: '1.000 kr.',
    unit: '1.000 kr.',
    columns: [
      { label: 'Budget', number: 1 },
      { label: 'Forbrug', number: 2 },
      { label: 'Afvigelse', number: 3, formula: '(1)-(2)' },
    ],
    rows,
    total: { label: 'I alt', values: [0, 0, 0].map((_, c) => rows.reduce((sum, r) => sum + (r.values[c] ?? 0), 0)) },
  });
}

/** How often the generator runs the application's own code on its output (see verifyGenerated). */
export interface GenerateOptions {
  /** Items whose search documents are checked against search_refresh_item(); 0: none */
  verifyItems?: number;
  /** Meetings whose snapshot is checked against canonicalMinutes(); 0: none */
  verifyMeetings?: number;
  /** Reports how long each phase took */
  log?: (message: string) => void;
}

interface ItemGraph {
  id: number;
  meeting: MeetingRow;
  number: number;
  kind: string;
  isClosed: boolean;
  closedSalt: string;
  title: string;
  /** Rich-text fields as paragraph fragments (ids in Fragments) */
  summary: number[];
  background: number[];
  casePresentation: number[];
  financial: number[];
  decision: number[];
  tables: BudgetTable[];
  points: Array<{ number: number; text: number; decision: number | null }>;
  amendment: { text: number; outcome: 'adopted' | 'rejected'; vote: boolean } | null;
  dissent: string | null;
  attachmentCount: number;
  subPointCount: number;
  subPoints: Array<{ number: number; title: string; body: number }>;
  attachments: Array<{ position: number; title: string; recommended: boolean; isPublic: boolean }>;
  proposer: number;
  ballots: Array<{ personId: number; choice: string }> | null;
  dissenter: number;
}

/**
 * Writes a deterministic synthetic municipality: committees with members, meetings
 * every month but July, items with texts, recommendation points, budget tables,
 * amendments with votes, dissents and attachment records. The newest meeting of each
 * committee has a published agenda; the others have minutes approved by everyone
 * present and published, as recordApprovedMinutes() leaves them (snapshot, approvals,
 * version 1; locked by their status).
 *
 * A bulk load: every table is written with a few large statements, with the per-row
 * triggers off (session_replication_role = replica), and what those triggers would
 * have written is written set-wise afterwards — the search documents and words
 * (src/bench/search-documents.ts), the canonical minutes (src/bench/minutes.ts) and
 * one content_changes row per meeting plus one for the whole site. A sample is then
 * checked against the application's own functions (verifyGenerated), so the bench
 * never measures data the application would not have made. Uses four connections of
 * the pool at once.
 */
export async function generateMunicipality(db: Db, size: BenchSize, seed = 20261126, options: GenerateOptions = {}): Promise<GeneratedData> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const lap = (what: string) => log(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const rng = prng(seed);
  const fragments = new Fragments();
  const pool = paragraphPool(rng, 1500);
  const poolFragment = pool.map((p) => fragments.add('html', p));
  const approvedHtml = sanitizeRichText('<p>Godkendt.</p>');
  const approvedFragment = fragments.add('html', approvedHtml);
  const pickParagraph = () => Math.floor(rng() * pool.length);
  const textParagraphs = (min: number, max: number) => Array.from({ length: int(rng, min, max) }, pickParagraph);
  const lastYear = 2025;
  const firstYear = lastYear - size.years + 1;
  const data: GeneratedData = { committees: [], meetings: [], items: 0, words: WORDS };

  // Two connections, each in a transaction with the per-row triggers off (what they would
  // write is written set-wise here): one writes the content and the minutes, the other the
  // search documents, both while the next hundred meetings are generated. A third analyses
  // text fragments (pure computation), a fourth reserves ids. The search index's text
  // indexes are built once at the end (CREATE INDEX as the migrations define them), far
  // faster than entry by entry.
  await withConnections(db, 4, async (connections) => {
    const [content, search, analyser, reserver] = connections as [Connection, Connection, Connection, Connection];
    for (const c of [content, search]) {
      await query(c, 'BEGIN');
      await query(c, 'SET LOCAL session_replication_role = replica');
    }
    try {
      await write(content, search, analyser, reserver);
      await query(search, 'COMMIT');
      await query(content, 'COMMIT');
    } catch (error) {
      await query(search, 'ROLLBACK').catch(() => undefined);
      await query(content, 'ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
  lap('skrevet');

  await verifyGenerated(db, data, { items: options.verifyItems ?? 40, meetings: options.verifyMeetings ?? 2 });
  lap('stikprøve kontrolleret');
  return data;

  async function write(content: Connection, search: Connection, analyser: Connection, reserver: Connection): Promise<void> {
    // The search side, three steps per batch, each in order and each overlapping the others' work on
    // other batches: the new fragments analysed (and the words sorted as the database sorts them), the
    // documents composed, the documents written.
    const composer = new DocumentComposer();
    const indexes = await dropIndexes(search, 'search_documents', 'gin');
    let analysing: Promise<void> = Promise.resolve();
    let composing: Promise<unknown[][]> = Promise.resolve([]);
    let searching: Promise<void> = Promise.resolve();
    const index = (specs: DocumentSpec[]) => {
      const upTo = fragments.size;
      analysing = analysing.then(async () => {
        while (composer.size < upTo) composer.add(await analyseFragments(analyser, fragments, composer.size, Math.min(upTo, composer.size + 20_000)));
        if (composer.unsortedWords().length) composer.sortWords((await query<{ w: string }>(analyser, 'SELECT w FROM unnest($1::text[]) AS w ORDER BY w', [composer.allWords()])).map((r) => r.w));
      });
      composing = Promise.all([analysing, composing]).then(() => specs.map((spec) => composer.compose(spec)));
      const rows = composing;
      searching = Promise.all([rows, searching]).then(([documents]) => copyRows(search, 'search_documents', DOCUMENT_COLUMNS, documents));
    };
    // The content side: each batch's rows written while the next is generated.
    let writing: Promise<unknown> = Promise.resolve();
    const copy = (table: string, columns: readonly string[], rows: unknown[][]) => copyRows(content, table, columns, rows);

    const ids = await reserveIds(content, {
      body: { table: 'bodies', count: 1 },
      committees: { table: 'committees', count: size.committees },
      people: { table: 'people', count: size.committees * MEMBERS_PER_COMMITTEE },
      meetings: { table: 'meetings', count: size.committees * size.years * Math.min(11, size.meetingsPerYear) },
    });
    const bodyId = ids.body[0] as number;
    const bodyName = 'Benchmark Kommune';
    await copy('bodies', ['id', 'slug', 'name', 'is_primary'], [[bodyId, 'benchkommune', bodyName, true]]);
    const slugs = new Set<string>();
    const committees = ids.committees.map((id, i) => {
      const name = COMMITTEE_NAMES[i % COMMITTEE_NAMES.length] + (i >= COMMITTEE_NAMES.length ? ` ${Math.floor(i / COMMITTEE_NAMES.length) + 1}` : '');
      const slug = committeeSlug(name, { slug: 'benchkommune', isPrimary: true }, (s) => slugs.has(s));
      slugs.add(slug);
      return { id, kind: name === 'Kommunalbestyrelsen' ? 'council' : 'committee', name, slug };
    });
    await copy('committees', ['id', 'body_id', 'kind', 'name', 'slug'], committees.map((c) => [c.id, bodyId, c.kind, c.name, c.slug]));
    data.committees = committees.map((c) => ({ id: c.id, slug: c.slug }));
    const committeeName = new Map(committees.map((c) => [c.id, c.name]));

    const people = ids.people;
    const personName = new Map(people.map((id, i) => [id, `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i + 1}`]));
    await copy('people', ['id', 'body_id', 'name'], people.map((id) => [id, bodyId, personName.get(id)]));
    const members = new Map<number, number[]>();
    /** As canonicalMinutes names people: "Name (party)" */
    const label = new Map<number, string>();
    const memberships: unknown[][] = [];
    committees.forEach((c, ci) => {
      const mine = people.slice(ci * MEMBERS_PER_COMMITTEE, (ci + 1) * MEMBERS_PER_COMMITTEE);
      members.set(c.id, mine);
      mine.forEach((personId, mi) => {
        const party = pick(rng, PARTIES);
        label.set(personId, `${personName.get(personId)} (${party})`);
        memberships.push([c.id, personId, mi === 0 ? 'chair' : mi === 1 ? 'vice_chair' : 'member', party, `${firstYear}-01-01`]);
      });
    });
    await copy('memberships', ['committee_id', 'person_id', 'role', 'party', 'valid_from'], memberships);

    // Meetings: every month but July, on a weekday near the middle of the month at 16.00.
    const meetings: MeetingRow[] = [];
    const months = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12].slice(0, size.meetingsPerYear);
    for (const c of committees) {
      for (let year = firstYear; year <= lastYear; year++) {
        for (const month of months) {
          const day = 5 + ((c.id * 3 + month) % 20);
          const startsAt = fromCopenhagenLocal(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T16:00`);
          const last = year === lastYear && month === months[months.length - 1];
          meetings.push({
            id: ids.meetings[meetings.length] as number,
            committeeId: c.id,
            slug: meetingSlug(c.slug, startsAt, false),
            startsAt,
            endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
            location: `Mødelokale ${int(rng, 1, 12)}, Rådhuset`,
            // The newest meeting of each committee has a published agenda; the rest have approved, published minutes,
            // approved a week after the meeting.
            minutes: !last,
            approvedAt: last ? null : new Date(startsAt.getTime() + 7 * 24 * 3600_000),
          });
        }
      }
    }
    await copy(
      'meetings',
      ['id', 'committee_id', 'slug', 'starts_at', 'ends_at', 'location', 'status', 'released_for_approval_at'],
      meetings.map((m) => [m.id, m.committeeId, m.slug, m.startsAt, m.endsAt, m.location, m.minutes ? 'minutes_published' : 'agenda_published', m.approvedAt]),
    );

    const attendance = new Map<number, Array<{ personId: number; present: boolean }>>();
    const attendanceRows: unknown[][] = [];
    for (const m of meetings) {
      const mine = members.get(m.committeeId) ?? [];
      const absent = int(rng, -3, mine.length - 1); // most meetings: everyone present
      attendance.set(m.id, mine.map((personId, i) => ({ personId, present: i !== absent })));
      mine.forEach((personId, i) => attendanceRows.push([m.id, personId, i === absent ? 'absent' : 'present', i === absent ? 'Afbud' : null]));
    }
    await copy('attendance', ['meeting_id', 'person_id', 'status', 'reason'], attendanceRows);
    lap('udvalg, personer, møder');

    // Items, a hundred meetings at a time, drawn in the same order as always (the same data from the same seed).
    const BATCH = 100;
    for (let start = 0; start < meetings.length; start += BATCH) {
      const batch = meetings.slice(start, start + BATCH);
      const pending: ItemGraph[] = [];
      batch.forEach((m) => {
        const count = int(rng, size.itemsPerMeeting - 3, size.itemsPerMeeting + 3);
        for (let n = 1; n <= count; n++) {
          const kind = n === 1 ? 'minutes_approval' : n === count ? 'announcements' : 'regular';
          const regular = kind === 'regular';
          const title =
            kind === 'minutes_approval' ? 'Godkendelse af dagsorden' : kind === 'announcements' ? 'Meddelelser' : `${pick(rng, WORDS)} ${pick(rng, WORDS)} – ${pick(rng, WORDS)}`.replace(/^./, (c) => c.toUpperCase());
          const points = regular ? Array.from({ length: int(rng, 1, 3) }, (_, i) => ({ number: i + 1, text: pickParagraph(), decision: m.minutes && rng() < 0.3 ? pickParagraph() : null })) : [];
          const isClosed = regular && rng() < 0.04;
          const summary = regular ? textParagraphs(1, 2) : [];
          const background = regular ? textParagraphs(1, 3) : [];
          const casePresentation = regular ? textParagraphs(2, 5) : textParagraphs(1, 1);
          const financial = regular && rng() < 0.5 ? textParagraphs(1, 2) : [];
          const decision = m.minutes ? (regular ? textParagraphs(1, 1).map((p) => poolFragment[p] as number) : [approvedFragment]) : [];
          pending.push({
            id: 0,
            meeting: m,
            number: n,
            kind,
            isClosed,
            closedSalt: randomUUID().replace(/-/g, ''),
            title,
            summary: summary.map((p) => poolFragment[p] as number),
            background: background.map((p) => poolFragment[p] as number),
            casePresentation: casePresentation.map((p) => poolFragment[p] as number),
            financial: financial.map((p) => poolFragment[p] as number),
            decision,
            tables: regular && rng() < 0.35 ? [budgetTable(rng)] : [],
            points: points.map((p) => ({ number: p.number, text: poolFragment[p.text] as number, decision: p.decision === null ? null : (poolFragment[p.decision] as number) })),
            amendment: m.minutes && regular && rng() < 0.15 ? { text: poolFragment[pickParagraph()] as number, outcome: rng() < 0.5 ? 'adopted' : 'rejected', vote: rng() < 0.8 } : null,
            dissent: m.minutes && regular && rng() < 0.1 ? `${pick(rng, WORDS)} ${pick(rng, WORDS)} kunne ikke tiltræde indstillingen.` : null,
            attachmentCount: regular ? int(rng, 0, 3) : 0,
            subPointCount: kind === 'announcements' ? int(rng, 1, 3) : 0,
            subPoints: [],
            attachments: [],
            proposer: 0,
            ballots: null,
            dissenter: 0,
          });
        }
      });
      // What hangs on the items, drawn in the same order as always: announcements and attachments item by item, then proposers and ballots, then dissenters.
      for (const p of pending) {
        for (let s = 1; s <= p.subPointCount; s++) p.subPoints.push({ number: s, title: `Orientering ${s}`, body: poolFragment[pickParagraph()] as number });
        for (let a = 1; a <= p.attachmentCount; a++) p.attachments.push({ position: a, title: `Bilag ${a}: ${pick(rng, WORDS)} ${pick(rng, WORDS)}`, recommended: a === 1, isPublic: rng() < 0.9 });
      }
      const withAmendment = pending.filter((p) => p.amendment);
      for (const p of withAmendment) {
        const mine = members.get(p.meeting.committeeId) ?? [];
        p.proposer = pick(rng, mine);
        if (p.amendment?.vote) p.ballots = mine.map((personId) => ({ personId, choice: pick(rng, ['for', 'for', 'against', 'abstain']) }));
      }
      const withDissent = pending.filter((p) => p.dissent);
      for (const p of withDissent) p.dissenter = pick(rng, members.get(p.meeting.committeeId) ?? [0]);

      // Written in parts of 25 meetings (the same rows in the same order), so that writing, analysing and
      // composing overlap finely, also for the last hundred meetings.
      for (let from = 0; from < batch.length; from += 25) {
        const chunk = batch.slice(from, from + 25);
        const inChunk = new Set(chunk.map((m) => m.id));
        const part = pending.filter((p) => inChunk.has(p.meeting.id));
        const amended = part.filter((p) => p.amendment);
        const voted = amended.filter((p) => p.ballots);
        const dissented = part.filter((p) => p.dissent);
        const reserved = await reserveIds(reserver, {
          items: { table: 'agenda_items', count: part.length },
          amendments: { table: 'amendments', count: amended.length },
          votes: { table: 'votes', count: voted.length },
          dissents: { table: 'dissents', count: dissented.length },
        });
        part.forEach((p, i) => (p.id = reserved.items[i] as number));
        data.items += part.length;
        const amendmentId = new Map(amended.map((p, i) => [p, reserved.amendments[i] as number]));
        const voteId = new Map(voted.map((p, i) => [p, reserved.votes[i] as number]));
        const dissentId = new Map(dissented.map((p, i) => [p, reserved.dissents[i] as number]));
        const text = (f: number) => fragments.texts[f] as string;
        const htmlOf = (list: number[]) => (list.length ? list.map(text).join('') : null);

        const rows = {
          items: [] as unknown[][],
          tables: [] as unknown[][],
          points: [] as unknown[][],
          subPoints: [] as unknown[][],
          attachments: [] as unknown[][],
          amendments: [] as unknown[][],
          proposers: [] as unknown[][],
          votes: [] as unknown[][],
          ballots: [] as unknown[][],
          dissents: [] as unknown[][],
          dissentPersons: [] as unknown[][],
          snapshots: [] as unknown[][],
          approvals: [] as unknown[][],
          versions: [] as unknown[][],
        };
        const htmlFields = new Map<ItemGraph, Array<string | null>>();
        for (const p of part) {
          const regular = p.kind === 'regular';
          const fields = [htmlOf(p.summary), htmlOf(p.background), htmlOf(p.casePresentation), htmlOf(p.financial), htmlOf(p.decision)];
          htmlFields.set(p, fields);
          rows.items.push([p.id, p.meeting.id, p.number, p.number, p.kind, p.isClosed, p.title, ...fields.slice(0, 4), regular ? 'Direktionen indstiller' : null, fields[4], p.closedSalt]);
          p.tables.forEach((t, ti) => rows.tables.push([p.id, ti + 1, t]));
          for (const pt of p.points) rows.points.push([p.id, pt.number, text(pt.text), pt.decision === null ? null : text(pt.decision)]);
          for (const s of p.subPoints) rows.subPoints.push([p.id, s.number, s.title, text(s.body)]);
          for (const a of p.attachments) rows.attachments.push([p.id, a.position, a.title, a.recommended, a.isPublic]);
        }
        for (const p of amended) {
          const id = amendmentId.get(p) as number;
          rows.amendments.push([id, p.id, 1, 1, text(p.amendment?.text ?? 0), p.amendment?.outcome]);
          rows.proposers.push([id, p.proposer, 1]);
        }
        for (const p of voted) {
          const id = voteId.get(p) as number;
          rows.votes.push([id, p.id, amendmentId.get(p), 1, 1]);
          (p.ballots ?? []).forEach((b, bi) => rows.ballots.push([id, b.personId, b.choice, bi + 1]));
        }
        for (const p of dissented) {
          const id = dissentId.get(p) as number;
          rows.dissents.push([id, p.id, 1, null, p.dissent]);
          rows.dissentPersons.push([id, p.dissenter, 1]);
        }

        // The minutes as recordApprovedMinutes() records them: the canonical form, everyone present approving it, version 1.
        const byMeeting = new Map<number, ItemGraph[]>(chunk.map((m) => [m.id, []]));
        for (const p of part) byMeeting.get(p.meeting.id)?.push(p);
        for (const m of chunk) {
          const mine = byMeeting.get(m.id) ?? [];
          data.meetings.push({ id: m.id, slug: m.slug, committeeId: m.committeeId, items: mine.length, published: m.minutes });
          if (!m.minutes) continue;
          const present = (attendance.get(m.id) ?? []).filter((a) => a.present);
          const minutes = canonicalMinutesOf({
            body: bodyName,
            committee: committeeName.get(m.committeeId) as string,
            meeting: { slug: m.slug, startsAt: m.startsAt, endsAt: m.endsAt, location: m.location },
            attendance: (attendance.get(m.id) ?? []).map((a) => ({ person: label.get(a.personId) as string, status: a.present ? 'present' : 'absent', reason: a.present ? null : 'Afbud' })),
            items: mine.map((p): MinutesItem => ({
              number: p.number,
              title: p.title,
              kind: p.kind,
              summary: htmlFields.get(p)?.[0] ?? null,
              background: htmlFields.get(p)?.[1] ?? null,
              casePresentation: htmlFields.get(p)?.[2] ?? null,
              financialText: htmlFields.get(p)?.[3] ?? null,
              tables: p.tables,
              subPoints: p.subPoints.map((s) => ({ number: s.number, title: s.title, body: text(s.body) })),
              attachments: p.attachments.map((a) => ({ title: a.title, recommended: a.recommended, public: a.isPublic })),
              recommendationBy: p.kind === 'regular' ? 'Direktionen indstiller' : null,
              points: p.points.map((pt) => ({ number: pt.number, text: text(pt.text), decision: pt.decision === null ? null : text(pt.decision) })),
              decision: htmlFields.get(p)?.[4] ?? null,
              amendments: p.amendment ? [{ point: 1, text: text(p.amendment.text), outcome: p.amendment.outcome, proposedBy: [label.get(p.proposer) as string] }] : [],
              votes: p.ballots ? [{ amendment: 1, point: 1, ballots: p.ballots.map((b) => ({ person: label.get(b.personId) as string, choice: b.choice })) }] : [],
              dissents: p.dissent ? [{ point: null, text: p.dissent, persons: [label.get(p.dissenter) as string] }] : [],
              isClosed: p.isClosed,
              closedSalt: p.closedSalt,
            })),
          });
          rows.snapshots.push([minutes.hash, m.id, minutes.text]);
          // requiredApprovers() orders them by name.
          present
            .map((a) => ({ id: a.personId, name: personName.get(a.personId) as string }))
            .sort((a, b) => a.name.localeCompare(b.name, 'da'))
            .forEach((a) => rows.approvals.push([m.id, a.id, minutes.hash, 1, m.approvedAt, null]));
          rows.versions.push([m.id, 1, 1, minutes.hash, m.approvedAt, m.approvedAt]);
        }

        await writing; // the content connection is free again
        writing = (async () => {
          await copy('agenda_items', ['id', 'meeting_id', 'position', 'number', 'kind', 'is_closed', 'title', 'summary', 'background', 'case_presentation', 'financial_text', 'recommendation_by', 'decision', 'closed_salt'], rows.items);
          await copy('budget_tables', ['item_id', 'position', 'definition'], rows.tables);
          await copy('recommendation_points', ['item_id', 'number', 'text', 'decision'], rows.points);
          await copy('sub_points', ['item_id', 'number', 'title', 'body'], rows.subPoints);
          await copy('attachments', ['item_id', 'position', 'title', 'recommended', 'is_public'], rows.attachments);
          await copy('amendments', ['id', 'item_id', 'position', 'point_number', 'text', 'outcome'], rows.amendments);
          await copy('amendment_proposers', ['amendment_id', 'person_id', 'position'], rows.proposers);
          await copy('votes', ['id', 'item_id', 'amendment_id', 'point_number', 'position'], rows.votes);
          await copy('vote_ballots', ['vote_id', 'person_id', 'choice', 'position'], rows.ballots);
          await copy('dissents', ['id', 'item_id', 'position', 'point_number', 'text'], rows.dissents);
          await copy('dissent_persons', ['dissent_id', 'person_id', 'position'], rows.dissentPersons);
          await copy('minutes_snapshots', ['content_hash', 'meeting_id', 'canonical'], rows.snapshots);
          await copy('minutes_approvals', ['meeting_id', 'person_id', 'content_hash', 'round', 'approved_at', 'user_id'], rows.approvals);
          await copy('minutes_versions', ['meeting_id', 'version', 'round', 'content_hash', 'released_at', 'published_at'], rows.versions);
        })();
        // Keep a failure from going unhandled until the next await.
        writing.catch(() => undefined);

        // The items' search documents (a closed item has none), as fragments.
        const specs: DocumentSpec[] = [];
        for (const p of part) {
          if (p.isClosed) continue;
          const m = p.meeting;
          specs.push({
            itemId: p.id,
            number: p.number,
            meetingId: m.id,
            committeeId: m.committeeId,
            startsAt: m.startsAt,
            minutes: m.minutes,
            title: fragments.add('text', p.title),
            summary: p.summary,
            rest: [
              ...p.background,
              ...p.casePresentation,
              ...p.financial,
              ...p.points.map((pt) => pt.text),
              ...p.subPoints.flatMap((s) => [fragments.add('text', s.title), s.body]),
            ],
            decisions: m.minutes ? [...p.decision, ...p.points.flatMap((pt) => (pt.decision === null ? [] : [pt.decision])), ...(p.amendment ? [p.amendment.text] : [])] : [],
            attachmentTitles: p.attachments.filter((a) => a.isPublic).map((a) => fragments.add('text', a.title)),
          });
        }
        index(specs);
        searching.catch(() => undefined);
      }
    }
    await writing;
    // What the change triggers would have logged: every meeting, and the site as a whole (committees, people).
    await query(content, 'INSERT INTO content_changes (meeting_id) SELECT unnest($1::int[]) UNION ALL SELECT NULL', [meetings.map((m) => m.id)]);
    await query(content, "SELECT pg_notify('moedebog_changes', '')");
    lap('punkter og referater skrevet');

    await searching;
    lap(`${fragments.size} tekststykker, søgedokumenter skrevet`);
    // search_note_words(): the words no row has yet.
    await query(search, 'INSERT INTO search_words (word) SELECT w FROM unnest($1::text[]) AS w WHERE NOT EXISTS (SELECT 1 FROM search_words s WHERE s.word = w)', [composer.usedWords()]);
    await query(search, "SET LOCAL maintenance_work_mem = '512MB'");
    for (const definition of indexes) await query(search, definition);
    lap('søgeindeks bygget');
  }
}

interface MeetingRow {
  id: number;
  committeeId: number;
  slug: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  /** Approved, published minutes (else a published agenda) */
  minutes: boolean;
  approvedAt: Date | null;
}

/** Drops a table's indexes of one access method, returning the statements that make them again. */
async function dropIndexes(connection: Connection, table: string, method: string): Promise<string[]> {
  const rows = await query<{ name: string; definition: string }>(
    connection,
    `SELECT c.relname AS name, pg_get_indexdef(c.oid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
      WHERE i.indrelid = $1::regclass AND a.amname = $2 AND NOT i.indisunique AND NOT i.indisprimary ORDER BY c.relname`,
    [table, method],
  );
  for (const r of rows) await query(connection, `DROP INDEX "${r.name.replace(/"/g, '""')}"`);
  return rows.map((r) => r.definition);
}

/**
 * Runs the application's own code on generated data and fails when it would have
 * written anything else: search_refresh_item() on `items` items (spread over all of
 * them; 'all' for every one) and canonicalMinutes() on `meetings` meetings with
 * minutes. Changes nothing.
 */
export async function verifyGenerated(db: Db, data: GeneratedData, sample: { items: number | 'all'; meetings: number | 'all' }): Promise<void> {
  const spread = <T>(list: T[], n: number | 'all'): T[] => (n === 'all' || n >= list.length ? list : Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)] as T));
  const itemIds = (await db('agenda_items as i').join('meetings as m', 'm.id', 'i.meeting_id').whereIn('m.id', data.meetings.map((m) => m.id)).orderBy('i.id').pluck('i.id')) as number[];
  const problems = await compareSearchDocuments(db, spread(itemIds, sample.items));
  for (const m of spread(data.meetings.filter((x) => x.published), sample.meetings)) {
    const snapshot = (await db('minutes_snapshots').where({ meeting_id: m.id }).first('content_hash', 'canonical')) as { content_hash: string; canonical: string } | undefined;
    const expected = await canonicalMinutes(db, m.id);
    if (snapshot?.canonical !== expected.text) problems.push(`meeting ${m.slug}: the minutes snapshot is not canonicalMinutes()`);
    const hashes = (await db('minutes_versions').where({ meeting_id: m.id }).pluck('content_hash')) as string[];
    if (hashes.length !== 1 || hashes[0] !== expected.hash) problems.push(`meeting ${m.slug}: the published version is not of the canonical minutes`);
  }
  if (problems.length) throw new Error(`The bench's generated data differ from what the application writes:\n${problems.slice(0, 20).join('\n')}`);
}
