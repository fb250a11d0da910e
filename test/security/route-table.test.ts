import type { Express } from 'express';
import { hashPassword } from '../../src/modules/auth/password';
import type { RouteDef } from '../../src/web/route-table';
import { testApp } from '../helpers/app';
import { anonymous, loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { fillPath, routeDefs, sampleParams } from './route-samples';

/** The (method, path) pairs Express really serves, read from the router. */
function registeredRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: unknown[]) => {
    for (const layer of stack as Array<{ route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }>) {
      if (layer.route) for (const method of Object.keys(layer.route.methods)) found.push(`${method.toUpperCase()} ${layer.route.path}`);
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: unknown[] } }).router.stack);
  return found;
}

describe('the route table', () => {
  let t: TestDb;
  let app: Express;
  let defs: RouteDef[];
  let params: Record<string, string>;

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    defs = routeDefs(t);
    params = await sampleParams(t);
  });
  afterAll(() => t.drop());

  it('covers every route the app serves: a route without a rule fails here', () => {
    const table = new Set(defs.map((d) => `${d.method.toUpperCase()} ${d.path}`));
    const served = registeredRoutes(app);
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((r) => !table.has(r))).toEqual([]);
    expect(new Set(served).size).toBe(served.length);
  });

  it('sends anonymous visitors of every non-public route to /login, and changes nothing', async () => {
    const browser = await anonymous(app);
    const before = await t.db('audit_log').count<{ count: number }[]>('* as count');
    for (const def of defs.filter((d) => d.access.kind !== 'public')) {
      const path = fillPath(def.path, params);
      const res = def.method === 'get' ? await browser.get(path) : await browser.post(path, {});
      expect({ route: `${def.method} ${def.path}`, status: res.status, location: res.headers.location?.split('?')[0] }).toEqual({
        route: `${def.method} ${def.path}`,
        status: 303,
        location: '/login',
      });
    }
    expect(await t.db('audit_log').count<{ count: number }[]>('* as count')).toEqual(before);
  });

  it('refuses members of the committee every staff route with 403', async () => {
    const member: Browser = await loginAs(app, 'lolan.ottesen@demo.test');
    const staffRules = ['admin', 'staff', 'committee-staff'];
    for (const def of defs.filter((d) => staffRules.includes(d.access.kind))) {
      const path = fillPath(def.path, params);
      const res = def.method === 'get' ? await member.get(path) : await member.post(path, {});
      expect({ route: `${def.method} ${def.path}`, status: res.status }).toEqual({ route: `${def.method} ${def.path}`, status: 403 });
    }
  });

  it('refuses a secretary of another committee every committee-scoped route with 403', async () => {
    const kfu = await t.db('committees').where({ slug: 'kultur-og-fritidsudvalget' }).first('id');
    const [user] = await t.db('users').insert({ email: 'kfu-sekretaer@demo.test', name: 'KFU-sekretær', password_hash: await hashPassword('demo'), role: 'secretary' }).returning('id');
    await t.db('user_committees').insert({ user_id: user.id, committee_id: kfu.id });
    const other = await loginAs(app, 'kfu-sekretaer@demo.test');
    for (const def of defs.filter((d) => d.access.kind === 'committee-staff' || d.access.kind === 'committee-member')) {
      const path = fillPath(def.path, params);
      const res = def.method === 'get' ? await other.get(path) : await other.post(path, {});
      expect({ route: `${def.method} ${def.path}`, status: res.status }).toEqual({ route: `${def.method} ${def.path}`, status: 403 });
    }
  });

  it('refuses a POST without a valid CSRF token with 403, even for an authorized user', async () => {
    const secretary = await loginAs(app, 'sekretaer@demo.test');
    const res = await secretary.agent.post(`/admin/moeder/${params.meetingId}/aflys`).type('form').send({ _csrf: 'forkert' });
    expect(res.status).toBe(403);
    const none = await secretary.agent.post(`/admin/moeder/${params.meetingId}/aflys`).type('form').send({});
    expect(none.status).toBe(403);
    expect((await t.db('meetings').where({ id: Number(params.meetingId) }).first('cancelled')).cancelled).toBe(false);
  });
});
