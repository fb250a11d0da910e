import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { fromCopenhagenLocal } from '../i18n/format';
import { recordApprovedMinutes } from '../modules/approval/service';
import { budgetTableSchema, type BudgetTable } from '../modules/budget-tables/schema';
import { committeeSlug } from '../modules/committees/slug';
import { meetingSlug } from '../modules/meetings/slug';
import { sanitizeRichText } from '../modules/sanitize/html';

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

/** Inserts rows in chunks of `size`, returning what the statement returns. */
async function insertMany<R>(trx: Knex.Transaction, table: string, rows: object[], returning?: string[]): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    if (returning) out.push(...((await trx(table).insert(chunk).returning(returning)) as R[]));
    else await trx(table).insert(chunk);
  }
  return out;
}

/**
 * Writes a deterministic synthetic municipality: committees with members, meetings
 * every month but July, items with texts, recommendation points, budget tables,
 * amendments with votes, dissents and attachment records — the rows insertItemGraph
 * writes, but in multi-row inserts. Minutes are written as drafts, then approved and
 * published with recordApprovedMinutes, as the demo data does.
 */
export async function generateMunicipality(db: Db, size: BenchSize, seed = 20261126): Promise<GeneratedData> {
  const rng = prng(seed);
  const pool = paragraphPool(rng, 1500);
  const text = (min: number, max: number) => Array.from({ length: int(rng, min, max) }, () => pick(rng, pool)).join('');
  const lastYear = 2025;
  const firstYear = lastYear - size.years + 1;

  const data: GeneratedData = { committees: [], meetings: [], items: 0, words: WORDS };
  const lockedMeetings: Array<{ id: number; startsAt: Date }> = [];

  await db.transaction(async (trx) => {
    // A bulk load: no per-row triggers (search index, minutes lock) while writing; the search
    // index is rebuilt once below, and the minutes are locked by their approval afterwards.
    await trx.raw('SET LOCAL session_replication_role = replica');
    const [body] = (await trx('bodies').insert({ slug: 'benchkommune', name: 'Benchmark Kommune', is_primary: true }).returning('id')) as Array<{ id: number }>;
    const bodyId = (body as { id: number }).id;
    const slugs = new Set<string>();
    const committeeRows = Array.from({ length: size.committees }, (_, i) => {
      const name = COMMITTEE_NAMES[i % COMMITTEE_NAMES.length] + (i >= COMMITTEE_NAMES.length ? ` ${Math.floor(i / COMMITTEE_NAMES.length) + 1}` : '');
      const slug = committeeSlug(name, { slug: 'benchkommune', isPrimary: true }, (s) => slugs.has(s));
      slugs.add(slug);
      return { body_id: bodyId, kind: name === 'Kommunalbestyrelsen' ? 'council' : 'committee', name, slug };
    });
    const committees = await insertMany<{ id: number; slug: string }>(trx, 'committees', committeeRows, ['id', 'slug']);
    data.committees = committees;

    const peopleRows = Array.from({ length: size.committees * MEMBERS_PER_COMMITTEE }, (_, i) => ({
      body_id: bodyId,
      name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i + 1}`,
    }));
    const people = (await insertMany<{ id: number }>(trx, 'people', peopleRows, ['id'])).map((p) => p.id);
    const members = new Map<number, number[]>();
    const membershipRows: object[] = [];
    committees.forEach((c, ci) => {
      const ids = people.slice(ci * MEMBERS_PER_COMMITTEE, (ci + 1) * MEMBERS_PER_COMMITTEE);
      members.set(c.id, ids);
      ids.forEach((personId, mi) =>
        membershipRows.push({ committee_id: c.id, person_id: personId, role: mi === 0 ? 'chair' : mi === 1 ? 'vice_chair' : 'member', party: pick(rng, PARTIES), valid_from: `${firstYear}-01-01` }),
      );
    });
    await insertMany(trx, 'memberships', membershipRows);

    // Meetings: every month but July, on a weekday near the middle of the month at 16.00.
    const meetingRows: Array<{ committee_id: number; slug: string; starts_at: Date; ends_at: Date; location: string; status: string }> = [];
    const months = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12].slice(0, size.meetingsPerYear);
    for (const c of committees) {
      for (let year = firstYear; year <= lastYear; year++) {
        for (const month of months) {
          const day = 5 + ((c.id * 3 + month) % 20);
          const startsAt = fromCopenhagenLocal(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T16:00`);
          const last = year === lastYear && month === months[months.length - 1];
          meetingRows.push({
            committee_id: c.id,
            slug: meetingSlug(c.slug, startsAt, false),
            starts_at: startsAt,
            ends_at: new Date(startsAt.getTime() + 2 * 3600_000),
            location: `Mødelokale ${int(rng, 1, 12)}, Rådhuset`,
            // The newest meeting of each committee has a published agenda; the rest have approved minutes (written as drafts first).
            status: last ? 'agenda_published' : 'minutes_draft',
          });
        }
      }
    }
    const meetings = await insertMany<{ id: number; slug: string; committee_id: number; status: string; starts_at: Date }>(
      trx, 'meetings', meetingRows, ['id', 'slug', 'committee_id', 'status', 'starts_at'],
    );

    const attendanceRows: object[] = [];
    for (const m of meetings) {
      const ids = members.get(m.committee_id) ?? [];
      const absent = int(rng, -3, ids.length - 1); // most meetings: everyone present
      ids.forEach((personId, i) => attendanceRows.push({ meeting_id: m.id, person_id: personId, status: i === absent ? 'absent' : 'present', reason: i === absent ? 'Afbud' : null }));
    }
    await insertMany(trx, 'attendance', attendanceRows);

    // Items, meeting by meeting batch: the item rows first (for their ids), then everything that hangs on them.
    interface Pending {
      meetingIndex: number;
      row: Record<string, unknown>;
      tables: BudgetTable[];
      points: Array<{ number: number; text: string; decision: string | null }>;
      amendment: { text: string; outcome: 'adopted' | 'rejected'; vote: boolean } | null;
      dissent: string | null;
      attachments: number;
      subPoints: number;
    }
    const BATCH = 100; // meetings per round trip
    for (let start = 0; start < meetings.length; start += BATCH) {
      const batch = meetings.slice(start, start + BATCH);
      const pending: Pending[] = [];
      batch.forEach((m, bi) => {
        const count = int(rng, size.itemsPerMeeting - 3, size.itemsPerMeeting + 3);
        const minutes = m.status === 'minutes_draft';
        for (let n = 1; n <= count; n++) {
          const kind = n === 1 ? 'minutes_approval' : n === count ? 'announcements' : 'regular';
          const regular = kind === 'regular';
          const title =
            kind === 'minutes_approval' ? 'Godkendelse af dagsorden' : kind === 'announcements' ? 'Meddelelser' : `${pick(rng, WORDS)} ${pick(rng, WORDS)} – ${pick(rng, WORDS)}`.replace(/^./, (c) => c.toUpperCase());
          const points = regular ? Array.from({ length: int(rng, 1, 3) }, (_, i) => ({ number: i + 1, text: pick(rng, pool), decision: minutes && rng() < 0.3 ? pick(rng, pool) : null })) : [];
          pending.push({
            meetingIndex: bi,
            row: {
              meeting_id: m.id,
              position: n,
              number: n,
              kind,
              is_closed: regular && rng() < 0.04,
              title,
              summary: regular ? text(1, 2) : null,
              background: regular ? text(1, 3) : null,
              case_presentation: regular ? text(2, 5) : text(1, 1),
              financial_text: regular && rng() < 0.5 ? text(1, 2) : null,
              recommendation_by: regular ? 'Direktionen indstiller' : null,
              decision: minutes ? (regular ? text(1, 1) : sanitizeRichText('<p>Godkendt.</p>')) : null,
              attachments_note: null,
            },
            tables: regular && rng() < 0.35 ? [budgetTable(rng)] : [],
            points,
            amendment: minutes && regular && rng() < 0.15 ? { text: pick(rng, pool), outcome: rng() < 0.5 ? 'adopted' : 'rejected', vote: rng() < 0.8 } : null,
            dissent: minutes && regular && rng() < 0.1 ? `${pick(rng, WORDS)} ${pick(rng, WORDS)} kunne ikke tiltræde indstillingen.` : null,
            attachments: regular ? int(rng, 0, 3) : 0,
            subPoints: kind === 'announcements' ? int(rng, 1, 3) : 0,
          });
        }
      });
      const itemIds = (await insertMany<{ id: number }>(trx, 'agenda_items', pending.map((p) => p.row), ['id'])).map((r) => r.id);
      data.items += itemIds.length;
      const tables: object[] = [];
      const points: object[] = [];
      const amendments: object[] = [];
      const amendmentInfo: Array<{ itemId: number; committeeId: number; vote: boolean }> = [];
      const dissents: object[] = [];
      const dissentInfo: Array<{ committeeId: number }> = [];
      const subPoints: object[] = [];
      const attachments: object[] = [];
      pending.forEach((p, i) => {
        const itemId = itemIds[i] as number;
        const meeting = batch[p.meetingIndex] as (typeof batch)[number];
        p.tables.forEach((t, ti) => tables.push({ item_id: itemId, position: ti + 1, definition: JSON.stringify(t) }));
        p.points.forEach((pt) => points.push({ item_id: itemId, ...pt }));
        if (p.amendment) {
          amendments.push({ item_id: itemId, position: 1, point_number: 1, text: p.amendment.text, outcome: p.amendment.outcome });
          amendmentInfo.push({ itemId, committeeId: meeting.committee_id, vote: p.amendment.vote });
        }
        if (p.dissent) {
          dissents.push({ item_id: itemId, position: 1, point_number: null, text: p.dissent });
          dissentInfo.push({ committeeId: meeting.committee_id });
        }
        for (let s = 1; s <= p.subPoints; s++) subPoints.push({ item_id: itemId, number: s, title: `Orientering ${s}`, body: pick(rng, pool), case_id: null });
        for (let a = 1; a <= p.attachments; a++) {
          attachments.push({ item_id: itemId, position: a, title: `Bilag ${a}: ${pick(rng, WORDS)} ${pick(rng, WORDS)}`, recommended: a === 1, is_public: rng() < 0.9 });
        }
      });
      await insertMany(trx, 'budget_tables', tables);
      await insertMany(trx, 'recommendation_points', points);
      await insertMany(trx, 'sub_points', subPoints);
      await insertMany(trx, 'attachments', attachments);
      const amendmentIds = (await insertMany<{ id: number }>(trx, 'amendments', amendments, ['id'])).map((r) => r.id);
      const proposers: object[] = [];
      const votes: object[] = [];
      const voteBallots: Array<Array<{ person_id: number; choice: string }>> = [];
      amendmentIds.forEach((amendmentId, i) => {
        const info = amendmentInfo[i] as (typeof amendmentInfo)[number];
        const ids = members.get(info.committeeId) ?? [];
        proposers.push({ amendment_id: amendmentId, person_id: pick(rng, ids), position: 1 });
        if (info.vote) {
          votes.push({ item_id: info.itemId, amendment_id: amendmentId, point_number: 1, position: 1 });
          voteBallots.push(ids.map((personId) => ({ person_id: personId, choice: pick(rng, ['for', 'for', 'against', 'abstain']) })));
        }
      });
      await insertMany(trx, 'amendment_proposers', proposers);
      const voteIds = (await insertMany<{ id: number }>(trx, 'votes', votes, ['id'])).map((r) => r.id);
      const ballots: object[] = [];
      voteIds.forEach((voteId, i) => (voteBallots[i] ?? []).forEach((b, bi) => ballots.push({ vote_id: voteId, ...b, position: bi + 1 })));
      await insertMany(trx, 'vote_ballots', ballots);
      const dissentIds = (await insertMany<{ id: number }>(trx, 'dissents', dissents, ['id'])).map((r) => r.id);
      const dissentPersons: object[] = [];
      dissentIds.forEach((dissentId, i) => dissentPersons.push({ dissent_id: dissentId, person_id: pick(rng, members.get(dissentInfo[i]?.committeeId ?? 0) ?? [0]), position: 1 }));
      await insertMany(trx, 'dissent_persons', dissentPersons);

      batch.forEach((m, bi) => {
        data.meetings.push({ id: m.id, slug: m.slug, committeeId: m.committee_id, items: pending.filter((p) => p.meetingIndex === bi).length, published: m.status === 'minutes_draft' });
        if (m.status === 'minutes_draft') lockedMeetings.push({ id: m.id, startsAt: new Date(m.starts_at) });
      });
    }
  });

  // Approve and publish the minutes (locks them).
  const queue = [...lockedMeetings];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const meeting = next;
      await db.transaction((trx) => recordApprovedMinutes(trx, { meetingId: meeting.id, approvedAt: new Date(meeting.startsAt.getTime() + 7 * 24 * 3600_000) }));
    }
  };
  // Two at a time, as two secretaries might (the search index maintenance never makes writers wait on each other).
  await Promise.all([worker(), worker()]);
  await db.raw('SELECT count(search_refresh_item(id)) FROM agenda_items');
  return data;
}
