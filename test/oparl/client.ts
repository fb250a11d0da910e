import type { Express } from 'express';
import request from 'supertest';

/** The host the tests pretend to be served at: every id must be built from it. */
export const HOST = 'moeder.ballerup.dk';
export const ORIGIN = `http://${HOST}`;
export const API = `${ORIGIN}/oparl/v1.1`;

export type Json = Record<string, unknown>;

export interface Fetched {
  status: number;
  body: Json;
  text: string;
  headers: Record<string, string>;
}

/**
 * An OParl client over supertest: requests carry Host: moeder.ballerup.dk, and
 * absolute URLs from the API are followed only when they point at that host.
 * Every response body is kept, so a test can search all that was served.
 */
export function oparlClient(app: Express, options: { host?: string } = {}) {
  const host = options.host ?? HOST;
  const seen: string[] = [];

  const pathOf = (url: string): string => {
    const u = new URL(url, `http://${host}`);
    if (u.host !== host) throw new Error(`the API linked to another host: ${url}`);
    return `${u.pathname}${u.search}`;
  };

  async function get(url: string, status = 200): Promise<Fetched> {
    const res = await request(app).get(pathOf(url)).set('Host', host);
    // Redirects have no body.
    if (res.text) seen.push(res.text);
    if (res.status !== status) throw new Error(`GET ${url}: expected ${status}, got ${res.status}: ${res.text.slice(0, 300)}`);
    return { status: res.status, body: res.body as Json, text: res.text, headers: res.headers as Record<string, string> };
  }

  /** Every page of a list, following links.next; checks the pagination as it goes. */
  async function all(listUrl: string): Promise<{ objects: Json[]; pages: Json[] }> {
    const pages: Json[] = [];
    const objects: Json[] = [];
    let url: string | undefined = listUrl;
    for (let guard = 0; url; guard++) {
      if (guard > 1000) throw new Error(`${listUrl}: more than 1000 pages`);
      const page: Json = (await get(url)).body;
      pages.push(page);
      objects.push(...(page.data as Json[]));
      const links = page.links as Record<string, string | undefined>;
      url = links.next;
    }
    return { objects, pages };
  }

  return { get, all, seen, pathOf };
}

export type OparlClient = ReturnType<typeof oparlClient>;

/** Every string anywhere in a JSON value. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Every object with an id and a type anywhere in a JSON value (embedded ones included). */
export function objectsIn(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (!value || typeof value !== 'object') return [];
  const object = value as Json;
  const own = typeof object.id === 'string' && typeof object.type === 'string' ? [object] : [];
  return [...own, ...Object.values(object).flatMap(objectsIn)];
}
