import type { Express } from 'express';
import request from 'supertest';
import { fromCopenhagenLocal } from '../../src/i18n/format';
import { hashPassword } from '../../src/modules/auth/password';
import { notifyFollowingBoards } from '../../src/modules/boards/notifier';
import { createMailer } from '../../src/modules/mail/mailer';
import { testApp } from '../helpers/app';
import { fixedNow } from '../helpers/clock';
import { pageText } from '../helpers/page-text';
import { anonymous, loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/**
 * Issue 8, items 1-3 through HTTP: a board follows committees and is told of their agendas,
 * sends comments that reach the committee's secretary and members and its public page,
 * substitutes and the constituting meeting, and attendance figures.
 */
describe('advisory boards', () => {
  let t: TestDb;
  let app: Express;
  let secretary: Browser;
  let chair: Browser;
  const id = { board: 0, sus: 0, bsu: 0, ebu: 0, meeting: 0, open: 0, closed: 0, firstBoardMeeting: 0, juneMeeting: 0, jette: 0, bente: 0, kim: 0, tina: 0, per: 0 };

  const text = async (b: Browser | null, path: string, status = 200) => {
    const res = b ? await b.get(path) : await request(app).get(path);
    expect({ path, status: res.status }).toEqual({ path, status });
    return pageText(res.text);
  };

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    const albertslund = (await t.db('bodies').where({ slug: 'albertslund' }).first('id')) as { id: number };
    const committee = async (name: string) => ((await t.db('committees').where({ body_id: albertslund.id, name }).first('id')) as { id: number }).id;
    const personId = async (name: string) => ((await t.db('people').where({ name }).first('id')) as { id: number }).id;
    id.board = await committee('Udsatterådet');
    id.sus = await committee('Social- og Sundhedsudvalget');
    id.bsu = await committee('Børne- og Skoleudvalget');
    id.ebu = await committee('Erhvervs- og Beskæftigelsesudvalget');
    id.jette = await personId('Jette Møller');
    id.bente = await personId('Bente Nielsen');
    id.kim = await personId('Kim Andersen');
    id.tina = await personId('Tina Rasmussen');
    id.per = await personId('Per Holm Larsen');
    const boardMeetings = (await t.db('meetings').where({ committee_id: id.board }).orderBy('starts_at').pluck('id')) as number[];
    id.firstBoardMeeting = boardMeetings[0] as number;
    id.juneMeeting = boardMeetings[1] as number;

    // A coming meeting of Albertslund's Social- og Sundhedsudvalget, still planned, with an open and a closed item.
    const [meeting] = await t.db('meetings')
      .insert({ committee_id: id.sus, slug: 'social-og-sundhedsudvalget-albertslund-07-12-2026', starts_at: fromCopenhagenLocal('2026-12-07T16:00'), location: 'Albertslund Rådhus', status: 'planned' })
      .returning('id');
    id.meeting = (meeting as { id: number }).id;
    const [open] = await t.db('agenda_items').insert({ meeting_id: id.meeting, position: 1, number: 1, title: 'Sundhedspolitik 2027: høring af borgerne' }).returning('id');
    const [closed] = await t.db('agenda_items').insert({ meeting_id: id.meeting, position: 2, number: 2, title: 'Klage i en enkeltsag om hjemmehjælp', is_closed: true }).returning('id');
    id.open = (open as { id: number }).id;
    id.closed = (closed as { id: number }).id;
    // A member of that committee with a login, to read the agenda on "Mine møder".
    const body = (await t.db('committees').where({ id: id.sus }).first('body_id')) as { body_id: number };
    const [member] = await t.db('people').insert({ body_id: body.body_id, name: 'Susse Udvalgsmedlem', email: 'susse@demo.test' }).returning('id');
    await t.db('memberships').insert({ committee_id: id.sus, person_id: (member as { id: number }).id, role: 'member', valid_from: '2022-01-01' });
    await t.db('users').insert({ email: 'susse@demo.test', name: 'Susse Udvalgsmedlem', password_hash: await hashPassword('demo'), role: 'member', person_id: (member as { id: number }).id });

    secretary = await loginAs(app, 'sekretaer@demo.test');
    chair = await loginAs(app, 'jette.moeller@demo.test');
  });
  afterAll(() => t.drop());

  it('lets the secretary choose the committees the board follows; a wrong id is refused with 422', async () => {
    expect(await text(secretary, `/admin/raad/${id.board}`)).toContain('Udvalg, rådet følger');
    const bad = await secretary.post(`/admin/raad/${id.board}/foelger`, { committees: ['abc'] });
    expect(bad.status).toBe(422);
    expect(pageText(bad.text)).toContain('Vælg udvalg fra listen');
    const foreign = await t.db('committees').where({ slug: 'social-og-sundhedsudvalget' }).first('id');
    expect((await secretary.post(`/admin/raad/${id.board}/foelger`, { committees: [String(foreign.id)] })).status).toBe(422);

    const res = await secretary.post(`/admin/raad/${id.board}/foelger`, { committees: [String(id.sus), String(id.bsu)] });
    expect(res.status).toBe(303);
    expect((await t.db('board_follows').where({ board_id: id.board }).orderBy('committee_id').pluck('committee_id')).sort()).toEqual([id.sus, id.bsu].sort());
    expect(await t.db('audit_log').where({ action: 'board.follows', entity_id: id.board }).first('id')).toBeDefined();
    // Back to the three committees of seed 004.
    await secretary.post(`/admin/raad/${id.board}/foelger`, { committees: [String(id.sus), String(id.bsu), String(id.ebu)] }).expect(303);
  });

  it('mails the board members and shows the agenda on "Mine møder" when a followed committee publishes it', async () => {
    const before = await t.db('mail_outbox').where({ kind: 'board_agenda_notice' }).count<{ count: number }[]>('* as count');
    expect(Number(before[0]?.count)).toBe(0);
    await secretary.post(`/admin/moeder/${id.meeting}/offentliggoer`).expect(303);
    expect((await t.db('meetings').where({ id: id.meeting }).first('status')).status).toBe('agenda_published');

    const mails = (await t.db('mail_outbox').where({ kind: 'board_agenda_notice', meeting_id: id.meeting }).select('to_address', 'subject', 'body')) as Array<{ to_address: string; subject: string; body: string }>;
    const to = mails.map((m) => m.to_address).sort();
    // The present term's 8 members and, as the constituting meeting decided, its 3 substitutes; nobody who left.
    expect(to).toHaveLength(11);
    expect(to).toEqual(expect.arrayContaining(['jette.moeller@demo.test', 'bente.nielsen@demo.test', 'rene.jakobsen@demo.test']));
    expect(to).not.toContain('kim.andersen@demo.test');
    expect(mails[0]?.subject).toBe('Ny dagsorden: Social- og Sundhedsudvalget 7. december 2026');
    expect(mails[0]?.body).toContain('Punkt 1. Sundhedspolitik 2027: høring af borgerne');
    expect(mails[0]?.body).not.toContain('Klage i en enkeltsag');
    expect(mails[0]?.body).toContain(`/raad/${id.board}`);

    // Told once: a second run (a retried job, a double click) sends nothing.
    const mailer = createMailer({ smtpUrl: undefined, from: 'x <x@x.invalid>', baseUrl: 'http://moedebog.test' });
    expect(await notifyFollowingBoards({ db: t.db, mailer }, id.meeting, fixedNow())).toBe(0);

    const mine = await text(chair, '/mine-moeder');
    expect(mine).toContain('Nye dagsordener fra udvalg, dit råd følger');
    expect(mine).toContain('Dagsorden: Social- og Sundhedsudvalget, 7. december 2026');
    const board = await text(chair, `/raad/${id.board}`);
    expect(board).toContain('Punkt 1. Sundhedspolitik 2027: høring af borgerne');
    expect(board).not.toContain('Klage i en enkeltsag');
  });

  it('sends a comment to the committee secretary, shows it to the committee members and on the board’s public page', async () => {
    const form = await text(chair, `/raad/${id.board}/punkter/${id.open}/bemaerkning`);
    expect(form).toContain('Punkt 1. Sundhedspolitik 2027: høring af borgerne');

    const empty = await chair.post(`/raad/${id.board}/punkter/${id.open}/bemaerkning`, { text: '  ' });
    expect(empty.status).toBe(422);
    expect(pageText(empty.text)).toContain('Skriv rådets bemærkning');
    expect((await chair.post(`/raad/${id.board}/punkter/${id.open}/bemaerkning`, { text: ['a', 'b'] })).status).toBe(422);

    const comment = 'Udsatterådet anbefaler, at udsatte borgere inddrages særskilt i høringen af sundhedspolitikken.';
    const sent = await chair.post(`/raad/${id.board}/punkter/${id.open}/bemaerkning`, { text: comment });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`/raad/${id.board}`);

    const mail = (await t.db('mail_outbox').where({ kind: 'board_comment', meeting_id: id.meeting }).select('to_address', 'subject', 'body')) as Array<{ to_address: string; subject: string; body: string }>;
    expect(mail.map((m) => m.to_address)).toEqual(['sekretaer@demo.test']);
    expect(mail[0]?.subject).toBe('Bemærkning fra Udsatterådet: Social- og Sundhedsudvalget 7. december 2026, punkt 1');
    expect(mail[0]?.body).toContain(comment);

    expect(await text(secretary, '/admin/raadsbemaerkninger')).toContain(comment);
    const susse = await loginAs(app, 'susse@demo.test');
    const memberPage = await text(susse, `/mine-moeder/${id.meeting}`);
    expect(memberPage).toContain('Bemærkninger fra råd og nævn');
    expect(memberPage).toContain(`Punkt 1 Sundhedspolitik 2027: høring af borgerne – Udsatterådet`);
    expect(memberPage).toContain(comment);
    expect(await text(null, '/udvalg/udsatteraadet')).toContain('Social- og Sundhedsudvalget 7. december 2026, punkt 1 Sundhedspolitik 2027: høring af borgerne');
    expect(await text(null, '/udvalg/udsatteraadet/bemaerkninger')).toContain(comment);

    // Once per item; never on a closed item (404: its title is not shown either).
    const again = await chair.post(`/raad/${id.board}/punkter/${id.open}/bemaerkning`, { text: 'Igen' });
    expect(again.status).toBe(422);
    expect(pageText(again.text)).toContain('har allerede sendt en bemærkning til punkt 1');
    const closedForm = await chair.get(`/raad/${id.board}/punkter/${id.closed}/bemaerkning`);
    expect(closedForm.status).toBe(404);
    expect(closedForm.text).not.toContain('Klage i en enkeltsag');
    expect((await chair.post(`/raad/${id.board}/punkter/${id.closed}/bemaerkning`, { text: 'Lukket' })).status).toBe(404);
    expect(await t.db('board_comments').where({ item_id: id.closed }).first('id')).toBeUndefined();
  });

  it('lets a substitute of the board comment, but not a member of another committee or a former member', async () => {
    const substitute = await loginAs(app, 'bente.nielsen@demo.test');
    expect((await substitute.get(`/raad/${id.board}/punkter/${id.open}/bemaerkning`)).status).toBe(200);
    const lolan = await loginAs(app, 'lolan.ottesen@demo.test');
    expect((await lolan.get(`/raad/${id.board}`)).status).toBe(403);
    expect((await lolan.post(`/raad/${id.board}/punkter/${id.open}/bemaerkning`, { text: 'x' })).status).toBe(403);
    // Kim Andersen left the board in 2019: his old seat lets him read the board's page, not speak for it.
    await t.db('users').insert({ email: 'kim.andersen@demo.test', name: 'Kim Andersen', password_hash: await hashPassword('demo'), role: 'member', person_id: id.kim });
    const former = await loginAs(app, 'kim.andersen@demo.test');
    expect((await former.get(`/raad/${id.board}`)).status).toBe(200);
    expect((await former.post(`/raad/${id.board}/punkter/${id.open}/bemaerkning`, { text: 'x' })).status).toBe(403);
  });

  it('drops a comment from every list once its item is closed', async () => {
    const comment = 'Udsatterådet anbefaler, at udsatte borgere inddrages særskilt';
    await t.db('agenda_items').where({ id: id.open }).update({ is_closed: true });
    expect(await text(null, '/udvalg/udsatteraadet/bemaerkninger')).not.toContain(comment);
    expect(await text(null, '/udvalg/udsatteraadet')).not.toContain('Sundhedspolitik 2027');
    expect(await text(secretary, '/admin/raadsbemaerkninger')).not.toContain(comment);
    expect(await text(chair, `/raad/${id.board}`)).not.toContain(comment);
    expect(await text(await loginAs(app, 'susse@demo.test'), `/mine-moeder/${id.meeting}`)).not.toContain(comment);
    await t.db('agenda_items').where({ id: id.open }).update({ is_closed: false });
  });

  it('gives attendance per meeting, person and year to the secretariat, and the numbers on the public page', async () => {
    const admin = await text(secretary, `/admin/udvalg/${id.board}/fremmoede?aar=2018`);
    expect(admin).toContain('5 møder i 2018. Fremmødte af inviterede: 44 af 73 (60 %)');
    for (const row of ['17. april 2018 · Suppleanter 17. april 2018 15 af 15 10 af 10 0 5', '12. juni 2018 · Suppleanter 12. juni 2018 7 af 15 6 af 10 1 0', '4. september 2018 · Suppleanter 4. september 2018 8 af 15', '9. oktober 2018 · Suppleanter 9. oktober 2018 7 af 14', '20. november 2018 · Suppleanter 20. november 2018 7 af 14']) {
      expect(admin).toContain(row);
    }
    expect(admin).toContain('Jette Møller formand 5 5 0 0 0 0 100 %');
    expect(admin).toContain('Helle Jensen suppleant 5 0 2 1 2 0 60 %');
    expect(await text(secretary, '/admin/fremmoede?aar=2018')).toContain('Udsatterådet 5 møder 44 af 73 60 %');
    expect(await text(null, '/udvalg/udsatteraadet')).toContain('Fremmøde pr. år ved møder med offentliggjort referat År Møder Fremmødte af inviterede Fremmøde 2018 5 møder 44 af 73 60 %');

    // A substitute recorded as present beside her member counts at once.
    const page = await text(secretary, `/admin/moeder/${id.juneMeeting}/suppleanter`);
    expect(page).toContain('Mette Dam (suppleant for Anja Frederiksen): sad i Anja Frederiksens sted');
    const invalid = await secretary.post(`/admin/moeder/${id.juneMeeting}/suppleanter`, { [`status_${id.bente}`]: 'maybe' });
    expect(invalid.status).toBe(422);
    await secretary.post(`/admin/moeder/${id.juneMeeting}/suppleanter`, { [`status_${id.bente}`]: 'present' }).expect(303);
    expect(await text(secretary, `/admin/udvalg/${id.board}/fremmoede?aar=2018`)).toContain('45 af 73 (62 %)');
    expect(await text(null, '/udvalg/udsatteraadet')).toContain('2018 5 møder 45 af 73 62 %');
  });

  it('records the constituting meeting: chair and vice chair from that day, substitutes invited without a vote', async () => {
    const same = await secretary.post(`/admin/raad/${id.board}/konstituering`, { meetingId: String(id.firstBoardMeeting), chairId: String(id.jette), viceChairId: String(id.jette), substitutesAttendAll: 'on' });
    expect(same.status).toBe(422);
    expect(pageText(same.text)).toContain('Vælg en anden næstformand end formanden');
    const substitute = await secretary.post(`/admin/raad/${id.board}/konstituering`, { meetingId: String(id.firstBoardMeeting), chairId: String(id.bente), viceChairId: String(id.per) });
    expect(substitute.status).toBe(422);
    expect((await secretary.post(`/admin/raad/${id.board}/konstituering`, { meetingId: 'x' })).status).toBe(422);

    // Tina Rasmussen elected chair instead: her seat changes role from the meeting day, Jette Møller is a member again.
    await secretary.post(`/admin/raad/${id.board}/konstituering`, { meetingId: String(id.firstBoardMeeting), chairId: String(id.tina), viceChairId: String(id.per), substitutesAttendAll: 'on' }).expect(303);
    const seats = async (personId: number) =>
      t.db('memberships').where({ committee_id: id.board, person_id: personId }).where('valid_from', '<', '2022-01-01').orderBy('valid_from').select('role', 'valid_from', 'valid_to');
    expect(await seats(id.tina)).toEqual([
      { role: 'member', valid_from: '2018-03-13', valid_to: '2018-04-16' },
      { role: 'chair', valid_from: '2018-04-17', valid_to: '2021-12-31' },
    ]);
    expect((await seats(id.jette)).map((s) => s.role)).toEqual(['member', 'member']);
    expect(await text(secretary, `/admin/raad/${id.board}`)).toContain('formand Tina Rasmussen, næstformand Per Holm Larsen');
  });

  it('guards every new route: anonymous visitors go to /login, others are refused', async () => {
    const guest = await anonymous(app);
    const lolan = await loginAs(app, 'lolan.ottesen@demo.test');
    const member = [`/raad/${id.board}`, `/raad/${id.board}/punkter/${id.open}/bemaerkning`];
    const staff = [
      `/admin/raad/${id.board}`,
      `/admin/moeder/${id.juneMeeting}/suppleanter`,
      '/admin/raadsbemaerkninger',
      '/admin/fremmoede',
      `/admin/udvalg/${id.board}/fremmoede`,
      `/admin/udvalg/${id.board}/aarsberetning/2018`,
    ];
    const posts = [
      `/raad/${id.board}/punkter/${id.open}/bemaerkning`,
      `/admin/raad/${id.board}/foelger`,
      `/admin/raad/${id.board}/konstituering`,
      `/admin/moeder/${id.juneMeeting}/suppleanter`,
      `/admin/udvalg/${id.board}/aarsberetning/2018`,
      `/admin/udvalg/${id.board}/aarsberetning/2018/offentliggoer`,
    ];
    for (const path of [...member, ...staff]) {
      const res = await guest.get(path);
      expect({ path, status: res.status, to: res.headers.location?.split('?')[0] }).toEqual({ path, status: 303, to: '/login' });
      expect({ path, status: (await lolan.get(path)).status }).toEqual({ path, status: 403 });
    }
    for (const path of posts) {
      expect({ path, status: (await guest.post(path, {})).status }).toEqual({ path, status: 303 });
      expect({ path, status: (await lolan.post(path, {})).status }).toEqual({ path, status: 403 });
    }
    // A board member is no secretary; the board pages of a committee that is not a board do not exist.
    expect((await chair.get(`/admin/raad/${id.board}`)).status).toBe(403);
    expect((await secretary.get(`/admin/raad/${id.sus}`)).status).toBe(404);
    expect((await secretary.get(`/raad/${id.sus}`)).status).toBe(404);
    expect((await request(app).get('/udvalg/social-og-sundhedsudvalget-albertslund/bemaerkninger')).status).toBe(404);
  });
});
