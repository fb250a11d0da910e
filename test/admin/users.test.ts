import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Express } from 'express';
import request from 'supertest';
import { userAdminRoutes } from '../../src/modules/users/routes';
import { parseUserAddArgs, runUserAdd, UsageError } from '../../src/modules/users/user-add';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { startServer } from '../helpers/server-process';
import { anonymous, csrfFrom, loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

const count = async (t: TestDb, table: string, where: Record<string, unknown> = {}): Promise<number> =>
  Number((await t.db(table).where(where).count<{ count: number }[]>('* as count'))[0]?.count);

/** A secretary's committees as the form sends them. */
const secretaryFields = (email: string, committeeIds: number[], password = 'rigtig-lang-kode-1') => ({
  email,
  name: 'Ny Sekretær',
  role: 'secretary',
  scope: 'chosen',
  committeeIds: committeeIds.map(String),
  personId: '',
  password,
  passwordRepeat: password,
});

function capture() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream: out, text: () => text };
}

describe('user administration', () => {
  let t: TestDb;
  let app: Express;
  let admin: Browser;
  let sus: number;
  let oeu: number;
  let kfu: number;
  let adminId: number;

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    admin = await loginAs(app, 'admin@demo.test');
    sus = (await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id')).id;
    oeu = (await t.db('committees').where({ slug: 'oekonomiudvalget' }).first('id')).id;
    kfu = (await t.db('committees').where({ slug: 'kultur-og-fritidsudvalget' }).first('id')).id;
    adminId = (await t.db('users').where({ email: 'admin@demo.test' }).first('id')).id;
  });
  afterAll(() => t.drop());

  it('creates a secretary for chosen committees, who logs in and reaches only those committees', async () => {
    await admin.get('/admin/brugere/ny').expect(200);
    const res = await admin.post('/admin/brugere', secretaryFields('Ny.Sekretaer@Demo.test', [sus, oeu]));
    expect(res.status).toBe(303);
    const user = await t.db('users').where({ email: 'ny.sekretaer@demo.test' }).first('id', 'role', 'all_committees');
    expect(user).toMatchObject({ role: 'secretary', all_committees: false });
    expect(res.headers.location).toBe(`/admin/brugere/${user.id}`);
    expect((await t.db('user_committees').where({ user_id: user.id }).orderBy('committee_id').pluck('committee_id')).sort()).toEqual([sus, oeu].sort());

    // The audit log records the account, never the password or its hash.
    const entry = await t.db('audit_log').where({ entity: 'user', entity_id: user.id }).first('action', 'user_id', 'after');
    expect(entry).toMatchObject({ action: 'user.create', user_id: adminId });
    expect(entry.after).toMatchObject({ email: 'ny.sekretaer@demo.test', role: 'secretary', committeeIds: expect.arrayContaining([sus, oeu]) });
    expect(JSON.stringify(entry.after)).not.toMatch(/argon2|rigtig-lang-kode/);

    const secretary = await loginAs(app, 'ny.sekretaer@demo.test', 'rigtig-lang-kode-1');
    await secretary.get(`/admin/udvalg/${sus}`).expect(200);
    await secretary.get(`/admin/udvalg/${oeu}`).expect(200);
    await secretary.get(`/admin/udvalg/${kfu}`).expect(403);
    await secretary.post(`/admin/udvalg/${kfu}/medlemskaber`, { newPersonName: 'X', role: 'member', validFrom: '2026-01-01' }).expect(403);
    const list = await secretary.get('/admin/udvalg').expect(200);
    expect(list.text).toContain(`href="/admin/udvalg/${sus}"`);
    expect(list.text).not.toContain(`href="/admin/udvalg/${kfu}"`);
    expect(pageText(list.text)).toContain('Kultur- og Fritidsudvalget');
    // Users are for admins only.
    await secretary.get('/admin/brugere').expect(403);
  });

  it('generates a password when none is typed, shows it once, and it works', async () => {
    const res = await admin.post('/admin/brugere', { email: 'tilfaeldig@demo.test', name: 'Tilfældig', role: 'secretary', scope: 'all', password: '', passwordRepeat: '' });
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const password = /<code class="generated-password">([^<]+)<\/code>/.exec(res.text)?.[1];
    expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    expect(pageText(res.text)).toContain('Adgangskoden vises kun denne ene gang');
    const user = await t.db('users').where({ email: 'tilfaeldig@demo.test' }).first('id', 'all_committees');
    expect(user.all_committees).toBe(true);
    // Not on the user's page afterwards.
    const page = await admin.get(`/admin/brugere/${user.id}`).expect(200);
    expect(page.text).not.toContain(password as string);
    const secretary = await loginAs(app, 'tilfaeldig@demo.test', password);
    await secretary.get(`/admin/udvalg/${kfu}`).expect(200);
  });

  it('refuses invalid accounts with 422, the input kept, nothing created', async () => {
    const users = await count(t, 'users');
    const cases: Array<[Record<string, string | string[]>, string]> = [
      [{ ...secretaryFields('kort@demo.test', [sus], 'kort') }, 'Adgangskoden skal være mindst 12 tegn'],
      [{ ...secretaryFields('forskellig@demo.test', [sus]), passwordRepeat: 'noget-helt-andet' }, 'Gentag den samme adgangskode'],
      [{ ...secretaryFields('ingen-udvalg@demo.test', []) }, 'Vælg mindst ét udvalg, eller vælg alle udvalg'],
      [{ ...secretaryFields('ingen-scope@demo.test', [sus]), scope: '' }, 'Vælg om sekretæren arbejder for alle udvalg'],
      [{ ...secretaryFields('medlem@demo.test', []), role: 'member', scope: '' }, 'Vælg den person, brugeren er'],
      [{ ...secretaryFields('ADMIN@demo.test', [sus]) }, 'Der findes allerede en bruger med den e-mailadresse'],
      [{ ...secretaryFields('ikke-en-adresse', [sus]) }, 'Skriv en gyldig e-mailadresse'],
      [{ ...secretaryFields('ukendt-udvalg@demo.test', [987654]) }, 'Vælg udvalgene fra listen'],
      [{ ...secretaryFields('form@demo.test', [sus]), email: ['a@b.dk', 'c@d.dk'], role: ['admin'] }, 'Skriv e-mailadressen'],
    ];
    for (const [fields, message] of cases) {
      const res = await admin.post('/admin/brugere', fields);
      expect({ message, status: res.status }).toEqual({ message, status: 422 });
      expect(res.text).toContain('<title>Fejl: ');
      expect(pageText(res.text)).toContain(message);
      expect(res.text).not.toContain('rigtig-lang-kode-1'); // passwords are never echoed back
    }
    const kept = await admin.post('/admin/brugere', { ...secretaryFields('behold@demo.test', [oeu], 'kort') }).expect(422);
    expect(kept.text).toContain('value="behold@demo.test"');
    expect(kept.text).toMatch(new RegExp(`value="${oeu}" class="form-checkbox" checked`));
    const lolan = await t.db('users').where({ email: 'lolan.ottesen@demo.test' }).first('person_id');
    const taken = await admin.post('/admin/brugere', { ...secretaryFields('dobbelt@demo.test', []), role: 'member', scope: '', personId: String(lolan.person_id) }).expect(422);
    expect(pageText(taken.text)).toContain('Personen har allerede en brugerkonto (lolan.ottesen@demo.test)');
    expect(await count(t, 'users')).toBe(users);
  });

  it('ends two concurrent creates of the same e-mail in one account and a clear 422', async () => {
    const before = await count(t, 'audit_log', { entity: 'user' });
    const [a, b] = await Promise.all([
      admin.post('/admin/brugere', secretaryFields('samtidig@demo.test', [sus])),
      admin.post('/admin/brugere', secretaryFields('SAMTIDIG@demo.test', [oeu])),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 422]);
    const refused = a.status === 422 ? a : b;
    expect(pageText(refused.text)).toContain('Der findes allerede en bruger med den e-mailadresse');
    expect(await t.db('users').whereRaw("lower(email) = 'samtidig@demo.test'").count<{ count: number }[]>('* as count')).toEqual([{ count: 1 }]);
    expect(await count(t, 'audit_log', { entity: 'user' })).toBe(before + 1);
  });

  it('edits role, committees and disabled; an admin cannot demote or disable themselves', async () => {
    const own = await admin.post(`/admin/brugere/${adminId}`, { action: 'save', email: 'admin@demo.test', name: 'Administrator (demo)', role: 'secretary', scope: 'all' }).expect(422);
    expect(pageText(own.text)).toContain('Du kan ikke fjerne din egen administratorrolle');
    const off = await admin.post(`/admin/brugere/${adminId}`, { action: 'save', email: 'admin@demo.test', name: 'Administrator (demo)', role: 'admin', disabled: 'on' }).expect(422);
    expect(pageText(off.text)).toContain('Du kan ikke deaktivere din egen konto');
    expect(await t.db('users').where({ id: adminId }).first('role', 'disabled')).toEqual({ role: 'admin', disabled: false });

    await admin.post('/admin/brugere', secretaryFields('skift@demo.test', [sus])).expect(303);
    const user = await t.db('users').where({ email: 'skift@demo.test' }).first('id');
    const signedIn = await loginAs(app, 'skift@demo.test', 'rigtig-lang-kode-1');
    await signedIn.get(`/admin/udvalg/${kfu}`).expect(403);

    // Move to Kultur- og Fritidsudvalget: the change applies to the running session at once.
    await admin.post(`/admin/brugere/${user.id}`, { action: 'save', email: 'skift@demo.test', name: 'Skift', role: 'secretary', scope: 'chosen', committeeIds: [String(kfu)] }).expect(303);
    await signedIn.get(`/admin/udvalg/${kfu}`).expect(200);
    await signedIn.get(`/admin/udvalg/${sus}`).expect(403);
    const update = await t.db('audit_log').where({ entity: 'user', entity_id: user.id, action: 'user.update' }).first('before', 'after');
    expect(update.before.committeeIds).toEqual([sus]);
    expect(update.after.committeeIds).toEqual([kfu]);

    // Disabled: signed out, and cannot log in again.
    await admin.post(`/admin/brugere/${user.id}`, { action: 'save', email: 'skift@demo.test', name: 'Skift', role: 'secretary', scope: 'chosen', committeeIds: [String(kfu)], disabled: 'on' }).expect(303);
    const after = await signedIn.get(`/admin/udvalg/${kfu}`);
    expect(after.status).toBe(303);
    expect(after.headers.location).toMatch(/^\/login/);
    await expect(loginAs(app, 'skift@demo.test', 'rigtig-lang-kode-1')).rejects.toThrow(/failed with 401/);
    const list = await admin.get('/admin/brugere').expect(200);
    expect(pageText(list.text)).toMatch(/Skift skift@demo\.test Sekretær Kultur- og Fritidsudvalget Deaktiveret/);
  });

  it('resets a password: the old one stops working, the user is signed out elsewhere', async () => {
    await admin.post('/admin/brugere', secretaryFields('nulstil@demo.test', [sus])).expect(303);
    const user = await t.db('users').where({ email: 'nulstil@demo.test' }).first('id');
    const elsewhere = await loginAs(app, 'nulstil@demo.test', 'rigtig-lang-kode-1');
    const short = await admin.post(`/admin/brugere/${user.id}`, { action: 'password', password: 'for-kort', passwordRepeat: 'for-kort' }).expect(422);
    expect(pageText(short.text)).toContain('Adgangskoden skal være mindst 12 tegn');
    await admin.post(`/admin/brugere/${user.id}`, { action: 'password', password: 'en-helt-ny-kode-2', passwordRepeat: 'en-helt-ny-kode-2' }).expect(303);
    expect((await elsewhere.get(`/admin/udvalg/${sus}`)).status).toBe(303);
    await expect(loginAs(app, 'nulstil@demo.test', 'rigtig-lang-kode-1')).rejects.toThrow(/failed with 401/);
    await loginAs(app, 'nulstil@demo.test', 'en-helt-ny-kode-2');
    const generated = await admin.post(`/admin/brugere/${user.id}`, { action: 'password', password: '', passwordRepeat: '' }).expect(200);
    const password = /<code class="generated-password">([^<]+)<\/code>/.exec(generated.text)?.[1] as string;
    await loginAs(app, 'nulstil@demo.test', password);
    const audit = await t.db('audit_log').where({ entity: 'user', entity_id: user.id, action: 'user.password_reset' }).pluck('after');
    expect(audit).toEqual([{ generated: false }, { generated: true }]);
  });

  it('never shows password hashes', async () => {
    const list = await admin.get('/admin/brugere').expect(200);
    expect(list.text).not.toContain('$argon2');
    expect(pageText(list.text)).toContain('sekretaer@demo.test');
    const page = await admin.get(`/admin/brugere/${adminId}`).expect(200);
    expect(page.text).not.toContain('$argon2');
    expect(JSON.stringify(await t.db('audit_log').where({ entity: 'user' }).select('before', 'after'))).not.toContain('argon2');
    await admin.get('/admin/brugere/999999').expect(404);
    await admin.get('/admin/brugere/abc').expect(404);
  });

  it('sends anonymous visitors to /login and refuses members and secretaries 403 on every user route', async () => {
    const routes = userAdminRoutes({ db: t.db });
    expect(routes.length).toBe(5);
    const fill = (p: string) => p.replace(':userId', String(adminId));
    const browsers: Array<[string, Browser]> = [
      ['anonymous', await anonymous(app)],
      ['member', await loginAs(app, 'lolan.ottesen@demo.test')],
      ['secretary', await loginAs(app, 'sekretaer@demo.test')],
    ];
    const before = await count(t, 'audit_log');
    for (const [who, browser] of browsers) {
      for (const def of routes) {
        const fields = { email: 'x@demo.test', name: 'X', role: 'admin', password: 'rigtig-lang-kode-1', passwordRepeat: 'rigtig-lang-kode-1', action: 'password' };
        const res = def.method === 'get' ? await browser.get(fill(def.path)) : await browser.post(fill(def.path), fields);
        const expected = who === 'anonymous' ? { status: 303, location: '/login' } : { status: 403, location: undefined };
        expect({ who, route: `${def.method} ${def.path}`, status: res.status, location: res.headers.location?.split('?')[0] }).toEqual({ who, route: `${def.method} ${def.path}`, ...expected });
      }
    }
    expect(await count(t, 'audit_log')).toBe(before);
  });

  describe('npm run user:add', () => {
    const run = async (argv: string[], env: Record<string, string>) => {
      const stdout = capture();
      const stderr = capture();
      const stdin = new PassThrough();
      const code = await runUserAdd({ argv, env: { LOG_LEVEL: 'silent', DATABASE_URL: t.url, ...env }, stdin, stdout: stdout.stream, stderr: stderr.stream });
      return { code, out: stdout.text(), err: stderr.text() };
    };

    it('creates an account that can log in, printing in Danish what was created', async () => {
      const result = await run(['--email', 'Kommando@Demo.test', '--name', 'Kommando Sekretær', '--role', 'secretary', '--committees', 'sus,oeu'], { MOEDEBOG_PASSWORD: 'kommandolinje-kode' });
      expect(result).toMatchObject({ code: 0, err: '' });
      expect(result.out).toContain('Brugeren er oprettet');
      expect(result.out).toContain('kommando@demo.test');
      expect(result.out).toContain('Udvalg:  Social- og Sundhedsudvalget, Økonomiudvalget');
      expect(result.out).not.toContain('kommandolinje-kode');
      const user = await t.db('users').where({ email: 'kommando@demo.test' }).first('id');
      const entry = await t.db('audit_log').where({ entity: 'user', entity_id: user.id }).first('user_id', 'after');
      expect(entry.user_id).toBeNull();
      expect(entry.after.via).toBe('npm run user:add');

      const secretary = await loginAs(app, 'kommando@demo.test', 'kommandolinje-kode');
      await secretary.get(`/admin/udvalg/${sus}`).expect(200);
      await secretary.get(`/admin/udvalg/${kfu}`).expect(403);

      const lolan = (await t.db('people').where({ name: 'Dennis Sørensen' }).first('id')).id;
      const member = await run(['--email', 'nyt.medlem@demo.test', '--name', 'Nyt Medlem', '--role', 'medlem', '--person-id', String(lolan)], { MOEDEBOG_PASSWORD: 'kommandolinje-kode' });
      expect(member.err).toContain('Personen har allerede en brugerkonto');
      expect(member.code).toBe(2);
      const admin2 = await run(['--email', 'admin2@demo.test', '--name', 'Anden Admin', '--role', 'admin'], { MOEDEBOG_PASSWORD: 'kommandolinje-kode' });
      expect(admin2.code).toBe(0);
      await loginAs(app, 'admin2@demo.test', 'kommandolinje-kode').then((b) => b.get('/admin/brugere').expect(200));
    });

    it('refuses short passwords, unknown committees and wrong use, in Danish, creating nothing', async () => {
      const users = await count(t, 'users');
      const short = await run(['--email', 'kort@demo.test', '--name', 'Kort', '--role', 'secretary', '--all'], { MOEDEBOG_PASSWORD: 'elleve-tegn' });
      expect(short.code).toBe(2);
      expect(short.err).toContain('Adgangskoden skal være mindst 12 tegn');
      const unknown = await run(['--email', 'ukendt@demo.test', '--name', 'Ukendt', '--role', 'secretary', '--committees', 'sus,findes-ikke'], { MOEDEBOG_PASSWORD: 'kommandolinje-kode' });
      expect(unknown.code).toBe(2);
      expect(unknown.err).toContain('Ukendt udvalg "findes-ikke"');
      const noPassword = await run(['--email', 'ingen@demo.test', '--name', 'Ingen', '--role', 'admin'], {});
      expect(noPassword.code).toBe(2);
      expect(noPassword.err).toContain('MOEDEBOG_PASSWORD');
      const duplicate = await run(['--email', 'ADMIN@demo.test', '--name', 'Igen', '--role', 'admin'], { MOEDEBOG_PASSWORD: 'kommandolinje-kode' });
      expect(duplicate.err).toContain('--email: Der findes allerede en bruger med den e-mailadresse');
      expect(await count(t, 'users')).toBe(users);

      expect(() => parseUserAddArgs(['--email', 'a@b.dk', '--name', 'A', '--role', 'secretary'])).toThrow(UsageError);
      expect(() => parseUserAddArgs(['--email', 'a@b.dk', '--name', 'A', '--role', 'secretary', '--all', '--committees', 'sus'])).toThrow(/enten --committees eller --all/);
      expect(() => parseUserAddArgs(['--email', 'a@b.dk', '--name', 'A', '--role', 'boss'])).toThrow(/--role skal være/);
      expect(() => parseUserAddArgs(['--email', 'a@b.dk', '--name', 'A', '--role', 'admin', '--bogus'])).toThrow(/kunne ikke forstås/);
      expect(parseUserAddArgs(['--email', 'a@b.dk', '--name', 'A', '--role', 'sekretær', '--committees', 'sus, oeu'])).toEqual({ email: 'a@b.dk', name: 'A', role: 'secretary', committees: ['sus', 'oeu'], personId: null });
    });

    it('adds an account while a server runs on the same embedded database, and leaves the server running', async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'moedebog-useradd-'));
      fs.chmodSync(dataDir, 0o755);
      const server = await startServer({ DATA_DIR: dataDir, NODE_ENV: 'development' });
      try {
        const stdout = capture();
        const stderr = capture();
        const code = await runUserAdd({
          argv: ['--email', 'server@demo.test', '--name', 'Server', '--role', 'admin'],
          env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent', MOEDEBOG_PASSWORD: 'kommandolinje-kode' },
          stdin: new PassThrough(),
          stdout: stdout.stream,
          stderr: stderr.stream,
        });
        // The command uses the running server's PostgreSQL alongside it, and never stops it.
        expect(code).toBe(0);
        expect(stdout.text()).toContain('server@demo.test');
        // The server's PostgreSQL is untouched: it still logs people in.
        const agent = request.agent(`http://127.0.0.1:${server.port}`);
        const login = await agent.get('/login').expect(200);
        await agent.post('/login').type('form').send({ _csrf: csrfFrom(login.text), email: 'server@demo.test', password: 'kommandolinje-kode' }).expect(303);
        await agent.get('/admin/brugere').expect(200);
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }, 120_000);
  });
});
