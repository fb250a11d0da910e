import { concurrently, type Db } from '../../db/knex';
import { Digest } from '../../lib/digest';
import { groupBy } from '../../lib/group-by';
import { stampOfObjectScope, type ObjectStamps, type PathScope } from '../publishing/change-stamps';
import { DEFAULT_PAGE_SIZE, totalPagesOf } from './list-query';
import * as repo from './repository';
import { objectUrl, type ListName } from './service';
import { BODY_LISTS, SHELF_SIZE, SHELVED, oparlUrls, type BodyList, type OparlUrls } from './urls';

/**
 * What the static site's OParl files are made from, worked out before any is written: every object's key
 * and stamp, the key of every shared folder (a shelf of a hundred objects of one kind, the further pages of
 * one list), and the pages and objects outside the folders the publisher takes over whole. Over 130,000
 * objects this is a few hundred milliseconds of reading and digesting, done in a worker thread of its own
 * (static-plan-worker.ts) while the publisher renders pages on the main thread.
 */

/** The key columns that hold text; the others hold numbers */
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

export interface KeyOptions {
  withPdfs: boolean;
  today: string;
}

/** Every object's key, by kind, and who voted in each vote */
export interface OparlKeys {
  bodies: repo.ObjectKey[];
  organizations: repo.ObjectKey[];
  people: repo.ObjectKey[];
  memberships: repo.ObjectKey[];
  meetings: repo.ObjectKey[];
  items: repo.ObjectKey[];
  consultations: repo.ObjectKey[];
  papers: repo.ObjectKey[];
  locations: repo.ObjectKey[];
  terms: repo.ObjectKey[];
  files: repo.ObjectKey[];
  amendments: Array<{ id: number; meetingId: number }>;
  voteEvents: Array<{ id: number; amendmentId: number | null; meetingId: number }>;
  ballots: Array<{ voteId: number; personId: number }>;
}

/** The keys read by a publish and the stamps read before them: what the next publish of the process starts from */
export interface KeysRead {
  stamps: ObjectStamps;
  keys: OparlKeys;
}

/**
 * Every object's key: a handful of queries in one read-only snapshot, on one connection. Given what an earlier
 * publish read (under the same site stamp: the same committees, people and code), the objects of a meeting
 * are read again only when the meeting's stamp changed, or it came or went; the few site-wide objects
 * always. Each kind comes out in one order however it was read (orderKeys): the lists' order, and for the
 * motions, vote events and votes, which are in no list, by id.
 */
export async function readOparlKeys(db: Db, options: KeyOptions, stamps: ObjectStamps, previous?: KeysRead): Promise<OparlKeys> {
  const changed = previous && previous.stamps.site === stamps.site ? changedMeetings(previous.stamps, stamps) : undefined;
  const read = await db.transaction((trx) => keysInSnapshot(trx, options, changed && [...changed]), { isolationLevel: 'repeatable read', readOnly: true });
  if (!previous || !changed) return orderKeys(read);
  // The objects of the changed meetings as read now; the others' as before.
  const kept = <T extends { meetingId?: number | null }>(keys: T[]) => keys.filter((key) => !changed.has(key.meetingId ?? 0));
  const before = previous.keys;
  const votesGone = new Set(before.voteEvents.filter((v) => changed.has(v.meetingId)).map((v) => v.id));
  return orderKeys({
    ...read,
    meetings: [...before.meetings.filter((key) => !changed.has(key.id ?? 0)), ...read.meetings],
    items: [...kept(before.items), ...read.items],
    consultations: [...kept(before.consultations), ...read.consultations],
    files: [...kept(before.files), ...read.files],
    amendments: [...kept(before.amendments), ...read.amendments],
    voteEvents: [...kept(before.voteEvents), ...read.voteEvents],
    ballots: [...before.ballots.filter((b) => !votesGone.has(b.voteId)), ...read.ballots],
  });
}

/** The meetings whose stamps differ, and those in one set of stamps alone */
function changedMeetings(before: ObjectStamps, now: ObjectStamps): Set<number> {
  const changed = new Set<number>();
  for (const [id, stamp] of now.meetingById) if (before.meetingById.get(id) !== stamp) changed.add(id);
  for (const id of before.meetingById.keys()) if (!now.meetingById.has(id)) changed.add(id);
  return changed;
}

async function keysInSnapshot(db: Db, options: KeyOptions, ofMeetings?: number[]): Promise<OparlKeys> {
  const keysOf = (kind: repo.ListKind) => repo.allKeys(db, kind, options);
  /** The keys of the meetings' objects: of the given meetings only, none when no meeting is given */
  const ofTheMeetings = <T>(read: () => Promise<T[]>) => (ofMeetings?.length === 0 ? Promise.resolve([] as T[]) : read());
  const ofThose = (kind: repo.ListKind) => ofTheMeetings(() => repo.allKeys(db, kind, options, ofMeetings));
  const [bodies, organizations, people, memberships, meetings, items, consultations, papers, locations, terms, files, amendments, voteEvents] = await concurrently(db, [
    () => keysOf('body'),
    () => keysOf('organization'),
    () => keysOf('person'),
    () => keysOf('membership'),
    () => ofThose('meeting'),
    () => ofThose('agendaItem'),
    () => ofThose('consultation'),
    () => keysOf('paper'),
    () => keysOf('location'),
    () => keysOf('legislativeTerm'),
    () => ofThose('file'),
    () => ofTheMeetings(() => repo.amendmentMotionKeys(db, ofMeetings)),
    () => ofTheMeetings(() => repo.voteEventKeys(db, ofMeetings)),
  ]);
  const ballots = await repo.ballotKeys(db, voteEvents.map((v) => v.id));
  return { bodies, organizations, people, memberships, meetings, items, consultations, papers, locations, terms, files, amendments, voteEvents, ballots };
}

const byId = (a: { id?: number }, b: { id?: number }) => (a.id ?? 0) - (b.id ?? 0);
/** A file's list order (repository.ts): its group, number and variant */
const byFileKey = (a: repo.ObjectKey, b: repo.ObjectKey) => (a.grp ?? 0) - (b.grp ?? 0) || (a.num ?? 0) - (b.num ?? 0) || ((a.variant ?? '') < (b.variant ?? '') ? -1 : (a.variant ?? '') > (b.variant ?? '') ? 1 : 0);

/** The kinds that belong to meetings, each in one order: the same keys, however read, plan the same files. */
function orderKeys(keys: OparlKeys): OparlKeys {
  return {
    ...keys,
    meetings: keys.meetings.sort(byId),
    items: keys.items.sort(byId),
    consultations: keys.consultations.sort(byId),
    files: keys.files.sort(byFileKey),
    amendments: keys.amendments.sort(byId),
    voteEvents: keys.voteEvents.sort(byId),
    ballots: keys.ballots.sort((a, b) => a.voteId - b.voteId || a.personId - b.personId),
  };
}


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

/** The list a page belongs to: the bodies, one of a body's lists, or an organization's meetings */
export type ListOf = { of: 'bodies' } | { of: 'body'; bodyId: number; kind: BodyList } | { of: 'organization'; organizationId: number };

/** The address of a list's page */
export function listPageUrl(list: ListOf, page: number, urls: OparlUrls): string {
  if (list.of === 'bodies') return urls.bodies(page);
  if (list.of === 'body') return urls.bodyList(list.bodyId, list.kind, page);
  return urls.organizationMeetings(list.organizationId, page);
}

/** A page of a list to make or take over */
export interface PagePlan {
  /** Its place in the plan (OparlPlan.pageKeys) */
  index: number;
  kind: ListName;
  list: ListOf;
  /** The list's length */
  total: number;
  page: number;
  pagePath: string;
  /** Null when an object has no stamp: the page is made every time */
  pageStamp: string | null;
  pageFolder: string | null;
  /**
   * The objects that have their files from this page (every object is on exactly one page of its body's list),
   * when some are outside the folders taken over whole: each to take over or make. Absent when there are none
   * (all in such folders, or filed elsewhere: an organization's meetings).
   */
  objects?: PageObjects;
}

export interface PageObjects {
  keys: repo.ObjectKey[];
  stamps: Array<string | null>;
  /** Each object's shared folder */
  folders: Array<string | null>;
}

/** A motion, vote event or vote (no lists): made from its meeting's data */
export interface SinglePlan {
  kind: 'amendment' | 'voteEvent' | 'pointMotion' | 'vote';
  id: number;
  personId?: number;
  stamp: string | null;
  folder: string | null;
}

/** What is left to make or take over one by one once the folders taken over whole are in place */
export interface OparlWork {
  pages: PagePlan[];
  singles: SinglePlan[];
}

/** A shared folder, the key of what its files are made from (null: made anew every time), and how many files it holds */
export type FolderKey = [folder: string, key: string | null, files: number];

export interface OparlPlan {
  folders: FolderKey[];
  /** The pages and singles not wholly in the given folders (those taken over whole) */
  work(whole: ReadonlySet<string>): OparlWork;
  /** The keys of the objects on the given pages (PagePlan.index), in order */
  pageKeys(pages: number[]): repo.ObjectKey[][];
}

export function singlePath({ kind, id, personId }: Pick<SinglePlan, 'kind' | 'id' | 'personId'>, paths: OparlUrls): string {
  if (kind === 'amendment') return paths.amendmentMotion(id);
  if (kind === 'voteEvent') return paths.voteEvent(id);
  if (kind === 'pointMotion') return paths.pointMotion(id);
  return paths.vote(id, personId ?? 0);
}

/**
 * Plans the OParl files from every object's key and the stamps. `folderOf` names the shared folder a
 * root-relative path's file goes in (publishing/site-map.ts); null for the version itself.
 */
export function planOparlFiles(keys: OparlKeys, stamps: ObjectStamps, folderOf: (path: string) => string | null): OparlPlan {
  const paths = oparlUrls('');
  const { bodies, organizations, people, memberships, meetings, items, consultations, papers, locations, terms, files, amendments, voteEvents, ballots } = keys;
  const stampOf = (kind: ListName, key: repo.ObjectKey) => stampOfObjectScope(stamps, scopeOfObject(kind, key));

  /** One list cut into pages of the default size. With `withObjects`, each page also holds its objects' own files. */
  interface ListJob {
    kind: ListName;
    list: ListOf;
    keys: repo.ObjectKey[];
    withObjects: boolean;
  }
  const lists: ListJob[] = [{ kind: 'body', list: { of: 'bodies' }, keys: bodies, withObjects: true }];
  const byBody: Record<BodyList, repo.ObjectKey[]> = {
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
      lists.push({ kind, list: { of: 'body', bodyId, kind }, keys: ofBody.get(bodyId) ?? [], withObjects: true });
    }
  }
  const meetingsOf = groupBy(meetings, (k) => k.organizationId);
  for (const organization of organizations) {
    const organizationId = organization.id ?? 0;
    lists.push({ kind: 'meeting', list: { of: 'organization', organizationId }, keys: meetingsOf.get(organizationId) ?? [], withObjects: false });
  }
  /**
   * The shared folders and what their files are made from: each member's key and stamp, in the order listed
   * here (the same for the same data).
   */
  interface Folder {
    name: string;
    digest: Digest;
    /** False when a file has no stamp: the folder is made every time */
    complete: boolean;
    files: number;
  }
  /** The words of each distinct string digested (stamps, location keys) */
  const digestStrings = new Map<string, Int32Array>();
  const digest = () => new Digest(digestStrings);
  const folders = new Map<string, Folder>();
  const folderNamed = (name: string): Folder => {
    const known = folders.get(name);
    if (known) return known;
    const folder: Folder = { name, digest: digest(), complete: true, files: 0 };
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
      const name = folderOf(firstPath());
      folder = name === null ? null : folderNamed(name);
      ofKind.set(shelf, folder);
    }
    return folder;
  };
  /** Adds a file to its folder's key; the folder's name */
  const member = (folder: Folder | null, stamp: string | null, identify: (digest: Digest) => unknown): string | null => {
    if (!folder) return null;
    identify(folder.digest.string(stamp));
    if (stamp === null) folder.complete = false;
    folder.files++;
    return folder.name;
  };

  const keyDigesters = Object.fromEntries((['body', ...BODY_LISTS] as const).map((kind) => [kind, keyDigester(kind)])) as Record<ListName, ReturnType<typeof keyDigester>>;
  // Each page of each list with its objects' stamps and folders. A page is its objects in order and the list's
  // length: unchanged when they are.
  interface Planned extends Omit<PagePlan, 'objects'> {
    keys: repo.ObjectKey[];
    stamps: Array<string | null>;
    /** Each object's shared folder, for the pages with objects; none for the others */
    objectFolders: Array<string | null>;
    withObjects: boolean;
  }
  const pages: Planned[] = lists.flatMap(({ kind, list, keys: listKeys, withObjects }) =>
    Array.from({ length: totalPagesOf(listKeys.length, DEFAULT_PAGE_SIZE) }, (_, i) => {
      const page = i + 1;
      const pageKeys = listKeys.slice((page - 1) * DEFAULT_PAGE_SIZE, page * DEFAULT_PAGE_SIZE);
      const pageStamps = pageKeys.map((key) => stampOf(kind, key));
      const pagePath = listPageUrl(list, page, paths);
      const pageDigest = digest().number(listKeys.length);
      const addKey = keyDigesters[kind];
      pageKeys.forEach((key, n) => addKey(pageDigest.string(pageStamps[n]), key));
      const pageStamp = pageStamps.every((x) => x !== null) ? pageDigest.hex() : null;
      const pageFolderName = folderOf(pagePath);
      const pageFolder = member(pageFolderName === null ? null : folderNamed(pageFolderName), pageStamp, (d) => d.number(page).string(kind));
      // Objects filed elsewhere (an organization's meetings) are their own list's, not these pages'.
      const objectFolders = withObjects
        ? pageKeys.map((key, n) => {
            const shelved = shelvedNumber(kind, key);
            const folder = shelved === null ? null : shelfFolder(kind, Math.floor(shelved / SHELF_SIZE), () => objectUrl(kind, key, paths));
            return member(folder, pageStamps[n] ?? null, (d) => addKey(d, key));
          })
        : [];
      return { index: 0, kind, list, withObjects, total: listKeys.length, page, pagePath, pageStamp, pageFolder, keys: pageKeys, stamps: pageStamps, objectFolders };
    }),
  );
  pages.forEach((page, index) => (page.index = index));
  // Motions, vote events and votes: no lists. Their stamps and folders from the keys.
  const singles: SinglePlan[] = [];
  const single = (kind: SinglePlan['kind'], id: number, meetingId: number, personId?: number) => {
    // Made from their meeting's data.
    const x: SinglePlan = { kind, id, personId, stamp: stampOfObjectScope(stamps, { kind: 'meetingId', id: meetingId }), folder: null };
    // Motions of both kinds share the shelves of "motion".
    const shelfKind = kind === 'amendment' || kind === 'pointMotion' ? 'motion' : kind;
    x.folder = member(shelfFolder(shelfKind, Math.floor(id / SHELF_SIZE), () => singlePath(x, paths)), x.stamp, (d) => d.string(kind).number(id).number(personId));
    singles.push(x);
  };
  for (const { id, meetingId } of amendments) single('amendment', id, meetingId);
  const votersOf = groupBy(ballots, (b) => b.voteId);
  for (const { id, amendmentId, meetingId } of voteEvents) {
    single('voteEvent', id, meetingId);
    if (amendmentId === null) single('pointMotion', id, meetingId);
    for (const { personId } of votersOf.get(id) ?? []) single('vote', id, meetingId, personId);
  }

  return {
    folders: [...folders.values()].map((folder) => [folder.name, folder.complete ? folder.digest.hex() : null, folder.files]),
    work: (whole) => {
      const inWhole = (folder: string | null) => folder !== null && whole.has(folder);
      // A page in a folder taken over whole is in place already; so are the objects in such folders. The keys
      // go with a page only when its objects need them: tens of thousands copied to the publisher cost more than
      // what it does with them.
      return {
        pages: pages.flatMap(({ keys: pageKeys, stamps: pageStamps, objectFolders, withObjects, ...page }) => {
          const some = withObjects && objectFolders.some((folder) => !inWhole(folder));
          if (!some && inWhole(page.pageFolder)) return [];
          return [some ? { ...page, objects: { keys: pageKeys, stamps: pageStamps, folders: objectFolders } } : page];
        }),
        singles: singles.filter((x) => !inWhole(x.folder)),
      };
    },
    pageKeys: (wanted) => wanted.map((index) => pages[index]?.keys ?? []),
  };
}
