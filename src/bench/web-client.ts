/**
 * A minimal browser over fetch for scripts and fault tests that drive a running
 * server (a child process): one session cookie, the CSRF token of the last form,
 * forms read and posted as a browser would.
 */
export interface WebResponse {
  status: number;
  location: string | null;
  text: string;
}

export interface WebClient {
  readonly origin: string;
  get(path: string, options?: { timeoutMs?: number }): Promise<WebResponse>;
  /** POSTs urlencoded fields with the session's CSRF token; redirects are not followed. */
  post(path: string, fields?: Record<string, string>, options?: { timeoutMs?: number }): Promise<WebResponse>;
  /** The session cookie (name=value), or null before the server set one */
  cookie(): string | null;
  /** The same session (cookie and CSRF token) against another address: the server restarted on a new port */
  at(origin: string): WebClient;
}

export function csrfFrom(html: string): string | null {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1] ?? '') : null;
};

/** The fields a browser would submit with the form whose action is `action`: inputs, checked boxes, textareas and selected options. */
export function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const end = html.indexOf('</form>', start);
  const form = html.slice(start, end);
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0];
    const name = attr(tag, 'name');
    if (!name) continue;
    const type = attr(tag, 'type') ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !/\schecked\b/.test(tag)) continue;
    if (type === 'submit' || type === 'button' || type === 'file') continue;
    fields[name] = attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : '');
  }
  for (const m of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attr(m[1] ?? '', 'name');
    // A browser drops the one newline right after <textarea>.
    if (name) fields[name] = decode((m[2] ?? '').replace(/^\r?\n/, ''));
  }
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attr(m[1] ?? '', 'name');
    if (!name) continue;
    const options = [...(m[2] ?? '').matchAll(/<option\b[^>]*>/g)].map((o) => o[0]);
    const chosen = options.find((o) => /\sselected\b/.test(o)) ?? options[0];
    fields[name] = chosen ? (attr(chosen, 'value') ?? '') : '';
  }
  return fields;
}

export function createWebClient(origin: string, session: { cookie: string | null; csrf: string | null } = { cookie: null, csrf: null }): WebClient {
  let { cookie, csrf } = session;

  const send = async (path: string, init: RequestInit, timeoutMs = 60_000): Promise<WebResponse> => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(`${origin}${path}`, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      // A cleared cookie (logout) ends the session.
      cookie = /=$/.test(pair) || /expires=Thu, 01 Jan 1970/i.test(setCookie) ? null : pair;
    }
    const text = await res.text();
    const token = csrfFrom(text);
    if (token) csrf = token;
    return { status: res.status, location: res.headers.get('location'), text };
  };

  return {
    origin,
    get: (path, options) => send(path, { method: 'GET' }, options?.timeoutMs),
    post: (path, fields = {}, options) =>
      send(
        path,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: csrf ?? '', ...fields }).toString(),
        },
        options?.timeoutMs,
      ),
    cookie: () => cookie,
    at: (other) => createWebClient(other, { cookie, csrf }),
  };
}

/** Logs in through the real form and returns the signed-in client (its CSRF token read from the page after login). */
export async function login(origin: string, email: string, password = 'demo'): Promise<WebClient> {
  const client = createWebClient(origin);
  const page = await client.get('/login');
  if (page.status !== 200) throw new Error(`GET /login answered ${page.status}`);
  const res = await client.post('/login', { email, password });
  if (res.status !== 303 || !res.location) throw new Error(`login as ${email} answered ${res.status}`);
  const home = await client.get(res.location);
  if (home.status !== 200) throw new Error(`${res.location} after login answered ${home.status}`);
  return client;
}
