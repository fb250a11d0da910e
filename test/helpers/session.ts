import type { Express } from 'express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';

export interface Browser {
  agent: TestAgent;
  /** The session's CSRF token, for the _csrf field of forms */
  csrf: string;
  /** POSTs a form as the browser would (urlencoded, with _csrf) */
  post(path: string, fields?: Record<string, string | string[]>): request.Test;
  get(path: string): request.Test;
}

/** Reads the _csrf value from a page's form. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSRF token on the page');
  return m[1];
}

function browser(agent: TestAgent, csrf: string): Browser {
  return {
    agent,
    csrf,
    post: (path, fields = {}) => agent.post(path).type('form').send({ _csrf: csrf, ...fields }),
    get: (path) => agent.get(path),
  };
}

/** Logs in through the real form (GET /login for the token, POST /login), as a user would. */
export async function loginAs(app: Express, email: string, password = 'demo'): Promise<Browser> {
  const agent = request.agent(app);
  const page = await agent.get('/login').expect(200);
  const res = await agent.post('/login').type('form').send({ _csrf: csrfFrom(page.text), email, password });
  if (res.status !== 303) throw new Error(`login as ${email} failed with ${res.status}`);
  // The session was rotated at login: fetch the new token from a page with a form.
  const home = await agent.get('/login?next=/').redirects(0);
  const next = await agent.get(home.headers.location ?? '/admin');
  return browser(agent, csrfFrom(next.text));
}

/** A browser with no account, holding a session token from the login page. */
export async function anonymous(app: Express): Promise<Browser> {
  const agent = request.agent(app);
  const page = await agent.get('/login').expect(200);
  return browser(agent, csrfFrom(page.text));
}
