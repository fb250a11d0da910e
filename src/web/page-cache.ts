import type { Request, RequestHandler, Response } from 'express';
import { listenForChanges, type ChangeListener } from '../db/change-listener';

/**
 * What public pages are made from, kept in memory for as long as the data is unchanged.
 *
 * - Pages: an anonymous GET of a public route is answered from memory when the same
 *   URL was rendered since the last change; the bytes, headers and ETag are those the
 *   route produced. Signed-in users and pages with a form (CSRF token) are never stored.
 * - Values: remember() keeps a value computed from the database (a meeting's public
 *   view, shared by its page and each item's page) under the same rule.
 *
 * "Unchanged" is known, not guessed: the live server listens for the NOTIFY the
 * tracking triggers send on every commit that touches public data (any process), and
 * this process's own successful writes clear the cache as they finish.
 * While the listener is disconnected nothing is cached. Entries also lapse at the turn
 * of each minute, since some pages depend on the clock (deadlines, upcoming meetings).
 */
export interface PageCache {
  readonly pages: RequestHandler;
  /** Clears the cache when a request that may have changed data finishes */
  readonly writes: RequestHandler;
  remember<T>(key: string, load: () => Promise<T>): Promise<T>;
  invalidate(): void;
  /** Live caches: true while the change listener is connected (only then is anything kept) */
  readonly listening: boolean;
  /** Pages made by their route, and answers that waited for the same page being made instead */
  readonly counts: { readonly rendered: number; readonly shared: number };
  close(): Promise<void>;
}

export interface PageCacheOptions {
  /** live: listen for changes on this database; run: data is taken as unchanged for the cache's life (one publish run); off: nothing kept */
  mode: { kind: 'live'; connectionString: string } | { kind: 'run' } | { kind: 'off' };
  now: () => Date;
  maxPageBytes?: number;
  maxValues?: number;
  log?: (message: string, error?: unknown) => void;
}

interface StoredPage {
  body: string | Buffer;
  headers: Array<[string, number | string | string[]]>;
  bytes: number;
}

// The calendar of every meeting of a large municipality is a few MB; larger answers are not kept.
const MAX_PAGE = 8 * 1024 * 1024;

/** Headers the handler set (or changed) between the cache and res.send: they belong to the page. */
function setByHandler(before: Record<string, unknown>, after: Record<string, unknown>): Array<[string, number | string | string[]]> {
  const out: Array<[string, number | string | string[]]> = [];
  for (const [name, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(before[name]) !== JSON.stringify(value)) out.push([name, value as number | string | string[]]);
  }
  return out;
}

function storable(res: Response): boolean {
  if (res.statusCode !== 200) return false;
  const control = String(res.getHeader('cache-control') ?? '');
  return !/no-store|private/.test(control) && !res.getHeader('set-cookie');
}

export function createPageCache(options: PageCacheOptions): PageCache {
  const maxPageBytes = options.maxPageBytes ?? 64 * 1024 * 1024;
  // A meeting's view holds the whole meeting (a few MB for a long one): a few dozen are plenty for the hot pages.
  const maxValues = options.maxValues ?? 32;
  const pageStore = new Map<string, StoredPage>();
  const valueStore = new Map<string, Promise<unknown>>();
  let pageBytes = 0;
  let generation = 0;
  let bucket = -1;

  /** Pages being made now, by key: later readers of the same page wait for them */
  const inflight = new Map<string, Promise<StoredPage | undefined>>();
  const counts = { rendered: 0, shared: 0 };
  const clear = () => {
    generation++;
    pageStore.clear();
    inflight.clear();
    valueStore.clear();
    pageBytes = 0;
  };

  const listener: ChangeListener | null = options.mode.kind === 'live' ? listenForChanges(options.mode.connectionString, clear, options.log) : null;
  const active = () => {
    if (options.mode.kind === 'off' || (listener && !listener.connected)) return false;
    // Pages may depend on the clock: nothing outlives the minute it was made in.
    const minute = Math.floor(options.now().getTime() / 60_000);
    if (minute !== bucket) {
      bucket = minute;
      clear();
    }
    return true;
  };

  const touch = <V>(map: Map<string, V>, key: string): V | undefined => {
    const value = map.get(key);
    if (value !== undefined) {
      map.delete(key);
      map.set(key, value);
    }
    return value;
  };

  const storePage = (key: string, page: StoredPage) => {
    if (page.bytes > MAX_PAGE) return;
    pageStore.set(key, page);
    pageBytes += page.bytes;
    for (const [oldKey, old] of pageStore) {
      if (pageBytes <= maxPageBytes) break;
      pageStore.delete(oldKey);
      pageBytes -= old.bytes;
    }
  };

  const pageKey = (req: Request, res: Response) => `${res.locals.staticSite ? 'static' : 'live'} ${req.protocol}://${req.get('host') ?? ''}${req.originalUrl}`;

  const pages: RequestHandler = (req, res, next) => {
    if (options.mode.kind !== 'live' || (req.method !== 'GET' && req.method !== 'HEAD') || res.locals.user || res.locals.csrfToken || !active()) return next();
    const key = pageKey(req, res);
    const serve = (page: StoredPage) => {
      for (const [name, value] of page.headers) res.setHeader(name, value);
      res.send(page.body);
    };
    const hit = touch(pageStore, key);
    if (hit) {
      serve(hit);
      return;
    }
    // The same page already being made (just after a change, many readers ask at once): wait for it rather
    // than make it again; if it is not kept (an error, a change meanwhile), make it after all.
    const pending = inflight.get(key);
    if (pending) {
      void pending.then((page) => {
        if (!page) return next();
        counts.shared++;
        serve(page);
      }, next);
      return;
    }
    counts.rendered++;
    let settle: (page: StoredPage | undefined) => void = () => undefined;
    const rendering = new Promise<StoredPage | undefined>((resolve) => (settle = resolve));
    inflight.set(key, rendering);
    const finished = (page: StoredPage | undefined) => {
      if (inflight.get(key) === rendering) inflight.delete(key);
      settle(page);
    };
    res.on('close', () => finished(undefined));
    const startedIn = generation;
    const before = { ...res.getHeaders() } as Record<string, unknown>;
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      res.send = send;
      if (!(startedIn === generation && (typeof body === 'string' || Buffer.isBuffer(body)) && storable(res) && !res.locals.csrfToken)) return send(body);
      const etagFn = req.app.get('etag fn') as ((body: string | Buffer, encoding?: string) => string) | undefined;
      if (etagFn && !res.getHeader('etag')) res.setHeader('ETag', etagFn(body, 'utf8'));
      const headers = setByHandler(before, res.getHeaders() as Record<string, unknown>);
      const sent = send(body);
      // Kept as bytes with the Content-Type send() gave the text, so a hit is not encoded again (a 304 sets none: not kept).
      const type = res.getHeader('content-type');
      if (res.statusCode === 200 && type !== undefined) {
        const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
        const page: StoredPage = { body: bytes, headers: [...headers.filter(([name]) => name.toLowerCase() !== 'content-type'), ['Content-Type', type as string]], bytes: bytes.byteLength };
        storePage(key, page);
        finished(page);
      }
      return sent;
    };
    next();
  };

  // Only a request that went through can have changed data: a refused one (a CSRF 403, a 422, a failed login)
  // must not let anyone empty the cache at will. Every commit is announced by NOTIFY as well; this only spares
  // this process's own writer the few milliseconds until the notification arrives.
  const writes: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
      res.on('finish', () => {
        if (res.statusCode < 400) clear();
      });
    }
    next();
  };

  return {
    pages,
    writes,
    remember<T>(key: string, load: () => Promise<T>): Promise<T> {
      if (!active()) return load();
      const known = touch(valueStore, key);
      if (known) return known as Promise<T>;
      const startedIn = generation;
      const promise = load();
      valueStore.set(key, promise);
      // A value read before a change, or a failed load, is not kept.
      const forget = () => {
        if (valueStore.get(key) === promise) valueStore.delete(key);
      };
      promise.then(() => startedIn !== generation && forget(), forget);
      while (valueStore.size > maxValues) valueStore.delete(valueStore.keys().next().value as string);
      return promise;
    },
    invalidate: clear,
    counts,
    get listening() {
      return listener?.connected ?? false;
    },
    close: async () => {
      clear();
      await listener?.close();
    },
  };
}

/** For apps that must see every change at once (tests that write to the database directly). */
export function noPageCache(): PageCache {
  return createPageCache({ mode: { kind: 'off' }, now: () => new Date() });
}
