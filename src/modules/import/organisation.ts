import type { Knex } from 'knex';
import { committeeSlug } from '../committees/slug';
import type { ImportedMeeting, ImportedPerson, MembershipRole } from './model';
import { findSource, saveSource, type BodyRow } from './repository';

type CommitteeKind = 'council' | 'committee' | 'advisory_board';

/** Kommunalbestyrelse, byråd and regionsråd are councils; råd and nævn advise; the rest are committees. */
function kindOf(name: string): CommitteeKind {
  const n = name.toLowerCase();
  if (/kommunalbestyrelse|byråd(et)?$|regionsråd(et)?$|borgerrepræsentation/.test(n)) return 'council';
  if (/(råd|rådet|nævn|nævnet)(\s*\(.*\))?$/.test(n)) return 'advisory_board';
  return 'committee';
}

function normName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The committee of an imported meeting: matched by the export's own committee id,
 * then by name within the body; else created in the body (primary bodies keep the
 * plain slug, src/modules/committees/slug.ts).
 */
export async function ensureCommittee(trx: Knex.Transaction, body: BodyRow, meeting: ImportedMeeting, now: Date): Promise<{ id: number; slug: string; created: boolean }> {
  const { externalId, name } = meeting.committee;
  const mapped = await findSource(trx, body.id, meeting.format, 'committee', externalId);
  let row = mapped ? ((await trx('committees').where({ id: mapped.localId }).first('id', 'slug')) as { id: number; slug: string } | undefined) : undefined;
  let created = false;
  row ??= (await trx('committees').where({ body_id: body.id }).whereRaw('lower(name) = ?', [normName(name)]).first('id', 'slug')) as { id: number; slug: string } | undefined;
  if (!row) {
    const slugs = new Set((await trx('committees').pluck('slug')) as string[]);
    const base = committeeSlug(name, body, (s) => slugs.has(s));
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    const shortName = /\(([A-ZÆØÅ]{2,8})\)$/.exec(name)?.[1] ?? null;
    const [inserted] = await trx('committees').insert({ body_id: body.id, kind: kindOf(name), name, short_name: shortName, slug }).returning(['id', 'slug']);
    row = inserted as { id: number; slug: string };
    created = true;
  }
  if (!mapped || mapped.localId !== row.id) await saveSource(trx, { bodyId: body.id, system: meeting.format, kind: 'committee', externalId, localId: row.id, now });
  return { ...row, created };
}

/** A committee of the body by name ("Beslutningen træffes af: Kommunalbestyrelsen"), if there is one. */
export async function committeeByName(trx: Knex.Transaction, bodyId: number, name: string): Promise<number | null> {
  const row = await trx('committees').where({ body_id: bodyId }).whereRaw('lower(name) = ?', [normName(name)]).first('id');
  return (row?.id as number | undefined) ?? null;
}

/**
 * A person of the body: by the export's person id; else by name and party (a seat
 * with that party in any committee of the body), or by name alone when one of them
 * has no party on record; else created.
 */
export async function ensurePerson(trx: Knex.Transaction, body: BodyRow, format: ImportedMeeting['format'], person: ImportedPerson, now: Date): Promise<number> {
  if (person.externalId) {
    const mapped = await findSource(trx, body.id, format, 'person', person.externalId);
    if (mapped && (await trx('people').where({ id: mapped.localId }).first('id'))) return mapped.localId;
  }
  const candidates = (await trx('people as p')
    .where('p.body_id', body.id)
    .whereRaw("lower(regexp_replace(p.name, '\\s+', ' ', 'g')) = ?", [normName(person.name)])
    .orderBy('p.id')
    .select(
      'p.id',
      trx.raw(
        `(SELECT array_agg(DISTINCT ms.party) FROM memberships ms JOIN committees c ON c.id = ms.committee_id
           WHERE ms.person_id = p.id AND c.body_id = ? AND ms.party IS NOT NULL) AS parties`,
        [body.id],
      ),
    )) as Array<{ id: number; parties: string[] | null }>;
  const withParty = person.party ? candidates.find((c) => c.parties?.includes(person.party as string)) : undefined;
  const fallback = person.party ? candidates.find((c) => !c.parties || c.parties.length === 0) : candidates[0];
  let id = (withParty ?? fallback)?.id;
  if (id === undefined) {
    const [row] = await trx('people').insert({ body_id: body.id, name: person.name }).returning('id');
    id = (row as { id: number }).id;
  }
  if (person.externalId) await saveSource(trx, { bodyId: body.id, system: format, kind: 'person', externalId: person.externalId, localId: id, now });
  return id;
}

/**
 * The person's seat on the committee on the meeting's day. An import only knows the
 * days it saw, so a seat runs from the first to the last imported meeting; a seat
 * that already covers the day (entered in Mødebog) is left alone.
 */
export async function ensureMembership(trx: Knex.Transaction, input: { committeeId: number; personId: number; role: MembershipRole; party: string | null; day: string }): Promise<void> {
  const rows = (await trx('memberships')
    .where({ committee_id: input.committeeId, person_id: input.personId })
    .select('id', 'role', 'party', 'valid_from', 'valid_to')) as Array<{ id: number; role: string; party: string | null; valid_from: string; valid_to: string | null }>;
  if (rows.some((r) => r.valid_from <= input.day && (r.valid_to === null || r.valid_to >= input.day))) return;
  const same = rows.find((r) => r.role === input.role && (r.party ?? null) === input.party);
  if (same) {
    await trx('memberships')
      .where({ id: same.id })
      .update({
        valid_from: same.valid_from < input.day ? same.valid_from : input.day,
        valid_to: same.valid_to === null || same.valid_to > input.day ? same.valid_to : input.day,
        updated_at: trx.fn.now(),
      });
    return;
  }
  await trx('memberships').insert({ committee_id: input.committeeId, person_id: input.personId, role: input.role, party: input.party, valid_from: input.day, valid_to: input.day });
}
