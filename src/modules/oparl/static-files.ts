import { concurrently, type Db } from '../../db/knex';
import { Digest } from '../../lib/digest';
import { groupBy } from '../../lib/group-by';
import { inParallel } from '../../lib/parallel';
import { DEFAULT_PAGE_SIZE, listPage, totalPagesOf } from './list-query';
import * as repo from './repository';
import { createSerializers, type OparlObject } from './serializers';
import type { PathScope } from '../publishing/change-stamps';
import { createOparlService, objectUrl, type ListName, type OparlContext } from './service';
import { BODY_LISTS, SHELF_SIZE, SHELVED, oparlUrls } from './urls';

/** Where the static publisher keeps the files: it decides what can be taken over from its previous version. */
export interface OparlStaticTarget {
  /** The stamp of the data a file was made from (publishing/change-stamps.ts); null when it has none */
  stampOf: (scope: PathScope) => string | null;
  /** The shared folder a root-relative path's file goes in (publishing/static-site.ts); null for the version itself */
  folderOf: (path: string) => string | null;
  /** Takes over the previous version's file of the path when it was made from the same stamp; true when it did */
  reuse: (path: string, stamp: string | null) => boolean;
  /** The file this version holds for a path (written in this publish, or taken over by `reuse`); undefined when it has none */
  read: (path: string) => Promise<Buffer | undefined>;
  write: (path: string, json: Buffer, stamp: string | null) => Promise<void>;
  /**
   * Told every shared folder and the key of what its files are made from (null: made anew every time), before
   * any file is written or taken over. Answers the folders taken over whole from the previous version (their key
   * is unchanged): their files are in place already.
   */
  share: (folders: Array<[folder: string, key: string | null]>) => Set<string>;
}

export interface OparlStaticResult {
  files: number;
}

const CONCURRENCY = 4;

/** How JSON.stringify begins a list page with no objects: its data come first (listPage). */
const EMPTY_DATA = '{"data":[]';
const DATA_START = Buffer.from('{"data":[');
const COMMA = Buffer.from(',');

/** The key's columns that hold text; the others hold numbers */
const TEXT_KEY_COLUMNS: ReadonlyArray<keyof repo.ObjectKey> = ['variant', 'key'];

/**
 * Adds each field of an object's key (its kind's key columns, in their order) to a digest: the object among the
 * others of its list or folder, which are all of one kind. Digesting is most of the time spent on 130,000 keys.
 */
const keyDigester = (kind: repo.ListKind) => {
  const columns = repo.KEY_COLUMNS[kind].map((column) => ({ column, text: TEXT_KEY_COLUMNS.includes(column) }));
  return (digest: Digest, key: repo.ObjectKey) => {
    for (const { column, text } of columns) {
      if (text) digest.string(key[column] as string | undefined);
      else digest.number(key[column] as number | undefined);
    }
    return digest;
  };
};

/**
 * Every object's key, by kind (and who voted in each vote): a handful of queries over the whole API, one after
 * another in one read-only snapshot. On one connection, PostgreSQL reads them on one core while the publisher
 * renders pages on the other; side by side on the pool, they took both cores from the pages of a small publish.
 */
export async function loadOparlKeys(ctx: OparlContext) {
  return ctx.db.transaction((trx) => keysInSnapshot(trx, ctx), { isolationLevel: 'repeatable read', readOnly: true });
}

async function keysInSnapshot(db: Db, ctx: OparlContext) {
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
    () => repo.amendmentMotionKeys(db),
    () => repo.voteEventKeys(db),
  ]);
  const ballots = await repo.ballotKeys(db, voteEvents.map((v) => v.id));
  return { bodies, organizations, people, memberships, meetings, items, consultations, papers, locations, terms, files, amendments, voteEvents, ballots };
}

export type OparlKeys = Awaited<ReturnType<typeof loadOparlKeys>>;

/** What an object of a list is made from (publishing/change-stamps.ts): its stamp is that scope's. */
export function scopeOfObject(kind: ListName, key: repo.ObjectKey): PathScope {
  switch (kind) {
    case 'meeting':
      return { kind: 'meetingId', id: key.id ?? 0 };
    case 'agendaItem':
    case 'consultation':
    case 'file':
      // An item and its consultation (one per open item on a case), an attachment or a meeting's PDF: their meeting's.
      return { kind: 'meetingId', id: key.meetingId ?? 0 };
    case 'paper':
      // A paper is its case's treatments.
      return { kind: 'caseId', id: key.id ?? 0 };
    case 'location':
      // A location lists its meetings.
      return { kind: 'everything' };
    case 'body':
    case 'organization':
    case 'person':
    case 'membership':
    case 'legislativeTerm':
      // Made from site-wide data alone (committees, people, memberships, bodies; terms run to today).
      return { kind: 'site' };
  }
}

/**
 * The number that chooses an object's shelf, for the kinds filed on shelves (SHELVED, oparl/urls.ts): every
 * object with the same kind and shelf has its file in the same folder. A file's is its attachment's id, or its
 * meeting's for the meeting's PDFs (both key.num). Null for the kinds not shelved.
 */
function shelvedNumber(kind: ListName, key: repo.ObjectKey): number | null {
  if (!(SHELVED as readonly string[]).includes(kind)) return null;
  return (kind === 'file' ? key.num : key.id) ?? 0;
}

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
  const writeBytes = async (path: string, json: Buffer, stamp: string | null) => {
    counts.files++;
    await target.write(path, json, stamp);
  };
  const write = (path: string, object: unknown, stamp: string | null) => writeBytes(path, Buffer.from(JSON.stringify(object)), stamp);
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
  /**
   * The shared folders and what their files are made from: each member's key and stamp, in the order listed
   * here (the same for the same data). A folder whose key is as in the previous version is taken over whole,
   * and its files need no further work: no path, no look-up.
   */
  interface Folder {
    name: string;
    digest: Digest;
    /** False when a file has no stamp: the folder is made every time */
    complete: boolean;
    files: number;
    whole: boolean;
  }
  /** The words of each distinct string digested (stamps, location keys) */
  const digestStrings = new Map<string, Int32Array>();
  const digest = () => new Digest(digestStrings);
  const folders = new Map<string, Folder>();
  const folderNamed = (name: string): Folder => {
    const known = folders.get(name);
    if (known) return known;
    const folder: Folder = { name, digest: digest(), complete: true, files: 0, whole: false };
    folders.set(name, folder);
    return folder;
  };
  /** The folders of the shelves, by kind and shelf: found from the path of the first object on each */
  const shelves = new Map<string, Map<number, Folder | null>>();
  const shelfFolder = (kind: string, shelf: number, firstPath: () => string): Folder | null => {
    const ofKind = shelves.get(kind) ?? new Map<number, Folder | null>();
    shelves.set(kind, ofKind);
    let folder = ofKind.get(shelf);
    if (folder === undefined) {
      const name = target.folderOf(firstPath());
      folder = name === null ? null : folderNamed(name);
      ofKind.set(shelf, folder);
    }
    return folder;
  };
  /** Adds a file to its folder's key; the folder */
  const member = (folder: Folder | null, stamp: string | null, identify: (digest: Digest) => unknown): Folder | null => {
    if (!folder) return null;
    identify(folder.digest.string(stamp));
    if (stamp === null) folder.complete = false;
    folder.files++;
    return folder;
  };

  const keyDigesters = Object.fromEntries((['body', ...BODY_LISTS] as const).map((kind) => [kind, keyDigester(kind)])) as Record<ListName, ReturnType<typeof keyDigester>>;
  // Each page of each list with its objects' stamps and folders. A page is its objects in order and the list's
  // length: unchanged when they are.
  const pages = lists.flatMap((list) =>
    Array.from({ length: totalPagesOf(list.keys.length, DEFAULT_PAGE_SIZE) }, (_, i) => {
      const page = i + 1;
      const keys = list.keys.slice((page - 1) * DEFAULT_PAGE_SIZE, page * DEFAULT_PAGE_SIZE);
      const stamps = keys.map((key) => target.stampOf(scopeOfObject(list.kind, key)));
      const pagePath = list.pageUrl(page, paths);
      const pageDigest = digest().number(list.keys.length);
      const addKey = keyDigesters[list.kind];
      keys.forEach((key, n) => addKey(pageDigest.string(stamps[n]), key));
      const pageStamp = stamps.every((x) => x !== null) ? pageDigest.hex() : null;
      const pageFolderName = target.folderOf(pagePath);
      const pageFolder = member(pageFolderName === null ? null : folderNamed(pageFolderName), pageStamp, (d) => d.number(page).string(list.kind));
      // Objects filed elsewhere (an organization's meetings) are their own list's, not these pages'.
      const objectFolders = list.withObjects
        ? keys.map((key, n) => {
            const shelved = shelvedNumber(list.kind, key);
            const folder = shelved === null ? null : shelfFolder(list.kind, Math.floor(shelved / SHELF_SIZE), () => objectUrl(list.kind, key, paths));
            return member(folder, stamps[n] ?? null, (d) => addKey(d, key));
          })
        : [];
      return { list, page, keys, stamps, objectFolders, pagePath, pageStamp, pageFolder };
    }),
  );
  // Motions, vote events and votes: no lists. Their stamps and folders from the keys; the rows of those made now are loaded below.
  interface Single {
    stamp: string | null;
    folder: Folder | null;
    kind: 'amendment' | 'voteEvent' | 'pointMotion' | 'vote';
    id: number;
    personId?: number;
  }
  const pathOf = ({ kind, id, personId }: Single) =>
    kind === 'amendment' ? paths.amendmentMotion(id) : kind === 'voteEvent' ? paths.voteEvent(id) : kind === 'pointMotion' ? paths.pointMotion(id) : paths.vote(id, personId ?? 0);
  const singles: Single[] = [];
  const single = (kind: Single['kind'], id: number, meetingId: number, personId?: number) => {
    // Made from their meeting's data.
    const x: Single = { stamp: target.stampOf({ kind: 'meetingId', id: meetingId }), folder: null, kind, id, personId };
    // Motions of both kinds share the shelves of "motion".
    const shelfKind = kind === 'amendment' || kind === 'pointMotion' ? 'motion' : kind;
    x.folder = member(shelfFolder(shelfKind, Math.floor(id / SHELF_SIZE), () => pathOf(x)), x.stamp, (d) => d.string(kind).number(id).number(personId));
    singles.push(x);
  };
  for (const { id, meetingId } of amendments) single('amendment', id, meetingId);
  const votersOf = groupBy(ballots, (b) => b.voteId);
  for (const { id, amendmentId, meetingId } of voteEvents) {
    single('voteEvent', id, meetingId);
    if (amendmentId === null) single('pointMotion', id, meetingId);
    for (const { personId } of votersOf.get(id) ?? []) single('vote', id, meetingId, personId);
  }
  const whole = target.share([...folders.values()].map((folder) => [folder.name, folder.complete ? folder.digest.hex() : null]));
  for (const folder of folders.values()) {
    folder.whole = whole.has(folder.name);
    // Its files are in place already.
    if (folder.whole) counts.files += folder.files;
  }

  const system = paths.system();
  if (!reused(system, null)) await write(system, service.system(), null);

  /**
   * A page of a list from its objects' JSON as their files hold it, in the list's order (undefined: not found,
   * left out). The objects go into the page as their files' bytes: a page of meetings, each holding its items,
   * is megabytes, and parsing and serialising it again, or only decoding and encoding it, cost more than the
   * rest of the page.
   */
  const writePage = async (list: ListJob, page: number, pagePath: string, pageStamp: string | null, objects: Array<Buffer | undefined>) => {
    const frame = JSON.stringify(listPage([], list.keys.length, { page, limit: DEFAULT_PAGE_SIZE }, (n) => list.pageUrl(n, ctx.urls)));
    if (!frame.startsWith(EMPTY_DATA)) throw new Error(`${pagePath}: en listeside begynder ikke med sine data`);
    const parts: Buffer[] = [DATA_START];
    for (const json of objects) {
      if (json === undefined) continue;
      if (parts.length > 1) parts.push(COMMA);
      parts.push(json);
    }
    parts.push(Buffer.from(`]${frame.slice(EMPTY_DATA.length)}`));
    await writeBytes(pagePath, Buffer.concat(parts), pageStamp);
  };
  /** A file not taken over whole with its folder: in the folder it was counted in (its kind and shelf, urls.ts) */
  const pathIn = (path: string, folder: Folder | null) => {
    if (target.folderOf(path) !== (folder?.name ?? null)) throw new Error(`${path} ligger ikke i ${folder?.name ?? 'versionen selv'}`);
    return path;
  };
  // The lists with objects of their own first: each writes, or takes over, the files of its objects.
  await inParallel(
    pages.filter((p) => p.list.withObjects),
    CONCURRENCY,
    async ({ list, page, keys, stamps, objectFolders, pagePath, pageStamp, pageFolder }) => {
      // A page in a folder taken over whole is in place (and counted) already.
      const pageReused = pageFolder?.whole === true || reused(pagePath, pageStamp);
      // The objects outside folders taken over whole: each taken over, or pending.
      const pending: Array<{ key: repo.ObjectKey; path: string; stamp: string | null }> = [];
      keys.forEach((key, n) => {
        const folder = objectFolders[n] ?? null;
        if (folder?.whole) return;
        const path = pathIn(objectUrl(list.kind, key, paths), folder);
        const stamp = stamps[n] ?? null;
        if (!reused(path, stamp)) pending.push({ key, path, stamp });
      });
      if (pageReused && pending.length === 0) return;
      // Only the objects not taken over are loaded, unless the page needs most of them anyway.
      const loadAll = !pageReused && pending.length * 2 > keys.length;
      const loaded = await service.objectsOf(list.kind, loadAll ? keys : pending.map((object) => object.key));
      // Each serialised once, for its own file and the page.
      const jsonById = new Map(loaded.map((o) => [o.id, Buffer.from(JSON.stringify(o))]));
      if (!pageReused) {
        // A page holds its objects as their own files do: those taken over are read from their files.
        const changed = new Set(pending.map((object) => object.key));
        const data = loadAll
          ? [...jsonById.values()]
          : await Promise.all(keys.map(async (key) => (changed.has(key) ? jsonById.get(objectUrl(list.kind, key, ctx.urls)) : target.read(objectUrl(list.kind, key, paths)))));
        await writePage(list, page, pagePath, pageStamp, data);
      }
      for (const object of pending) {
        const json = jsonById.get(objectUrl(list.kind, object.key, ctx.urls));
        if (json !== undefined) await writeBytes(object.path, json, object.stamp);
      }
    },
  );
  // Then the lists of objects filed elsewhere (an organization's meetings): a changed page is made from those
  // objects' files in this version, not loaded and serialised again (a meeting holds all its items).
  await inParallel(
    pages.filter((p) => !p.list.withObjects),
    CONCURRENCY,
    async ({ list, page, keys, pagePath, pageStamp, pageFolder }) => {
      if (pageFolder?.whole === true || reused(pagePath, pageStamp)) return;
      await writePage(list, page, pagePath, pageStamp, await Promise.all(keys.map((key) => target.read(objectUrl(list.kind, key, paths)))));
    },
  );
  // Motions, vote events and votes outside folders taken over whole: each taken over, or made.
  const pending = singles.flatMap((x) => {
    if (x.folder?.whole) return [];
    const path = pathIn(pathOf(x), x.folder);
    return reused(path, x.stamp) ? [] : [{ ...x, path }];
  });
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
  await inParallel(pending, CONCURRENCY, async (x) => {
    const object = build(x);
    if (object) await write(x.path, object, x.stamp);
  });
  return counts;
}
