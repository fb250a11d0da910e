import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { formatDate, formatIsoDate, yearOf } from '../../i18n/format';
import { canonicalMinutes } from '../approval/canonical';
import { recordApprovedMinutes, requiredApprovers, type Publication } from '../approval/service';
import { audit } from '../audit/audit';
import { statusRank, type MeetingStatus } from '../meetings/meeting-status';
import { meetingSlug } from '../meetings/slug';
import { MAX_ITEM_TITLE_CHARS } from '../items/kinds';
import { personKey, syncItems } from './items';
import { describeUnexpectedError, FORMAT_LABELS, ImportFileError, type ImportedMeeting, type ImportFormat } from './model';
import { ensureCommittee, ensureMembership, ensurePerson } from './organisation';
import { parseExport } from './parse';
import { findBody, findSource, saveSource, type BodyRow } from './repository';

/** Bump when the mapping changes, so every meeting is written again once ("opdateret") with the new mapping. */
const MAPPING_VERSION = 1;

export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface MeetingResult {
  file: string;
  /** "Sundheds- og Forebyggelsesudvalget, 4. december 2012 (referat)"; null when the file could not be read */
  meeting: string | null;
  outcome: Outcome;
  /** Why it was skipped, in Danish */
  reason: string | null;
  /** Where in the file (skipped because of an error) */
  where: string | null;
  /** Skipped because something is wrong (not merely because of the meeting's state) */
  error: boolean;
  meetingId: number | null;
  slug: string | null;
  format: ImportFormat | null;
}

export interface FileReport {
  file: string;
  format: ImportFormat | null;
  warnings: string[];
}

export interface ImportReport {
  body: { slug: string; name: string };
  files: FileReport[];
  meetings: MeetingResult[];
}

export interface ImportOptions {
  now: Date;
  /** The admin who imports (web); null for the command line */
  userId: number | null;
  /** Renders a published referat, to keep it readable when a re-import reopens it */
  publication: Publication;
}

/** Thrown inside a meeting's transaction to leave it untouched, for a reason that is not an error. */
class SkipMeeting extends Error {}

function meetingHash(bodyId: number, meeting: ImportedMeeting): string {
  return crypto.createHash('sha256').update(JSON.stringify({ v: MAPPING_VERSION, bodyId, meeting }), 'utf8').digest('hex');
}

export function meetingLabel(meeting: ImportedMeeting): string {
  return `${meeting.committee.name}, ${formatDate(meeting.startsAt)} (${meeting.phase === 'minutes' ? 'referat' : 'dagsorden'})`;
}

async function uniqueMeetingSlug(trx: Knex.Transaction, committeeSlug: string, startsAt: Date, exceptId: number | null): Promise<string> {
  const taken = async (slug: string) => {
    const row = await trx('meetings').where({ slug }).first('id');
    return row !== undefined && row.id !== exceptId;
  };
  const plain = meetingSlug(committeeSlug, startsAt, false);
  if (!(await taken(plain))) return plain;
  const timed = meetingSlug(committeeSlug, startsAt, true);
  if (!(await taken(timed))) return timed;
  for (let n = 2; ; n++) if (!(await taken(`${timed}-${n}`))) return `${timed}-${n}`;
}

/** Reopens published minutes for a changed re-import; like approval/service.ts reopenMinutes, but the actor may be the command line. */
async function reopenForImport(trx: Knex.Transaction, meeting: { id: number; approval_round: number }, reason: string, options: ImportOptions): Promise<void> {
  const latest = await trx('minutes_versions').where({ meeting_id: meeting.id }).orderBy('version', 'desc').first('id', 'version', 'public_html');
  // Keep the published version readable exactly as it was.
  if (latest && !latest.public_html) await trx('minutes_versions').where({ id: latest.id }).update({ public_html: await options.publication.renderPublicHtml(trx, meeting.id) });
  await trx('meetings').where({ id: meeting.id }).update({ status: 'minutes_draft', approval_round: meeting.approval_round + 1 });
  if (latest) await trx('minutes_versions').where({ id: latest.id }).update({ reopened_at: options.now, reopen_reason: reason, reopened_by_user_id: options.userId });
  await audit(trx, { userId: options.userId, action: 'minutes.reopen', entity: 'meeting', entityId: meeting.id, after: { reason, version: latest?.version ?? null } });
}

/**
 * Minutes approved in the case system: every participant's approval of the imported
 * content is recorded and the minutes are published. The first time that is version 1
 * (recordApprovedMinutes); after a reopening it is the next version, in the new round.
 */
async function publishImportedMinutes(trx: Knex.Transaction, meetingId: number, approvedAt: Date): Promise<void> {
  const last = (await trx('minutes_versions').where({ meeting_id: meetingId }).max<{ max: number | null }[]>('version as max'))[0]?.max ?? 0;
  if (last === 0) {
    await recordApprovedMinutes(trx, { meetingId, approvedAt });
    return;
  }
  const meeting = (await trx('meetings').where({ id: meetingId }).first('approval_round')) as { approval_round: number };
  const minutes = await canonicalMinutes(trx, meetingId);
  await trx('minutes_snapshots').insert({ content_hash: minutes.hash, meeting_id: meetingId, canonical: minutes.text }).onConflict('content_hash').ignore();
  for (const approver of await requiredApprovers(trx, meetingId)) {
    await trx('minutes_approvals').insert({
      meeting_id: meetingId,
      person_id: approver.personId,
      content_hash: minutes.hash,
      round: meeting.approval_round,
      approved_at: approvedAt,
      user_id: approver.userId,
    });
  }
  await trx('meetings').where({ id: meetingId }).update({ status: 'minutes_approved', released_for_approval_at: approvedAt });
  await trx('meetings').where({ id: meetingId }).update({ status: 'minutes_published' });
  await trx('minutes_versions').insert({ meeting_id: meetingId, version: last + 1, round: meeting.approval_round, content_hash: minutes.hash, released_at: approvedAt, published_at: approvedAt });
}

/**
 * Imports one meeting in one transaction: all of it lands, or none of it does.
 * An export identical to the last one imported changes nothing ("uændret"). A
 * changed export updates the meeting in place; published minutes are reopened with
 * a reason and published again as a new, visible version.
 */
export async function importMeeting(db: Db, body: BodyRow, meeting: ImportedMeeting, file: string, options: ImportOptions): Promise<MeetingResult> {
  const base = { file, meeting: meetingLabel(meeting), reason: null, where: null, error: false, format: meeting.format };
  const hash = meetingHash(body.id, meeting);
  const system = FORMAT_LABELS[meeting.format];
  try {
    return await db.transaction(async (trx) => {
      const source = await findSource(trx, body.id, meeting.format, 'meeting', meeting.externalId);
      const existing = source
        ? ((await trx('meetings').where({ id: source.localId }).forUpdate().first('id', 'slug', 'status', 'committee_id', 'starts_at', 'approval_round', 'agenda_published_at', 'version')) as
            | { id: number; slug: string; status: MeetingStatus; committee_id: number; starts_at: Date; approval_round: number; agenda_published_at: Date | null; version: number }
            | undefined)
        : undefined;
      if (existing && source?.contentHash === hash) return { ...base, outcome: 'unchanged' as const, meetingId: existing.id, slug: existing.slug };
      const longTitle = meeting.items.find((item) => item.title.length > MAX_ITEM_TITLE_CHARS);
      if (longTitle) throw new SkipMeeting(`punkt ${longTitle.number} har en titel på ${longTitle.title.length} tegn; Mødebog gemmer højst ${MAX_ITEM_TITLE_CHARS} tegn i et punkts titel`);

      const committee = await ensureCommittee(trx, body, meeting, options.now);
      const day = formatIsoDate(meeting.startsAt);
      const agendaPublishedAt = meeting.agendaPublishedAt ?? (meeting.phase === 'agenda' ? options.now : meeting.startsAt);
      let meetingId: number;
      let slug: string;
      let agendaWasPublic = false;
      let finalStatus: MeetingStatus;

      if (!existing) {
        const clash = await trx('meetings').where({ committee_id: committee.id, starts_at: meeting.startsAt }).first('slug');
        if (clash) throw new SkipMeeting(`der findes allerede et møde i ${meeting.committee.name} på samme tidspunkt (${clash.slug as string}), som ikke kommer fra denne eksport; det overskrives ikke`);
        slug = await uniqueMeetingSlug(trx, committee.slug, meeting.startsAt, null);
        const [row] = await trx('meetings')
          .insert({
            committee_id: committee.id,
            slug,
            starts_at: meeting.startsAt,
            ends_at: meeting.endsAt,
            location: meeting.location,
            // Written as planned and given its real status last: the search index is then built once, not per row.
            status: 'planned',
            agenda_published_at: agendaPublishedAt,
          })
          .returning('id');
        meetingId = (row as { id: number }).id;
        finalStatus = meeting.phase === 'minutes' ? 'minutes_draft' : 'agenda_published';
      } else {
        meetingId = existing.id;
        const status = existing.status;
        if (meeting.phase === 'agenda' && statusRank(status) >= statusRank('minutes_approved')) throw new SkipMeeting('referatet er allerede offentliggjort; en dagsorden erstatter det ikke');
        if (meeting.phase === 'agenda' && statusRank(status) >= statusRank('minutes_draft')) throw new SkipMeeting('referatet er under udarbejdelse i Mødebog; en dagsorden erstatter det ikke');
        if (status === 'minutes_in_approval') throw new SkipMeeting('referatet er sendt til godkendelse i Mødebog; afslut eller genåbn godkendelsen først');
        if (status === 'minutes_approved') throw new SkipMeeting('referatet er godkendt, men endnu ikke offentliggjort; prøv igen om lidt');
        if (status === 'minutes_published') await reopenForImport(trx, existing, `Opdateret ved import fra ${system}`, options);
        agendaWasPublic = meeting.phase === 'agenda' && statusRank(status) >= statusRank('agenda_published');
        const moved = existing.committee_id !== committee.id || existing.starts_at.getTime() !== meeting.startsAt.getTime();
        slug = moved ? await uniqueMeetingSlug(trx, committee.slug, meeting.startsAt, existing.id) : existing.slug;
        finalStatus = meeting.phase === 'minutes' ? 'minutes_draft' : statusRank(status) < statusRank('agenda_published') ? 'agenda_published' : status;
        await trx('meetings')
          .where({ id: meetingId })
          .update({
            committee_id: committee.id,
            slug,
            starts_at: meeting.startsAt,
            ends_at: meeting.endsAt,
            location: meeting.location,
            status: 'planned',
            agenda_published_at: existing.agenda_published_at ?? agendaPublishedAt,
            version: existing.version + 1,
            updated_at: trx.fn.now(),
          });
      }

      // Members and attendance, then the items (which may name members as absent).
      const people = new Map<string, number>();
      for (const person of [...meeting.members, ...(meeting.attendance ?? []).map((a) => a.person)]) {
        if (people.has(personKey(person.name))) continue;
        const personId = await ensurePerson(trx, body, meeting.format, person, options.now);
        people.set(personKey(person.name), personId);
        await ensureMembership(trx, { committeeId: committee.id, personId, role: person.role, party: person.party, day });
      }
      if (meeting.attendance) {
        await trx('attendance').where({ meeting_id: meetingId }).delete();
        const seen = new Set<number>();
        for (const a of meeting.attendance) {
          const personId = people.get(personKey(a.person.name));
          if (personId === undefined || seen.has(personId)) continue;
          seen.add(personId);
          await trx('attendance').insert({ meeting_id: meetingId, person_id: personId, status: a.status, reason: a.reason });
        }
      }

      await syncItems(
        trx,
        { body, format: meeting.format, meetingId, year: yearOf(meeting.startsAt), people, agendaWasPublic, changeNote: `Opdateret ved import fra ${system}`, userId: options.userId, now: options.now },
        meeting.items,
      );

      await trx('meetings').where({ id: meetingId }).update({ status: finalStatus });
      if (meeting.phase === 'minutes') {
        const approvedAt = [meeting.minutesApprovedAt, meeting.endsAt, meeting.startsAt].find((d): d is Date => d !== null && d >= meeting.startsAt) ?? meeting.startsAt;
        await publishImportedMinutes(trx, meetingId, approvedAt);
      }
      await saveSource(trx, { bodyId: body.id, system: meeting.format, kind: 'meeting', externalId: meeting.externalId, localId: meetingId, contentHash: hash, now: options.now });
      const outcome = existing ? ('updated' as const) : ('created' as const);
      await audit(trx, {
        userId: options.userId,
        action: outcome === 'created' ? 'import.create' : 'import.update',
        entity: 'meeting',
        entityId: meetingId,
        after: { system, externalId: meeting.externalId, file, phase: meeting.phase, items: meeting.items.length, committeeCreated: committee.created ? meeting.committee.name : null },
      });
      return { ...base, outcome, meetingId, slug };
    });
  } catch (error) {
    if (error instanceof SkipMeeting) return { ...base, outcome: 'skipped', reason: error.message, meetingId: null, slug: null };
    if (error instanceof ImportFileError) return { ...base, outcome: 'skipped', reason: error.message, where: error.where, error: true, meetingId: null, slug: null };
    return { ...base, outcome: 'skipped', reason: `Mødet kunne ikke importeres: ${describeUnexpectedError(error)}`, error: true, meetingId: null, slug: null };
  }
}

/** Imports export files (each read, detected and parsed on its own), every meeting in its own transaction. */
export async function importFiles(db: Db, files: Array<{ name: string; bytes: Buffer }>, input: ImportOptions & { bodySlug?: string }): Promise<ImportReport> {
  const body = await findBody(db, input.bodySlug);
  if (!body) throw new ImportFileError(input.bodySlug ? `Organisationen "${input.bodySlug}" findes ikke` : 'Der er ingen primær organisation');
  const report: ImportReport = { body: { slug: body.slug, name: body.name }, files: [], meetings: [] };
  for (const file of files) {
    try {
      const parsed = parseExport(file.bytes);
      report.files.push({ file: file.name, format: parsed.format, warnings: parsed.warnings });
      if (parsed.meetings.length === 0) {
        report.meetings.push({ file: file.name, meeting: null, outcome: 'skipped', reason: 'filen indeholder intet møde', where: null, error: true, meetingId: null, slug: null, format: parsed.format });
      }
      for (const meeting of parsed.meetings) report.meetings.push(await importMeeting(db, body, meeting, file.name, input));
    } catch (error) {
      // A file that cannot be read is reported and skipped; the other files still import.
      const known = error instanceof ImportFileError;
      report.files.push({ file: file.name, format: null, warnings: [] });
      report.meetings.push({
        file: file.name,
        meeting: null,
        outcome: 'skipped',
        reason: known ? error.message : `Filen kunne ikke læses: ${describeUnexpectedError(error)}`,
        where: known ? error.where : null,
        error: true,
        meetingId: null,
        slug: null,
        format: null,
      });
    }
  }
  return report;
}
