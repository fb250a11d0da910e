import type { Db } from '../../db/knex';
import { groupBy } from '../../lib/group-by';
import { listPage as pageObject, totalPagesOf, type ListPage, type ListQuery } from './list-query';
import * as repo from './repository';
import { createSerializers, type OparlObject } from './serializers';
import type { OparlUrls, PdfFileVariant } from './urls';

export interface OparlContext {
  db: Db;
  urls: OparlUrls;
  /** Whether the site serves the meeting PDFs (then they are File objects too) */
  withPdfs: boolean;
  /** Copenhagen's date today, "YYYY-MM-DD": open-ended memberships last until today for the terms */
  today: string;
  systemName: string;
}

/** The lists of the API and what they hold. */
export type ListName = 'body' | repo.ListKind;

/** A File object: an item's attachment, or one of a meeting's PDFs. */
type FileKey = { kind: 'attachment'; id: number } | { kind: 'pdf'; meetingId: number; variant: PdfFileVariant };

/** The File a key of the file list names (repository.ts fileIndex: group 0 are attachments, group 1 meeting PDFs). */
function fileKeyOf(key: repo.ObjectKey): FileKey {
  return key.grp === 0 ? { kind: 'attachment', id: key.num ?? 0 } : { kind: 'pdf', meetingId: key.num ?? 0, variant: key.variant as PdfFileVariant };
}

/** The URL of an object of a list, by its key: its id on the origin of `urls` (root-relative with an empty origin). */
export function objectUrl(kind: ListName, key: repo.ObjectKey, urls: OparlUrls): string {
  const id = key.id ?? 0;
  switch (kind) {
    case 'body':
      return urls.body(id);
    case 'organization':
      return urls.organization(id);
    case 'person':
      return urls.person(id);
    case 'membership':
      return urls.membership(id);
    case 'meeting':
      return urls.meeting(id);
    case 'agendaItem':
      return urls.agendaItem(id);
    case 'consultation':
      return urls.consultation(id);
    case 'paper':
      return urls.paper(id);
    case 'location':
      return urls.location(key.key ?? '');
    case 'legislativeTerm':
      return urls.legislativeTerm(key.bodyId ?? 0, key.startYear ?? 0);
    case 'file': {
      const file = fileKeyOf(key);
      return file.kind === 'attachment' ? urls.attachmentFile(file.id) : urls.meetingFile(file.meetingId, file.variant);
    }
  }
}

/**
 * Builds OParl objects from the repository: every loader takes a batch of keys and
 * runs a fixed number of queries for it, so a list page costs the same few queries
 * whether it holds one object or five hundred.
 */
export function createOparlService(ctx: OparlContext) {
  const { db, urls } = ctx;
  const s = createSerializers(urls);

  /** What an item carries: its files, the parts of its decision and its motions. Open items only; only public minutes add parts and motions. */
  async function itemObjects(rows: repo.ItemRow[], embedded: boolean): Promise<OparlObject[]> {
    const open = rows.filter((r) => !r.isClosed).map((r) => r.id);
    const decided = rows.filter((r) => !r.isClosed && r.minutesPublic).map((r) => r.id);
    const [files, parts, amendments, votes] = await Promise.all([
      open.length ? repo.attachmentFiles(db, { itemIds: open }) : Promise.resolve([]),
      repo.resolutionParts(db, decided),
      decided.length ? repo.amendmentMotions(db, { itemIds: decided }) : Promise.resolve([]),
      decided.length ? repo.voteEvents(db, { itemIds: decided }) : Promise.resolve([]),
    ]);
    const filesBy = groupBy(files, (f) => f.itemId);
    const partsBy = groupBy(parts, (x) => x.itemId);
    // The motions in the order of the minutes: per point, a vote on the point before its amendments.
    const motions = [
      ...amendments.map((a) => ({ itemId: a.itemId, point: a.pointNumber, rank: 1, url: urls.amendmentMotion(a.id) })),
      ...votes.filter((v) => v.amendmentId === null).map((v) => ({ itemId: v.itemId, point: v.pointNumber, rank: 0, url: urls.pointMotion(v.id) })),
    ].sort((a, b) => (a.point ?? Number.MAX_SAFE_INTEGER) - (b.point ?? Number.MAX_SAFE_INTEGER) || a.rank - b.rank);
    const motionsBy = groupBy(motions, (m) => m.itemId);
    return rows.map((row) =>
      s.agendaItem(
        row,
        { files: filesBy.get(row.id) ?? [], parts: partsBy.get(row.id) ?? [], motions: (motionsBy.get(row.id) ?? []).map((m) => m.url) },
        embedded,
      ),
    );
  }

  async function meetingObjects(ids: number[]): Promise<OparlObject[]> {
    if (ids.length === 0) return [];
    const [meetings, itemRows] = await Promise.all([repo.meetings(db, ids), repo.items(db, { meetingIds: ids })]);
    const embedded = await itemObjects(itemRows, true);
    const byMeeting = new Map<number, OparlObject[]>();
    itemRows.forEach((row, i) => {
      const object = embedded[i];
      if (!object) return;
      const list = byMeeting.get(row.meetingId) ?? [];
      list.push(object);
      byMeeting.set(row.meetingId, list);
    });
    return meetings.map((m) => s.meeting(m, byMeeting.get(m.id) ?? [], ctx.withPdfs));
  }

  async function bodyObjects(ids: number[]): Promise<OparlObject[]> {
    if (ids.length === 0) return [];
    const [rows, terms] = await Promise.all([repo.bodies(db, ids), repo.termsOfBodies(db, ids, ctx.today)]);
    const termsBy = groupBy(terms, (x) => x.bodyId);
    return rows.map((b) => s.body(b, termsBy.get(b.id) ?? []));
  }

  async function termObjects(keys: Array<{ bodyId: number; startYear: number }>): Promise<OparlObject[]> {
    if (keys.length === 0) return [];
    const terms = await repo.termsOfBodies(db, [...new Set(keys.map((k) => k.bodyId))], ctx.today);
    const found = new Map(terms.map((x) => [`${x.bodyId}-${x.startYear}`, x]));
    return keys.flatMap((k) => {
      const row = found.get(`${k.bodyId}-${k.startYear}`);
      return row ? [s.legislativeTerm(row, false)] : [];
    });
  }

  async function personObjects(ids: number[]): Promise<OparlObject[]> {
    if (ids.length === 0) return [];
    const [rows, seats] = await Promise.all([repo.people(db, ids), repo.memberships(db, { personIds: ids })]);
    const seatsBy = groupBy(seats, (m) => m.personId);
    return rows.map((p) => s.person(p, seatsBy.get(p.id) ?? []));
  }

  async function paperObjects(ids: number[]): Promise<OparlObject[]> {
    if (ids.length === 0) return [];
    const [rows, consultations] = await Promise.all([repo.papers(db, ids), repo.consultations(db, { caseIds: ids })]);
    const byCase = groupBy(consultations, (c) => c.caseId);
    return rows.map((p) => s.paper(p, byCase.get(p.id) ?? []));
  }

  async function fileObjects(keys: FileKey[]): Promise<OparlObject[]> {
    const attachmentIds = keys.flatMap((k) => (k.kind === 'attachment' ? [k.id] : []));
    const meetingIds = ctx.withPdfs ? [...new Set(keys.flatMap((k) => (k.kind === 'pdf' ? [k.meetingId] : [])))] : [];
    const [attachments, meetings] = await Promise.all([
      attachmentIds.length ? repo.attachmentFiles(db, { ids: attachmentIds }) : Promise.resolve([]),
      meetingIds.length ? repo.meetings(db, meetingIds) : Promise.resolve([]),
    ]);
    const attachmentsBy = new Map(attachments.map((a) => [a.id, a]));
    const meetingsBy = new Map(meetings.map((m) => [m.id, m]));
    return keys.flatMap((k) => {
      if (k.kind === 'attachment') {
        const row = attachmentsBy.get(k.id);
        return row ? [s.attachmentFile(row, false)] : [];
      }
      const meeting = meetingsBy.get(k.meetingId);
      // The referat exists while the minutes are published, and as a tombstone after they were reopened.
      if (!meeting || (k.variant === 'referat' && !meeting.minutesPublic && !meeting.firstPublishedAt)) return [];
      return [s.meetingFile(meeting, k.variant, false)];
    });
  }

  const byIds =
    <T>(load: (ids: number[]) => Promise<T[]>) =>
    (ids: number[]) =>
      ids.length === 0 ? Promise.resolve([]) : load(ids);

  const simple = {
    organization: byIds(async (ids) => (await repo.organizations(db, ids)).map(s.organization)),
    membership: byIds(async (ids) => (await repo.memberships(db, { ids })).map((m) => s.membership(m, false))),
    agendaItem: byIds(async (ids) => itemObjects(await repo.items(db, { ids }), false)),
    consultation: byIds(async (ids) => (await repo.consultations(db, { ids })).map((c) => s.consultation(c, false))),
    location: async (keys: string[]) => (keys.length === 0 ? [] : (await repo.locations(db, keys)).map(s.location)),
  };

  /**
   * The objects of one page of a list, in the list's order (the keys'): some loads order their rows as an
   * object that holds them shows them (an item's consultations by case, a person's memberships by person).
   */
  async function objectsOf(kind: ListName, keys: repo.ObjectKey[]): Promise<OparlObject[]> {
    const at = new Map(keys.map((key, i) => [objectUrl(kind, key, ctx.urls), i]));
    return (await loadObjects(kind, keys)).sort((a, b) => (at.get(a.id) ?? 0) - (at.get(b.id) ?? 0));
  }

  async function loadObjects(kind: ListName, keys: repo.ObjectKey[]): Promise<OparlObject[]> {
    const ids = keys.map((k) => k.id ?? 0);
    switch (kind) {
      case 'body':
        return bodyObjects(ids);
      case 'organization':
        return simple.organization(ids);
      case 'person':
        return personObjects(ids);
      case 'membership':
        return simple.membership(ids);
      case 'meeting':
        return meetingObjects(ids);
      case 'agendaItem':
        return simple.agendaItem(ids);
      case 'consultation':
        return simple.consultation(ids);
      case 'paper':
        return paperObjects(ids);
      case 'location':
        return simple.location(keys.map((k) => k.key ?? ''));
      case 'legislativeTerm':
        return termObjects(keys.map((k) => ({ bodyId: k.bodyId ?? 0, startYear: k.startYear ?? 0 })));
      case 'file':
        return fileObjects(keys.map(fileKeyOf));
    }
  }

  return {
    system: (): OparlObject => s.system(ctx.systemName),

    /** The objects of the given keys of a list, in the list's order (static-files.ts builds whole pages and their objects from these). */
    objectsOf,

    /** A page of a list; undefined past the last page (page 1 always exists, if empty). */
    async list(kind: ListName, scope: repo.Scope | undefined, query: ListQuery, pageUrl: (page: number) => string): Promise<ListPage<OparlObject> | undefined> {
      const { keys, total } = await repo.listPage(db, kind, scope, query, { withPdfs: ctx.withPdfs, today: ctx.today });
      if (query.page > totalPagesOf(total, query.limit)) return undefined;
      return pageObject(await objectsOf(kind, keys), total, query, pageUrl);
    },

    async body(id: number) {
      return (await bodyObjects([id]))[0];
    },
    async bodyExists(id: number): Promise<boolean> {
      return (await repo.bodies(db, [id])).length > 0;
    },
    async organizationExists(id: number): Promise<boolean> {
      return (await repo.organizations(db, [id])).length > 0;
    },
    async legislativeTerm(bodyId: number, startYear: number) {
      return (await termObjects([{ bodyId, startYear }]))[0];
    },
    async organization(id: number) {
      return (await simple.organization([id]))[0];
    },
    async person(id: number) {
      return (await personObjects([id]))[0];
    },
    async membership(id: number) {
      return (await simple.membership([id]))[0];
    },
    async meeting(id: number) {
      return (await meetingObjects([id]))[0];
    },
    async agendaItem(id: number) {
      return (await simple.agendaItem([id]))[0];
    },
    async paper(id: number) {
      return (await paperObjects([id]))[0];
    },
    async consultation(id: number) {
      return (await simple.consultation([id]))[0];
    },
    async attachmentFile(id: number) {
      return (await fileObjects([{ kind: 'attachment', id }]))[0];
    },
    async meetingFile(meetingId: number, variant: PdfFileVariant) {
      return (await fileObjects([{ kind: 'pdf', meetingId, variant }]))[0];
    },
    async location(key: string) {
      return (await simple.location([key]))[0];
    },

    async amendmentMotion(id: number) {
      const [row] = await repo.amendmentMotions(db, { ids: [id] });
      return row ? s.amendmentMotion(row) : undefined;
    },
    async pointMotion(voteId: number) {
      const [row] = await repo.voteEvents(db, { ids: [voteId] });
      return row && row.amendmentId === null ? s.pointMotion(row) : undefined;
    },
    async voteEvent(id: number) {
      const [row] = await repo.voteEvents(db, { ids: [id] });
      if (!row) return undefined;
      return s.voteEvent(row, row.deleted ? [] : await repo.ballots(db, [row.id]));
    },
    async vote(voteId: number, personId: number) {
      const [row] = await repo.voteEvents(db, { ids: [voteId] });
      if (!row) return undefined;
      const ballot = (await repo.ballots(db, [row.id])).find((b) => b.personId === personId);
      return ballot ? s.vote(row, ballot, false) : undefined;
    },
  };
}

export type OparlService = ReturnType<typeof createOparlService>;
