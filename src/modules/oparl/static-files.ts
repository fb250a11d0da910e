import { concurrently } from '../../db/knex';
import { groupBy } from '../../lib/group-by';
import { inParallel } from '../../lib/parallel';
import { DEFAULT_PAGE_SIZE, listPage } from './list-query';
import * as repo from './repository';
import { createSerializers, type OparlObject } from './serializers';
import { createOparlService, objectUrl, type OparlContext } from './service';
import { listPageUrl, singlePath, type PagePlan, type SinglePlan } from './static-plan';
import type { OparlPlanning } from './static-plan-thread';
import { oparlUrls } from './urls';

/** Where the static publisher keeps the files: it decides what can be taken over from its previous version. */
export interface OparlStaticTarget {
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
  /** The shared folder a root-relative path's file goes in (publishing/site-map.ts); null for the version itself */
  folderOf: (path: string) => string | null;
}

export interface OparlStaticResult {
  files: number;
}

const CONCURRENCY = 4;

/** How JSON.stringify begins a list page with no objects: its data come first (listPage). */
const EMPTY_DATA = '{"data":[]';
const DATA_START = Buffer.from('{"data":[');
const COMMA = Buffer.from(',');

/**
 * The whole OParl API as the static site's files: every object (tombstones included)
 * and every page of every list without filters, byte for byte what the live API
 * answers under the same URL (the same service builds them). Objects are loaded a
 * list page at a time, a fixed handful of queries for a hundred objects, instead of
 * one request per file. A page or object whose data has not changed since the
 * previous version (its stamp, and for a list page the stamps of all its objects and
 * the list's length) is taken over without loading it. What each file is made from,
 * and which shared folders are unchanged whole, is planned in a thread of its own
 * (static-plan.ts), which the caller started while it did other work.
 */
export async function writeOparlFiles(ctx: OparlContext, target: OparlStaticTarget, planning: OparlPlanning): Promise<OparlStaticResult> {
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

  // A folder whose key is as in the previous version is taken over whole, and its files need no further work.
  const folders = await planning.folders();
  const whole = target.share(folders.map(([folder, key]) => [folder, key]));
  for (const [folder, , files] of folders) if (whole.has(folder)) counts.files += files;
  const inWhole = (folder: string | null) => folder !== null && whole.has(folder);
  const { pages, singles } = await planning.work(whole);

  const system = paths.system();
  if (!reused(system, null)) await write(system, service.system(), null);

  /**
   * A page of a list from its objects' JSON as their files hold it, in the list's order (undefined: not found,
   * left out). The objects go into the page as their files' bytes: a page of meetings, each holding its items,
   * is megabytes, and parsing and serialising it again, or only decoding and encoding it, cost more than the
   * rest of the page.
   */
  const writePage = async ({ list, total, page, pagePath, pageStamp }: PagePlan, objects: Array<Buffer | undefined>) => {
    const frame = JSON.stringify(listPage([], total, { page, limit: DEFAULT_PAGE_SIZE }, (n) => listPageUrl(list, n, ctx.urls)));
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
  const pathIn = (path: string, folder: string | null) => {
    if (target.folderOf(path) !== folder) throw new Error(`${path} ligger ikke i ${folder ?? 'versionen selv'}`);
    return path;
  };
  /** The pages to make from their objects' files in this version, once those are all in place */
  const fromFiles: PagePlan[] = [];
  // Each page with the objects that have their files from it: each written, or taken over.
  await inParallel(pages, CONCURRENCY, async (plan) => {
    const { kind, objects, pagePath, pageStamp, pageFolder } = plan;
    // A page in a folder taken over whole is in place (and counted) already.
    const pageReused = inWhole(pageFolder) || reused(pagePath, pageStamp);
    if (!objects) {
      if (!pageReused) fromFiles.push(plan);
      return;
    }
    const { keys, stamps, folders: objectFolders } = objects;
    // The objects outside folders taken over whole: each taken over, or pending.
    const pending: Array<{ key: repo.ObjectKey; path: string; stamp: string | null }> = [];
    keys.forEach((key, n) => {
      const folder = objectFolders[n] ?? null;
      if (inWhole(folder)) return;
      const path = pathIn(objectUrl(kind, key, paths), folder);
      const stamp = stamps[n] ?? null;
      if (!reused(path, stamp)) pending.push({ key, path, stamp });
    });
    if (pageReused && pending.length === 0) return;
    // Only the objects not taken over are loaded, unless the page needs most of them anyway.
    const loadAll = !pageReused && pending.length * 2 > keys.length;
    const loaded = await service.objectsOf(kind, loadAll ? keys : pending.map((object) => object.key));
    // Each serialised once, for its own file and the page.
    const jsonById = new Map(loaded.map((o) => [o.id, Buffer.from(JSON.stringify(o))]));
    if (!pageReused) {
      // A page holds its objects as their own files do: those taken over are read from their files.
      const changed = new Set(pending.map((object) => object.key));
      const data = loadAll
        ? [...jsonById.values()]
        : await Promise.all(keys.map(async (key) => (changed.has(key) ? jsonById.get(objectUrl(kind, key, ctx.urls)) : target.read(objectUrl(kind, key, paths)))));
      await writePage(plan, data);
    }
    for (const object of pending) {
      const json = jsonById.get(objectUrl(kind, object.key, ctx.urls));
      if (json !== undefined) await writeBytes(object.path, json, object.stamp);
    }
  });
  // Then the changed pages whose objects have their files elsewhere (an organization's meetings) or are all
  // unchanged: made from those files in this version, not loaded and serialised again (a meeting holds all its items).
  const keysOf = await planning.pageKeys(fromFiles.map((plan) => plan.index));
  // The plan has told all it knows.
  planning.done();
  await inParallel(
    fromFiles.map((plan, n) => ({ plan, keys: keysOf[n] ?? [] })),
    CONCURRENCY,
    async ({ plan, keys }) => writePage(plan, await Promise.all(keys.map((key) => target.read(objectUrl(plan.kind, key, paths))))),
  );
  // Motions, vote events and votes outside folders taken over whole: each taken over, or made.
  const pending = singles.flatMap((x) => {
    const path = pathIn(singlePath(x, paths), x.folder);
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
  const build = ({ kind, id, personId }: SinglePlan): OparlObject | undefined => {
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
