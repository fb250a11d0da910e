import crypto from 'node:crypto';
import { concurrently } from '../../db/knex';
import { groupBy } from '../../lib/group-by';
import { DEFAULT_PAGE_SIZE, listPage, totalPagesOf } from './list-query';
import * as repo from './repository';
import { createSerializers, type OparlObject } from './serializers';
import { createOparlService, objectUrl, type ListName, type OparlContext } from './service';
import { BODY_LISTS, oparlUrls } from './urls';

/** Where the static publisher keeps the files: it decides what can be taken over from its previous version. */
export interface OparlStaticTarget {
  /** The stamp of the data a root-relative path was made from (publishing/change-stamps.ts); null when it has none */
  stampOf: (path: string) => string | null;
  /** Takes over the previous version's file of the path when it was made from the same stamp; true when it did */
  reuse: (path: string, stamp: string | null) => boolean;
  /** The file this version holds for a path (written in this publish, or taken over by `reuse`); undefined when it has none */
  read: (path: string) => Promise<string | undefined>;
  write: (path: string, json: string, stamp: string | null) => Promise<void>;
  /**
   * Told every path of the API and its stamp before any is written or taken over: a folder whose paths and
   * stamps are all as in the previous version is taken over whole (the numbered kinds' shelves, urls.ts).
   */
  share: (members: Array<[path: string, stamp: string | null]>) => void;
}

export interface OparlStaticResult {
  files: number;
}

const CONCURRENCY = 4;

async function inParallel<T>(jobs: T[], work: (job: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) await work(jobs[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, lane));
}

/** How JSON.stringify begins a list page with no objects: its data come first (listPage). */
const EMPTY_DATA = '{"data":[]';

const hash = (parts: string[]) => crypto.createHash('sha256').update(parts.join('\n')).digest('hex');

/** Every object's key, by kind (and who voted in each vote): a handful of queries over the whole API. */
export async function loadOparlKeys(ctx: OparlContext) {
  const { db } = ctx;
  const options = { withPdfs: ctx.withPdfs, today: ctx.today };
  const keysOf = (kind: repo.ListKind) => repo.allKeys(db, kind, options);
  const [bodies, organizations, people, memberships, meetings, items, consultations, papers, locations, terms, files, amendments, voteEvents] = await concurrently(db, [
    () => keysOf('body'),
    () => keysOf('organization'),
    () => keysOf('person'),
    () => keysOf('membership'),
    () => keysOf('meeting'),
    () => keysOf('agendaItem'),
    () => keysOf('consultation'),
    () => keysOf('paper'),
    () => keysOf('location'),
    () => keysOf('legislativeTerm'),
    () => keysOf('file'),
    () => repo.amendmentMotionIds(db),
    () => repo.voteEventKeys(db),
  ]);
  const ballots = await repo.ballotKeys(db, voteEvents.map((v) => v.id));
  return { bodies, organizations, people, memberships, meetings, items, consultations, papers, locations, terms, files, amendments, voteEvents, ballots };
}

export type OparlKeys = Awaited<ReturnType<typeof loadOparlKeys>>;

/**
 * The whole OParl API as the static site's files: every object (tombstones included)
 * and every page of every list without filters, byte for byte what the live API
 * answers under the same URL (the same service builds them). Objects are loaded a
 * list page at a time, a fixed handful of queries for a hundred objects, instead of
 * one request per file. A page or object whose data has not changed since the
 * previous version (its stamp, and for a list page the stamps of all its objects and
 * the list's length) is taken over without loading it. The keys (loadOparlKeys) come from
 * the caller, which can have PostgreSQL read them while it does other work.
 */
export async function writeOparlFiles(ctx: OparlContext, target: OparlStaticTarget, keys: Promise<OparlKeys>): Promise<OparlStaticResult> {
  const service = createOparlService(ctx);
  const s = createSerializers(ctx.urls);
  const paths = oparlUrls('');
  const counts: OparlStaticResult = { files: 0 };
  const writeText = async (path: string, json: string, stamp: string | null) => {
    counts.files++;
    await target.write(path, json, stamp);
  };
  const write = (path: string, object: unknown, stamp: string | null) => writeText(path, JSON.stringify(object), stamp);
  const reused = (path: string, stamp: string | null) => {
    if (!target.reuse(path, stamp)) return false;
    counts.files++;
    return true;
  };

  const { bodies, organizations, people, memberships, meetings, items, consultations, papers, locations, terms, files, amendments, voteEvents, ballots } = await keys;

  /**
   * One list cut into pages of the default size. With `withObjects`, each page also writes
   * its objects' own files (every object is on exactly one page of its body's list).
   */
  interface ListJob {
    kind: ListName;
    keys: repo.ObjectKey[];
    pageUrl: (page: number, urls: ReturnType<typeof oparlUrls>) => string;
    withObjects: boolean;
  }
  const lists: ListJob[] = [{ kind: 'body', keys: bodies, pageUrl: (page, urls) => urls.bodies(page), withObjects: true }];
  const byBody: Record<(typeof BODY_LISTS)[number], repo.ObjectKey[]> = {
    organization: organizations,
    person: people,
    membership: memberships,
    meeting: meetings,
    agendaItem: items,
    consultation: consultations,
    paper: papers,
    location: locations,
    legislativeTerm: terms,
    file: files,
  };
  for (const kind of BODY_LISTS) {
    const ofBody = groupBy(byBody[kind], (k) => k.bodyId);
    for (const body of bodies) {
      const bodyId = body.id ?? 0;
      lists.push({ kind, keys: ofBody.get(bodyId) ?? [], pageUrl: (page, urls) => urls.bodyList(bodyId, kind, page), withObjects: true });
    }
  }
  const meetingsOf = groupBy(meetings, (k) => k.organizationId);
  for (const organization of organizations) {
    const id = organization.id ?? 0;
    lists.push({ kind: 'meeting', keys: meetingsOf.get(id) ?? [], pageUrl: (page, urls) => urls.organizationMeetings(id, page), withObjects: false });
  }
  const members: Array<[string, string | null]> = [];
  // Each page of each list with its objects' paths and stamps. A page is its objects in order and the list's length: unchanged when they are.
  const pages = lists.flatMap((list) =>
    Array.from({ length: totalPagesOf(list.keys.length, DEFAULT_PAGE_SIZE) }, (_, i) => {
      const page = i + 1;
      const keys = list.keys.slice((page - 1) * DEFAULT_PAGE_SIZE, page * DEFAULT_PAGE_SIZE);
      const keyPaths = keys.map((key) => objectUrl(list.kind, key, paths));
      const stamps = keyPaths.map((path) => target.stampOf(path));
      const pagePath = list.pageUrl(page, paths);
      const pageStamp = stamps.every((x) => x !== null) ? hash([pagePath, String(list.keys.length), ...keyPaths.map((path, i) => `${path}=${stamps[i]}`)]) : null;
      const objects = list.withObjects ? keys.map((key, i) => ({ key, path: keyPaths[i] as string, stamp: stamps[i] ?? null })) : [];
      members.push([pagePath, pageStamp], ...objects.map((o): [string, string | null] => [o.path, o.stamp]));
      return { list, page, keys, keyPaths, pagePath, pageStamp, objects };
    }),
  );
  // Motions, vote events and votes: no lists. Their paths from the keys; the rows of those made now are loaded below.
  interface Single {
    path: string;
    stamp: string | null;
    kind: 'amendment' | 'voteEvent' | 'pointMotion' | 'vote';
    id: number;
    personId?: number;
  }
  const singles: Single[] = [];
  const single = (path: string, kind: Single['kind'], id: number, personId?: number) => {
    const stamp = target.stampOf(path);
    singles.push({ path, stamp, kind, id, personId });
    members.push([path, stamp]);
  };
  for (const id of amendments) single(paths.amendmentMotion(id), 'amendment', id);
  const votersOf = groupBy(ballots, (b) => b.voteId);
  for (const { id, amendmentId } of voteEvents) {
    single(paths.voteEvent(id), 'voteEvent', id);
    if (amendmentId === null) single(paths.pointMotion(id), 'pointMotion', id);
    for (const { personId } of votersOf.get(id) ?? []) single(paths.vote(id, personId), 'vote', id, personId);
  }
  target.share(members);

  const system = paths.system();
  if (!reused(system, null)) await write(system, service.system(), null);

  /**
   * A page of a list from its objects' JSON as their files hold it, in the list's order (undefined: not found,
   * left out). The objects go into the page as text: a page of meetings, each holding its items, is over a
   * megabyte, and parsing and serialising it again cost more than the rest of the page.
   */
  const writePage = async (list: ListJob, page: number, pagePath: string, pageStamp: string | null, objects: Array<string | undefined>) => {
    const frame = JSON.stringify(listPage([], list.keys.length, { page, limit: DEFAULT_PAGE_SIZE }, (n) => list.pageUrl(n, ctx.urls)));
    if (!frame.startsWith(EMPTY_DATA)) throw new Error(`${pagePath}: en listeside begynder ikke med sine data`);
    const data = objects.filter((json): json is string => json !== undefined);
    await writeText(pagePath, `{"data":[${data.join(',')}]${frame.slice(EMPTY_DATA.length)}`, pageStamp);
  };
  // The lists with objects of their own first: each writes, or takes over, the files of its objects.
  await inParallel(
    pages.filter((p) => p.list.withObjects),
    async ({ list, page, keys, pagePath, pageStamp, objects }) => {
      const pending = objects.filter((object) => !reused(object.path, object.stamp));
      const pageReused = reused(pagePath, pageStamp);
      if (pageReused && pending.length === 0) return;
      // Only the objects not taken over are loaded, unless the page needs most of them anyway.
      const loadAll = !pageReused && pending.length * 2 > objects.length;
      const loaded = await service.objectsOf(list.kind, loadAll ? keys : pending.map((object) => object.key));
      // Each serialised once, for its own file and the page.
      const jsonById = new Map(loaded.map((o) => [o.id, JSON.stringify(o)]));
      if (!pageReused) {
        // A page holds its objects as their own files do: those taken over are read from their files.
        const changed = new Set(pending);
        const data = loadAll ? [...jsonById.values()] : await Promise.all(objects.map(async (object) => (changed.has(object) ? jsonById.get(objectUrl(list.kind, object.key, ctx.urls)) : target.read(object.path))));
        await writePage(list, page, pagePath, pageStamp, data);
      }
      for (const object of pending) {
        const json = jsonById.get(objectUrl(list.kind, object.key, ctx.urls));
        if (json !== undefined) await writeText(object.path, json, object.stamp);
      }
    },
  );
  // Then the lists of objects filed elsewhere (an organization's meetings): a changed page is made from those
  // objects' files in this version, not loaded and serialised again (a meeting holds all its items).
  await inParallel(
    pages.filter((p) => !p.list.withObjects),
    async ({ list, page, keyPaths, pagePath, pageStamp }) => {
      if (reused(pagePath, pageStamp)) return;
      await writePage(list, page, pagePath, pageStamp, await Promise.all(keyPaths.map((path) => target.read(path))));
    },
  );
  const pending = singles.filter((x) => !reused(x.path, x.stamp));
  const amendmentIds = [...new Set(pending.filter((x) => x.kind === 'amendment').map((x) => x.id))];
  const voteIds = [...new Set(pending.filter((x) => x.kind !== 'amendment').map((x) => x.id))];
  const [amendmentRows, voteRows, ballotRows] = await concurrently(ctx.db, [
    () => (amendmentIds.length > 0 ? repo.amendmentMotions(ctx.db, { ids: amendmentIds }) : Promise.resolve([])),
    () => (voteIds.length > 0 ? repo.voteEvents(ctx.db, { ids: voteIds }) : Promise.resolve([])),
    () => repo.ballots(ctx.db, voteIds),
  ]);
  const amendmentById = new Map(amendmentRows.map((row) => [row.id, row]));
  const voteById = new Map(voteRows.map((row) => [row.id, row]));
  const ballotsOf = groupBy(ballotRows, (b) => b.voteId);
  const build = ({ kind, id, personId }: Single): OparlObject | undefined => {
    if (kind === 'amendment') {
      const row = amendmentById.get(id);
      return row && s.amendmentMotion(row);
    }
    const row = voteById.get(id);
    if (!row) return undefined;
    const rowBallots = ballotsOf.get(id) ?? [];
    if (kind === 'voteEvent') return s.voteEvent(row, row.deleted ? [] : rowBallots);
    if (kind === 'pointMotion') return s.pointMotion(row);
    const ballot = rowBallots.find((b) => b.personId === personId);
    return ballot && s.vote(row, ballot, false);
  };
  await inParallel(pending, async (x) => {
    const object = build(x);
    if (object) await write(x.path, object, x.stamp);
  });
  return counts;
}
