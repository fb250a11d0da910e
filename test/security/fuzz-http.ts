import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { csrfFrom } from '../helpers/session';

/*
 * HTTP for tests that send thousands of requests (the fuzz test): the app listens once, and
 * requests reuse one keep-alive connection, where supertest starts a server and opens a
 * connection for every request. Cookies are kept by hand: the session cookie is all the app sets.
 */

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface Listening {
  send(method: 'GET' | 'POST', path: string, headers: http.OutgoingHttpHeaders, body?: string | Buffer): Promise<Answer>;
  close(): Promise<void>;
}

export async function listen(app: http.RequestListener): Promise<Listening> {
  // Room for any URL the fuzz test makes, so that every request reaches the app (Node refuses headers over 16 KB by default).
  const server = http.createServer({ maxHeaderSize: 16 * 1024 * 1024 }, app);
  // Requests follow each other closely; the server must never drop the connection the client is about to reuse.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    send(method, path, headers, body) {
      return new Promise((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
    },
    async close() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** One browser: its cookies and its session's CSRF token. */
export class WebSession {
  private readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly http: Listening) {}

  get(path: string): Promise<Answer> {
    return this.send('GET', path);
  }

  /** POSTs an urlencoded form body with the session's CSRF token in front, as a browser submits a form */
  post(path: string, encodedFields: string): Promise<Answer> {
    return this.send('POST', path, `_csrf=${encodeURIComponent(this.csrf)}${encodedFields ? `&${encodedFields}` : ''}`, 'application/x-www-form-urlencoded');
  }

  /**
   * POSTs a multipart body (test/security/fuzz-multipart.ts) as a browser submits an upload form: the
   * app's upload forms carry the session's CSRF token in their action's query string, since the body
   * is read only after the token was checked.
   */
  postMultipart(path: string, body: Buffer, contentType: string): Promise<Answer> {
    return this.send('POST', `${path}${path.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(this.csrf)}`, body, contentType);
  }

  private async send(method: 'GET' | 'POST', path: string, body?: string | Buffer, contentType?: string): Promise<Answer> {
    const headers: http.OutgoingHttpHeaders = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (body !== undefined) {
      headers['content-type'] = contentType;
      headers['content-length'] = Buffer.byteLength(body);
    }
    const answer = await this.http.send(method, path, headers, body);
    for (const line of answer.headers['set-cookie'] ?? []) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') <= Date.now()) || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return answer;
  }
}

/** A visitor with no account, holding a session (and its token) from the login page. */
export async function anonymousSession(http: Listening): Promise<WebSession> {
  const session = new WebSession(http);
  const page = await session.get('/login');
  if (page.status !== 200) throw new Error(`GET /login answered ${page.status}`);
  session.csrf = csrfFrom(page.text);
  return session;
}

/** Logs in through the real form, as test/helpers/session.ts loginAs does. */
export async function loginSession(http: Listening, email: string, password = 'demo'): Promise<WebSession> {
  const session = await anonymousSession(http);
  const res = await session.post('/login', new URLSearchParams({ email, password }).toString());
  if (res.status !== 303) throw new Error(`login as ${email} failed with ${res.status}`);
  // The session was rotated at login: fetch the new token from a page with a form.
  const home = await session.get('/login?next=/');
  const next = await session.get(home.headers.location ?? '/admin');
  session.csrf = csrfFrom(next.text);
  return session;
}
