import type { Knex } from 'knex';
import type { Db } from '../../src/db/knex';
import { fromCopenhagenLocal } from '../../src/i18n/format';
import { committeeSlug } from '../../src/modules/committees/slug';
import { recordApprovedMinutes } from '../../src/modules/approval/service';
import { hashPassword } from '../../src/modules/auth/password';
import { insertUser } from '../../src/modules/auth/repository';
import { insertItemGraph, type NewAttachment } from '../../src/modules/items/item-graph';
import { meetingSlug } from '../../src/modules/meetings/slug';
import { albertslundCommittees, albertslundMemberships, albertslundPeople } from './albertslund';
import { cases } from './cases';
import { consultationCommittees, consultationMemberships, consultationPeople } from './consultation-parties';
import { loadUdsatteConsultation } from './consultation-udsattestrategi';
import { earlierMeetings, earlierMemberships, earlierPeople } from './earlier-meetings';
import { ballerupCommittees, bodies, susMemberships, susPeople } from './organisation';
import { loadProcessPlan } from './process-plan';
import { sus20210406 } from './sus-2021-04-06';
import { loadUdsatteraad2018 } from './udsatteraad-2018';
import type { SeedAttachment, SeedMeeting, SeedMembership } from './types';
import { upcomingSusMeeting } from './upcoming';

export const DEMO_PASSWORD = 'demo';

/** The SUS members also sit in the committee's current term, so the upcoming meeting has members who can log in. */
const currentSusTerm: SeedMembership[] = susMemberships.map((m) => ({ ...m, from: '2022-01-01', to: undefined }));

export interface Ids {
  bodies: Map<string, { id: number; slug: string; isPrimary: boolean }>;
  committees: Map<string, number>;
  people: Map<string, number>;
  cases: Map<string, number>;
  items: Map<string, number>; // 'meetingKey#number'
}

export function need(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`Demo data: unknown ${what} '${key}'`);
  return id;
}

const attachment = (a: SeedAttachment): NewAttachment => ({ title: a.title, recommended: a.recommended, isPublic: a.public ?? true });

export async function insertMeeting(trx: Knex.Transaction, ids: Ids, meeting: SeedMeeting): Promise<void> {
  const committeeId = need(ids.committees, meeting.committee, 'committee');
  const committee = (await trx('committees').where({ id: committeeId }).first('slug')) as { slug: string };
  const startsAt = fromCopenhagenLocal(meeting.startsAt);
  const plain = meetingSlug(committee.slug, startsAt, false);
  const taken = await trx('meetings').where({ slug: plain }).first('id');
  const [row] = await trx('meetings')
    .insert({
      committee_id: committeeId,
      slug: meetingSlug(committee.slug, startsAt, Boolean(taken)),
      starts_at: startsAt,
      ends_at: meeting.endsAt ? fromCopenhagenLocal(meeting.endsAt) : null,
      location: meeting.location ?? null,
      // Approved minutes are locked by the database: write them as a draft, then approve and publish below.
      status: LOCKED.includes(meeting.status) ? 'minutes_draft' : meeting.status,
    })
    .returning('id');
  const meetingId = (row as { id: number }).id;
  for (const a of meeting.attendance ?? []) {
    await trx('attendance').insert({
      meeting_id: meetingId,
      person_id: need(ids.people, a.person, 'person'),
      status: a.status,
      reason: a.reason ?? null,
      substitute_for_person_id: a.substituteFor ? need(ids.people, a.substituteFor, 'person') : null,
    });
  }
  for (const [index, item] of meeting.items.entries()) {
    const pointDecisions = new Map((item.pointDecisions ?? []).map((d) => [d.point, d.text]));
    const itemId = await insertItemGraph(trx, meetingId, {
      number: item.number,
      position: index + 1,
      kind: item.kind ?? 'regular',
      isClosed: item.closed ?? false,
      caseId: item.case ? need(ids.cases, item.case, 'case') : null,
      postponedFromItemId: item.postponedFrom ? need(ids.items, item.postponedFrom, 'item') : null,
      title: item.title,
      summary: item.summary ?? null,
      background: item.background ?? null,
      casePresentation: item.casePresentation ?? null,
      financialText: item.financialText ?? null,
      decidedByCommitteeId: item.decidedBy ? need(ids.committees, item.decidedBy, 'committee') : null,
      recommendationBy: item.recommendation?.by ?? null,
      decision: item.decision ?? null,
      attachmentsNote: item.attachmentsNote ?? null,
      tables: item.tables ?? [],
      points: (item.recommendation?.points ?? []).map((text, i) => ({ number: i + 1, text, decision: pointDecisions.get(i + 1) ?? null })),
      amendments: (item.amendments ?? []).map((a) => ({
        pointNumber: a.point ?? null,
        text: a.text,
        outcome: a.outcome,
        proposerIds: a.proposedBy.map((p) => need(ids.people, p, 'person')),
        vote: a.vote
          ? {
              for: a.vote.for.map((p) => need(ids.people, p, 'person')),
              against: a.vote.against.map((p) => need(ids.people, p, 'person')),
              abstain: (a.vote.abstain ?? []).map((p) => need(ids.people, p, 'person')),
            }
          : null,
      })),
      dissents: (item.dissents ?? []).map((d) => ({
        pointNumber: d.point ?? null,
        text: d.text,
        personIds: d.persons.map((p) => need(ids.people, p, 'person')),
      })),
      absences: (item.absences ?? []).map((a) => ({ personId: need(ids.people, a.person, 'person'), reason: a.reason, note: a.note ?? null })),
      subPoints: (item.subPoints ?? []).map((s, i) => ({
        number: i + 1,
        title: s.title ?? null,
        body: s.body,
        caseId: s.case ? need(ids.cases, s.case, 'case') : null,
        attachments: (s.attachments ?? []).map(attachment),
      })),
      attachments: (item.attachments ?? []).map(attachment),
    });
    ids.items.set(`${meeting.key}#${item.number}`, itemId);
  }
  if (LOCKED.includes(meeting.status)) {
    // Approved by the members a week after the meeting, at 10.00.
    const approvedAt = new Date(startsAt.getTime() + 7 * 24 * 3600 * 1000 - ((startsAt.getUTCHours() - 9) * 3600 * 1000));
    await recordApprovedMinutes(trx, { meetingId, approvedAt });
  }
}

const LOCKED: SeedMeeting['status'][] = ['minutes_approved', 'minutes_published'];

/**
 * Loads the demo municipality into an empty database, in one transaction.
 * Returns false (and changes nothing) when the database already holds data.
 */
export async function loadDemoData(db: Db, options: { today: Date }): Promise<boolean> {
  return db.transaction(async (trx) => {
    // Serialise concurrent starts against the same database.
    await trx.raw('SELECT pg_advisory_xact_lock(4242)');
    const existing = await trx('bodies').count<{ count: number }[]>('* as count');
    if (Number(existing[0]?.count ?? 0) > 0) return false;

    const ids: Ids = { bodies: new Map(), committees: new Map(), people: new Map(), cases: new Map(), items: new Map() };
    for (const body of bodies) {
      const [row] = await trx('bodies').insert({ slug: body.slug, name: body.name, is_primary: body.primary }).returning('id');
      ids.bodies.set(body.key, { id: (row as { id: number }).id, slug: body.slug, isPrimary: body.primary });
    }
    const bodyId = (key: string) => {
      const b = ids.bodies.get(key);
      if (!b) throw new Error(`Demo data: unknown body '${key}'`);
      return b;
    };

    // Primary body first, so its committees keep the plain slugs.
    const committees = [...ballerupCommittees, ...consultationCommittees, ...albertslundCommittees].sort(
      (a, b) => Number(bodyId(b.body).isPrimary) - Number(bodyId(a.body).isPrimary),
    );
    const slugs = new Set<string>();
    for (const c of committees) {
      const body = bodyId(c.body);
      const slug = committeeSlug(c.name, body, (s) => slugs.has(s));
      slugs.add(slug);
      const [row] = await trx('committees')
        .insert({ body_id: body.id, kind: c.kind, name: c.name, short_name: c.shortName ?? null, slug, contact_email: c.contactEmail ?? null })
        .returning('id');
      ids.committees.set(c.key, (row as { id: number }).id);
    }

    for (const p of [...susPeople, ...earlierPeople, ...consultationPeople, ...albertslundPeople]) {
      if (ids.people.has(p.key)) continue;
      const [row] = await trx('people').insert({ body_id: bodyId(p.body).id, name: p.name, email: p.email ?? null }).returning('id');
      ids.people.set(p.key, (row as { id: number }).id);
    }

    for (const m of [...susMemberships, ...currentSusTerm, ...earlierMemberships, ...consultationMemberships, ...albertslundMemberships]) {
      await trx('memberships').insert({
        committee_id: need(ids.committees, m.committee, 'committee'),
        person_id: need(ids.people, m.person, 'person'),
        role: m.role,
        party: m.party ?? null,
        substitute_for_person_id: m.substituteFor ? need(ids.people, m.substituteFor, 'person') : null,
        voting_right: m.votingRight ?? m.role !== 'substitute',
        valid_from: m.from,
        valid_to: m.to ?? null,
      });
    }

    for (const c of cases) {
      const [row] = await trx('cases').insert({ body_id: bodyId(c.body).id, case_number: c.caseNumber, title: c.title }).returning('id');
      ids.cases.set(c.key, (row as { id: number }).id);
    }

    // Demo accounts, all with the password "demo" (README). Never created outside demo data.
    await insertUser(trx, { email: 'admin@demo.test', name: 'Administrator (demo)', passwordHash: await hashPassword(DEMO_PASSWORD), role: 'admin' });
    await insertUser(trx, { email: 'sekretaer@demo.test', name: 'Sekretariatet (demo)', passwordHash: await hashPassword(DEMO_PASSWORD), role: 'secretary', allCommittees: true });
    for (const person of susPeople) {
      if (!person.email) continue;
      await insertUser(trx, { email: person.email, name: person.name, passwordHash: await hashPassword(DEMO_PASSWORD), role: 'member', personId: need(ids.people, person.key, 'person') });
    }
    // Oldest first: a later item may point back to the one it was postponed from.
    const meetings = [...earlierMeetings, sus20210406, upcomingSusMeeting(options.today)].sort((a, b) =>
      a.startsAt.localeCompare(b.startsAt),
    );
    for (const meeting of meetings) await insertMeeting(trx, ids, meeting);

    await loadProcessPlan(trx, ids);
    await loadUdsatteConsultation(trx, ids, options.today);
    await loadUdsatteraad2018(trx, ids);
    return true;
  });
}
