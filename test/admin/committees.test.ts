import type { Express } from 'express';
import { committeeAdminRoutes } from '../../src/modules/committees/admin-routes';
import type { RouteDef } from '../../src/web/route-table';
import { testApp } from '../helpers/app';
import { fixedNow } from '../helpers/clock';
import { pageText } from '../helpers/page-text';
import { anonymous, loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

const count = async (t: TestDb, table: string): Promise<number> => Number((await t.db(table).count<{ count: number }[]>('* as count'))[0]?.count);

function idFrom(location: string | undefined, pattern: RegExp): number {
  const m = pattern.exec(location ?? '');
  if (!m) throw new Error(`unexpected redirect ${location}`);
  return Number(m[1]);
}

describe('committee administration', () => {
  let t: TestDb;
  let app: Express;
  let admin: Browser;
  let secretary: Browser;
  let sus: number;
  let ballerup: number;
  let albertslund: number;

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    admin = await loginAs(app, 'admin@demo.test');
    secretary = await loginAs(app, 'sekretaer@demo.test');
    sus = (await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id')).id;
    ballerup = (await t.db('bodies').where({ slug: 'ballerup' }).first('id')).id;
    albertslund = (await t.db('bodies').where({ slug: 'albertslund' }).first('id')).id;
  });
  afterAll(() => t.drop());

  async function createCommittee(fields: Record<string, string>): Promise<{ id: number; slug: string }> {
    const res = await admin.post('/admin/udvalg', { kind: 'committee', shortName: '', contactEmail: '', ...fields });
    expect(res.status).toBe(303);
    const id = idFrom(res.headers.location, /^\/admin\/udvalg\/(\d+)$/);
    return { id, slug: (await t.db('committees').where({ id }).first('slug')).slug as string };
  }

  it('lists committees by body and kind, and the admin creates committees with Ballerup-style slugs', async () => {
    const list = await admin.get('/admin/udvalg').expect(200);
    const text = pageText(list.text);
    expect(text.indexOf('Ballerup Kommune')).toBeLessThan(text.indexOf('Albertslund Kommune'));
    expect(text).toContain('Eksterne parter');
    expect(list.text).toContain(`href="/admin/udvalg/${sus}"`);
    expect(list.text).toContain('href="/admin/udvalg/nyt"');
    await admin.get('/admin/udvalg/nyt').expect(200);

    const before = await count(t, 'audit_log');
    // The primary body keeps the plain slug; Danish letters follow Ballerup's scheme.
    expect((await createCommittee({ bodyId: String(ballerup), kind: 'advisory_board', name: 'Ældrerådet' })).slug).toBe('aeldreraadet');
    // Another body's name that clashes gets its body's slug; one that does not stays plain.
    expect((await createCommittee({ bodyId: String(albertslund), name: 'Økonomiudvalget', shortName: 'ØU' })).slug).toBe('oekonomiudvalget-albertslund');
    expect((await createCommittee({ bodyId: String(albertslund), kind: 'advisory_board', name: 'Klimarådet' })).slug).toBe('klimaraadet');
    // Albertslund already holds "udsatteraadet": the primary body falls back to the suffix rather than failing.
    expect((await createCommittee({ bodyId: String(ballerup), kind: 'advisory_board', name: 'Udsatterådet' })).slug).toBe('udsatteraadet-ballerup');
    const party = await createCommittee({ bodyId: String(ballerup), kind: 'external_party', name: 'Ældre Sagen Ballerup', contactEmail: 'Hoering@Aeldresagen.demo.test' });
    expect(await t.db('committees').where({ id: party.id }).first('contact_email')).toEqual({ contact_email: 'hoering@aeldresagen.demo.test' });
    expect((await count(t, 'audit_log')) - before).toBe(5);
    const entry = await t.db('audit_log').where({ entity: 'committee', entity_id: party.id }).first();
    expect(entry.action).toBe('committee.create');

    const page = await admin.get(`/admin/udvalg/${party.id}`).expect(200);
    expect(pageText(page.text)).toContain('Ældre Sagen Ballerup');
  });

  it('refuses a name already used in the body, and an outside party without a contact e-mail, with 422 and the input kept', async () => {
    const committees = await count(t, 'committees');
    const taken = await admin.post('/admin/udvalg', { bodyId: String(ballerup), kind: 'committee', name: 'social- og sundhedsudvalget', shortName: 'X' }).expect(422);
    expect(taken.text).toContain('<title>Fejl: ');
    expect(pageText(taken.text)).toContain('Der er problemer');
    expect(pageText(taken.text)).toContain('Ballerup Kommune har allerede et udvalg med det navn');
    expect(taken.text).toContain('href="#f-name"');
    expect(taken.text).toContain('value="social- og sundhedsudvalget"');

    const noEmail = await admin.post('/admin/udvalg', { bodyId: String(ballerup), kind: 'external_party', name: 'Boligselskabet Nord' }).expect(422);
    expect(pageText(noEmail.text)).toContain('Skriv en kontakt-e-mail');
    const badShape = await admin.post('/admin/udvalg', { bodyId: ['1', '2'], kind: ['x'], name: ['a', 'b'] }).expect(422);
    expect(pageText(badShape.text)).toContain('Vælg kommunen');
    const noName = await admin.post('/admin/udvalg', { bodyId: String(ballerup), kind: 'committee', name: '–' }).expect(422);
    expect(pageText(noName.text)).toContain('Navnet skal indeholde bogstaver eller tal');
    expect(await count(t, 'committees')).toBe(committees);
  });

  it('renames: the slug follows the name until an agenda is published, then stays', async () => {
    const fresh = await createCommittee({ bodyId: String(ballerup), name: 'Planudvalget' });
    await secretary.post(`/admin/udvalg/${fresh.id}/moeder`, { date: '2027-03-02', startTime: '16:00', location: 'Rådhuset' }).expect(303);
    expect((await t.db('meetings').where({ committee_id: fresh.id }).first('slug')).slug).toBe('planudvalget-02-03-2027');
    await secretary.post(`/admin/udvalg/${fresh.id}`, { name: 'Plan- og Boligudvalget', shortName: 'PBU', kind: 'committee', contactEmail: '' }).expect(303);
    expect(await t.db('committees').where({ id: fresh.id }).first('slug', 'name', 'short_name')).toEqual({ slug: 'plan-og-boligudvalget', name: 'Plan- og Boligudvalget', short_name: 'PBU' });
    // The meeting planned before the rename follows the committee's new address (nothing was published).
    expect((await t.db('meetings').where({ committee_id: fresh.id }).first('slug')).slug).toBe('plan-og-boligudvalget-02-03-2027');

    // Social- og Sundhedsudvalget has published agendas: its address stays.
    const res = await secretary.post(`/admin/udvalg/${sus}`, { name: 'Social-, Sundheds- og Ældreudvalget', shortName: 'SSÆ', kind: 'committee', contactEmail: '' }).expect(303);
    const after = await secretary.get(res.headers.location as string).expect(200);
    expect(pageText(after.text)).toContain('Adressen /udvalg/social-og-sundhedsudvalget er uændret');
    expect(await t.db('committees').where({ id: sus }).first('slug', 'name')).toEqual({ slug: 'social-og-sundhedsudvalget', name: 'Social-, Sundheds- og Ældreudvalget' });
    const audit = await t.db('audit_log').where({ entity: 'committee', entity_id: sus, action: 'committee.update' }).first('before', 'after');
    expect(audit.before.name).toBe('Social- og Sundhedsudvalget');
    expect(audit.after.name).toBe('Social-, Sundheds- og Ældreudvalget');
    await secretary.post(`/admin/udvalg/${sus}`, { name: 'Social- og Sundhedsudvalget', shortName: 'SUS', kind: 'committee', contactEmail: '' }).expect(303);

    // Another committee's name in the same body → 422, nothing changed.
    const clash = await secretary.post(`/admin/udvalg/${sus}`, { name: 'Økonomiudvalget', shortName: 'SUS', kind: 'committee', contactEmail: '' }).expect(422);
    expect(pageText(clash.text)).toContain('har allerede et udvalg med det navn');
    expect((await t.db('committees').where({ id: sus }).first('name')).name).toBe('Social- og Sundhedsudvalget');
  });

  it('shows the committee: its meetings newest first with status and links, "Planlæg møde", and members current before former', async () => {
    const res = await secretary.get(`/admin/udvalg/${sus}`).expect(200);
    const text = pageText(res.text);
    expect(res.text).toContain(`href="/admin/udvalg/${sus}/moeder/nyt"`);
    expect(text).toContain('Planlæg møde');
    const meetings = await t.db('meetings').where({ committee_id: sus }).orderBy('starts_at', 'desc').select('id');
    const positions = meetings.map((m) => res.text.indexOf(`href="/admin/moeder/${m.id}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('Dagsorden offentliggjort');
    expect(text).toContain('Referat offentliggjort');
    expect(text.indexOf('Nuværende og kommende medlemmer')).toBeLessThan(text.indexOf('Tidligere medlemmer'));
    expect(text).toContain('Lolan Ottesen');
  });

  it('lets the secretary add a substitute for a member, and end another membership', async () => {
    const lolan = (await t.db('people').where({ name: 'Lolan Ottesen' }).first('id')).id as number;
    const before = await count(t, 'memberships');
    const added = await secretary.post(`/admin/udvalg/${sus}/medlemskaber`, {
      personId: '',
      newPersonName: 'Sofie Suppleant',
      role: 'substitute',
      party: 'a',
      substituteForPersonId: String(lolan),
      votingRight: 'on',
      validFrom: '2026-12-01',
      validTo: '',
    });
    expect(added.status).toBe(303);
    expect(added.headers.location).toBe(`/admin/udvalg/${sus}#medlemmer`);
    expect(await count(t, 'memberships')).toBe(before + 1);
    const seat = await t.db('memberships as m').join('people as p', 'p.id', 'm.person_id').where('p.name', 'Sofie Suppleant').first('m.*', 'p.body_id');
    expect(seat).toMatchObject({ committee_id: sus, role: 'substitute', party: 'A', substitute_for_person_id: lolan, voting_right: true, valid_from: '2026-12-01', valid_to: null, body_id: ballerup });
    const page = await secretary.get(`/admin/udvalg/${sus}`).expect(200);
    expect(pageText(page.text)).toMatch(/Sofie Suppleant Suppleant A Lolan Ottesen Ja 1\. december 2026/);

    // An existing person, as an ordinary member: members always vote, whatever the form says.
    const person = await t.db('people').insert({ body_id: ballerup, name: 'Mads Medlem' }).returning('id');
    await secretary
      .post(`/admin/udvalg/${sus}/medlemskaber`, { personId: String(person[0].id), role: 'member', party: 'V', substituteForPersonId: String(lolan), validFrom: '2026-01-01' })
      .expect(303);
    const member = await t.db('memberships').where({ person_id: person[0].id }).first();
    expect(member).toMatchObject({ role: 'member', voting_right: true, substitute_for_person_id: null });

    // The same person twice in an overlapping period → 422.
    const overlap = await secretary.post(`/admin/udvalg/${sus}/medlemskaber`, { personId: String(person[0].id), role: 'member', validFrom: '2026-06-01' }).expect(422);
    expect(pageText(overlap.text)).toContain('Personen har allerede en plads i udvalget i perioden');

    // End it (last day 2026-11-20, before the test's today): it moves to the former members.
    const ended = await secretary.post(`/admin/udvalg/${sus}/medlemskaber/${member.id}`, { action: 'end', validTo: '2026-11-20' });
    expect(ended.status).toBe(303);
    expect((await t.db('memberships').where({ id: member.id }).first('valid_to')).valid_to).toBe('2026-11-20');
    const after = pageText((await secretary.get(`/admin/udvalg/${sus}`).expect(200)).text);
    expect(after.indexOf('Mads Medlem')).toBeGreaterThan(after.indexOf('Tidligere medlemmer'));
    const audits = await t.db('audit_log').where({ entity: 'membership', entity_id: member.id }).orderBy('id').pluck('action');
    expect(audits).toEqual(['membership.create', 'membership.end']);

    // Edit through the membership page.
    await secretary.get(`/admin/udvalg/${sus}/medlemskaber/${seat.id}`).expect(200);
    await secretary
      .post(`/admin/udvalg/${sus}/medlemskaber/${seat.id}`, { action: 'edit', role: 'substitute', party: 'A', substituteForPersonId: String(lolan), validFrom: '2026-12-01', validTo: '2029-12-31' })
      .expect(303);
    expect(await t.db('memberships').where({ id: seat.id }).first('voting_right', 'valid_to')).toEqual({ voting_right: false, valid_to: '2029-12-31' });
  });

  it('refuses impossible dates in Danish with 422, keeping the input and changing nothing', async () => {
    const counts = async () => ({ memberships: await count(t, 'memberships'), people: await count(t, 'people'), audit: await count(t, 'audit_log') });
    const before = await counts();
    const bad = await secretary.post(`/admin/udvalg/${sus}/medlemskaber`, { newPersonName: 'Dato Fejl', role: 'member', validFrom: '2021-02-30', validTo: '' }).expect(422);
    expect(bad.text).toContain('<title>Fejl: ');
    expect(pageText(bad.text)).toContain('Der er problemer');
    expect(pageText(bad.text)).toContain('Datoen findes ikke');
    expect(bad.text).toContain('href="#f-validFrom"');
    expect(bad.text).toContain('value="2021-02-30"');
    expect(bad.text).toContain('value="Dato Fejl"');

    const current = await t.db('memberships').where({ committee_id: sus }).whereNull('valid_to').first('id', 'valid_to');
    const badEnd = await secretary.post(`/admin/udvalg/${sus}/medlemskaber/${current.id}`, { action: 'end', validTo: '2021-02-30' }).expect(422);
    expect(pageText(badEnd.text)).toContain('Datoen findes ikke');
    expect(badEnd.text).toContain(`href="#f-end-${current.id}"`);
    expect(badEnd.text).toContain('value="2021-02-30"');
    const badEdit = await secretary
      .post(`/admin/udvalg/${sus}/medlemskaber/${current.id}`, { action: 'edit', role: 'member', validFrom: '2022-13-01', validTo: '' })
      .expect(422);
    expect(pageText(badEdit.text)).toContain('Datoen findes ikke');
    const beforeStart = await secretary.post(`/admin/udvalg/${sus}/medlemskaber/${current.id}`, { action: 'end', validTo: '1999-01-01' }).expect(422);
    expect(pageText(beforeStart.text)).toContain('Slutdatoen skal ligge på eller efter startdatoen');
    const reversed = await secretary.post(`/admin/udvalg/${sus}/medlemskaber`, { newPersonName: 'Dato Fejl', role: 'member', validFrom: '2026-02-01', validTo: '2026-01-01' }).expect(422);
    expect(pageText(reversed.text)).toContain('Slutdatoen skal ligge på eller efter startdatoen');
    const neither = await secretary.post(`/admin/udvalg/${sus}/medlemskaber`, { role: 'substitute', validFrom: '2026-02-01' }).expect(422);
    expect(pageText(neither.text)).toContain('Vælg en person fra listen, eller skriv navnet på en ny person');
    expect(pageText(neither.text)).toContain('Vælg det medlem, suppleanten er stedfortræder for');
    const shapes = await secretary.post(`/admin/udvalg/${sus}/medlemskaber`, { personId: ['1', '2'], role: ['member'], validFrom: ['2026-01-01'], party: ['A'] }).expect(422);
    expect(pageText(shapes.text)).toContain('Der er problemer');

    expect(await counts()).toEqual(before);
    expect((await t.db('memberships').where({ id: current.id }).first('valid_to')).valid_to).toBeNull();
  });

  it('answers 404 for a membership of another committee, and for one that does not exist', async () => {
    const kfu = (await t.db('committees').where({ slug: 'kultur-og-fritidsudvalget' }).first('id')).id;
    const foreign = await t.db('memberships').whereNot({ committee_id: sus }).first('id');
    const own = await t.db('memberships').where({ committee_id: sus }).whereNull('valid_to').first('id');
    const before = await t.db('memberships').whereIn('id', [foreign.id, own.id]).orderBy('id').select('valid_to');
    await secretary.get(`/admin/udvalg/${sus}/medlemskaber/${foreign.id}`).expect(404);
    await secretary.post(`/admin/udvalg/${sus}/medlemskaber/${foreign.id}`, { action: 'end', validTo: '2026-01-01' }).expect(404);
    await secretary.post(`/admin/udvalg/${kfu}/medlemskaber/${own.id}`, { action: 'edit', role: 'member', validFrom: '2020-01-01' }).expect(404);
    expect(await t.db('memberships').whereIn('id', [foreign.id, own.id]).orderBy('id').select('valid_to')).toEqual(before);
    await secretary.get(`/admin/udvalg/${sus}/medlemskaber/999999`).expect(404);
    await secretary.get('/admin/udvalg/999999').expect(404);
  });

  describe('access', () => {
    const routes = (): RouteDef[] => committeeAdminRoutes({ db: t.db, now: fixedNow }).filter((r) => r.path.startsWith('/admin/udvalg'));
    const fill = async (path: string) => {
      const membership = await t.db('memberships').where({ committee_id: sus }).first('id');
      return path.replace(':committeeId', String(sus)).replace(':membershipId', String(membership.id));
    };

    it('sends anonymous visitors to /login on every committee route, and changes nothing', async () => {
      const browser = await anonymous(app);
      const before = await count(t, 'audit_log');
      expect(routes().length).toBe(8);
      for (const def of routes()) {
        const path = await fill(def.path);
        const res = def.method === 'get' ? await browser.get(path) : await browser.post(path, { name: 'X', validTo: '2026-01-01', action: 'end' });
        expect({ route: `${def.method} ${def.path}`, status: res.status, location: res.headers.location?.split('?')[0] }).toEqual({ route: `${def.method} ${def.path}`, status: 303, location: '/login' });
      }
      expect(await count(t, 'audit_log')).toBe(before);
    });

    it('refuses a member 403 on every committee route, even for their own committee', async () => {
      const member = await loginAs(app, 'lolan.ottesen@demo.test');
      const before = await count(t, 'audit_log');
      for (const def of routes()) {
        const path = await fill(def.path);
        const res = def.method === 'get' ? await member.get(path) : await member.post(path, { name: 'X', validTo: '2026-01-01', action: 'end' });
        expect({ route: `${def.method} ${def.path}`, status: res.status }).toEqual({ route: `${def.method} ${def.path}`, status: 403 });
      }
      expect(await count(t, 'audit_log')).toBe(before);
    });

    it('keeps creating committees for admins', async () => {
      await secretary.get('/admin/udvalg/nyt').expect(403);
      await secretary.post('/admin/udvalg', { bodyId: String(ballerup), kind: 'committee', name: 'Sekretærens udvalg' }).expect(403);
      expect(pageText((await secretary.get('/admin/udvalg').expect(200)).text)).not.toContain('Opret udvalg');
    });
  });
});
