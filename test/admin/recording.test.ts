import type { Express } from 'express';
import { fromCopenhagenLocal } from '../../src/i18n/format';
import { hashPassword } from '../../src/modules/auth/password';
import { testApp } from '../helpers/app';
import { pageText } from '../helpers/page-text';
import { anonymous, loginAs, type Browser } from '../helpers/session';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

/**
 * Recording a meeting: attendance, decisions, amendments, named votes and dissents,
 * and the minutes draft the committee's members read. The test clock says
 * 24 November 2026; the held meeting was the day before.
 */
describe('recording a meeting', () => {
  let t: TestDb;
  let app: Express;
  let secretary: Browser;
  const ids = {
    committee: 0,
    held: 0,
    planned: 0,
    noted: 0, // item decided "Taget til efterretning"
    policy: 0, // item with two recommendation points
    closed: 0,
    plannedItem: 0,
    sofie: 0, // Jack Nør's personal substitute
  };
  const person: Record<string, number> = {};

  async function insertItem(meetingId: number, number: number, fields: Record<string, unknown>, points: string[] = []): Promise<number> {
    const [row] = await t.db('agenda_items').insert({ meeting_id: meetingId, number, position: number, ...fields }).returning('id');
    const id = (row as { id: number }).id;
    for (const [i, text] of points.entries()) await t.db('recommendation_points').insert({ item_id: id, number: i + 1, text });
    return id;
  }

  async function version(itemId: number): Promise<string> {
    const row = await t.db('agenda_items').where({ id: itemId }).first('version');
    return String(row.version);
  }

  async function meetingVersion(meetingId: number): Promise<string> {
    const row = await t.db('meetings').where({ id: meetingId }).first('version');
    return String(row.version);
  }

  /** Every member present, except the given overrides. */
  function attendanceFields(v: string, overrides: Record<string, string> = {}): Record<string, string> {
    const fields: Record<string, string> = { version: v };
    for (const key of ['lolan', 'kaare', 'dennis', 'maria', 'jack', 'ali', 'birgitte']) {
      const id = person[key] as number;
      fields[`status_${id}`] = 'present';
      fields[`reason_${id}`] = '';
      fields[`substitute_${id}`] = '';
    }
    return { ...fields, ...overrides };
  }

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    app = testApp(t);
    const committee = await t.db('committees as c').join('bodies as b', 'b.id', 'c.body_id').where({ 'c.name': 'Social- og Sundhedsudvalget', 'b.is_primary': true }).first('c.id', 'c.slug', 'c.body_id');
    ids.committee = committee.id;
    const byEmail = async (email: string) => ((await t.db('people').where({ email }).first('id')) as { id: number }).id;
    person.lolan = await byEmail('lolan.ottesen@demo.test');
    person.kaare = await byEmail('kaare.harder.olesen@demo.test');
    person.dennis = await byEmail('dennis.soerensen@demo.test');
    person.maria = await byEmail('maria.lundahl.assov@demo.test');
    person.jack = await byEmail('jack.noer@demo.test');
    person.ali = await byEmail('ali.abbasi@demo.test');
    person.birgitte = await byEmail('birgitte.dahl@demo.test');

    // A personal substitute for Jack Nør in the committee's current term.
    const [sofie] = await t.db('people').insert({ body_id: committee.body_id, name: 'Sofie Stedfortræder' }).returning('id');
    ids.sofie = (sofie as { id: number }).id;
    await t.db('memberships').insert({
      committee_id: ids.committee,
      person_id: ids.sofie,
      role: 'substitute',
      party: 'A',
      substitute_for_person_id: person.jack,
      voting_right: true,
      valid_from: '2022-01-01',
    });

    const [held] = await t
      .db('meetings')
      .insert({ committee_id: ids.committee, slug: `${committee.slug}-23-11-2026`, starts_at: fromCopenhagenLocal('2026-11-23T16:00'), status: 'held', location: 'Mødelokale 1' })
      .returning('id');
    ids.held = (held as { id: number }).id;
    ids.noted = await insertItem(ids.held, 1, { title: 'Orientering om ventelister til plejeboliger', summary: '<p>Status på ventelisterne.</p>', decided_by_committee_id: ids.committee }, ['<p>Orienteringen tages til efterretning.</p>']);
    ids.policy = await insertItem(
      ids.held,
      2,
      { title: 'Sundhedspolitik 2027, høring', summary: '<p>Udkast til sundhedspolitik.</p>', recommendation_by: 'Center for Sundhed', decided_by_committee_id: ids.committee },
      ['<p>Udkast til sundhedspolitik godkendes.</p>', '<p>Udkastet sendes i høring.</p>'],
    );
    ids.closed = await insertItem(ids.held, 3, { title: 'Køb af ejendommen Mosevej 4', is_closed: true, summary: '<p>Fortroligt købstilbud.</p>' });
    await insertItem(ids.held, 4, { title: 'Godkendelse af referat (underskriftside)', kind: 'minutes_approval' });

    const [planned] = await t
      .db('meetings')
      .insert({ committee_id: ids.committee, slug: `${committee.slug}-15-12-2026`, starts_at: fromCopenhagenLocal('2026-12-15T16:00'), status: 'planned' })
      .returning('id');
    ids.planned = (planned as { id: number }).id;
    ids.plannedItem = await insertItem(ids.planned, 1, { title: 'Budgetopfølgning' }, ['<p>Budgetopfølgningen godkendes.</p>']);

    secretary = await loginAs(app, 'sekretaer@demo.test');
  });
  afterAll(() => t.drop());

  it('records attendance: one member absent with "Afbud", one replaced by the personal substitute', async () => {
    const page = await secretary.get(`/admin/moeder/${ids.held}/fremmoede`).expect(200);
    const text = pageText(page.text);
    expect(text).toContain('Lolan Ottesen (A), formand');
    expect(text).toContain('Sofie Stedfortræder (A)');
    // Jack Nør's personal substitute is chosen in advance.
    expect(page.text).toMatch(new RegExp(`<select[^>]*name="substitute_${person.jack}"[\\s\\S]*?<option value="${ids.sofie}" selected>`));
    expect(page.text).toMatch(/<fieldset>\s*<legend class="form-label h5">Lolan Ottesen/);

    const res = await secretary.post(
      `/admin/moeder/${ids.held}/fremmoede`,
      attendanceFields(await meetingVersion(ids.held), {
        [`status_${person.birgitte}`]: 'absent',
        [`reason_${person.birgitte}`]: 'Afbud',
        [`status_${person.jack}`]: 'substitute',
        [`reason_${person.jack}`]: 'Sygdom',
        [`substitute_${person.jack}`]: String(ids.sofie),
      }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/admin/moeder/${ids.held}/fremmoede`);
    const rows = await t.db('attendance').where({ meeting_id: ids.held }).select('person_id', 'status', 'reason', 'substitute_for_person_id');
    expect(rows).toHaveLength(8);
    expect(rows).toContainEqual({ person_id: person.birgitte, status: 'absent', reason: 'Afbud', substitute_for_person_id: null });
    expect(rows).toContainEqual({ person_id: person.jack, status: 'absent', reason: 'Sygdom', substitute_for_person_id: null });
    expect(rows).toContainEqual({ person_id: ids.sofie, status: 'substitute', reason: null, substitute_for_person_id: person.jack });
    const audit = await t.db('audit_log').where({ action: 'meeting.attendance', entity_id: ids.held }).first('after');
    expect(audit).toBeDefined();

    const again = await secretary.get(`/admin/moeder/${ids.held}/fremmoede`).expect(200);
    expect(pageText(again.text)).toContain('Fremmødet er gemt.');
    expect(again.text).toMatch(new RegExp(`id="f-status_${person.birgitte}-absent" name="status_${person.birgitte}" value="absent" class="form-radio" checked`));
  });

  it('refuses attendance that names someone who cannot sit in the seat, and attendance before the meeting day', async () => {
    const before = await t.db('attendance').where({ meeting_id: ids.held }).orderBy('person_id').select();
    const lolanAsSubstitute = await secretary.post(
      `/admin/moeder/${ids.held}/fremmoede`,
      attendanceFields(await meetingVersion(ids.held), { [`status_${person.jack}`]: 'substitute', [`substitute_${person.jack}`]: String(person.lolan) }),
    );
    expect(lolanAsSubstitute.status).toBe(422);
    expect(pageText(lolanAsSubstitute.text)).toContain('Vælg en stedfortræder fra listen');
    const unknown = await secretary.post(`/admin/moeder/${ids.held}/fremmoede`, attendanceFields(await meetingVersion(ids.held), { status_999999: 'present' }));
    expect(unknown.status).toBe(422);
    const missing = { ...attendanceFields(await meetingVersion(ids.held)) };
    delete missing[`status_${person.ali}`];
    const incomplete = await secretary.post(`/admin/moeder/${ids.held}/fremmoede`, missing);
    expect(incomplete.status).toBe(422);
    expect(pageText(incomplete.text)).toContain('Fejl:');
    expect(await t.db('attendance').where({ meeting_id: ids.held }).orderBy('person_id').select()).toEqual(before);

    const early = await secretary.post(`/admin/moeder/${ids.planned}/fremmoede`, attendanceFields(await meetingVersion(ids.planned)));
    expect(early.status).toBe(422);
    expect(pageText(early.text)).toContain('Fremmøde kan først registreres på mødedagen, 15. december 2026.');
    expect(await t.db('attendance').where({ meeting_id: ids.planned }).count<{ count: number }[]>('* as count')).toEqual([{ count: 0 }]);
  });

  it('records "Taget til efterretning" for a whole item with one click', async () => {
    const page = await secretary.get(`/admin/punkter/${ids.noted}/beslutning`).expect(200);
    for (const phrase of ['Godkendt', 'Indstillingen godkendt', 'Taget til efterretning', 'Udsættes', 'Godkendt med følgende bemærkninger:']) {
      expect(pageText(page.text)).toContain(phrase);
    }
    const res = await secretary.post(`/admin/punkter/${ids.noted}/beslutning`, { version: await version(ids.noted), mode: 'whole', phrase: 'noted', text: '' });
    expect(res.status).toBe(303);
    const item = await t.db('agenda_items').where({ id: ids.noted }).first('decision', 'version');
    expect(item.decision).toBe('<p>Taget til efterretning.</p>');
    expect(item.version).toBe(2);
    expect(await t.db('audit_log').where({ action: 'item.decision', entity_id: ids.noted }).first('id')).toBeDefined();
    // The form opens again with the phrase chosen.
    const again = await secretary.get(`/admin/punkter/${ids.noted}/beslutning`).expect(200);
    expect(again.text).toMatch(/value="noted" class="form-radio" checked/);
  });

  it('records an amendment with a named vote, per-point decisions, a point vote, inhabilitet and a dissent', async () => {
    const url = `/admin/punkter/${ids.policy}`;
    // Maria Lundahl Assov is inhabil; the decision is taken per point.
    let res = await secretary.post(`${url}/beslutning`, {
      version: await version(ids.policy),
      mode: 'points',
      phrase: '',
      text: '',
      phrase_1: 'approved',
      text_1: '',
      phrase_2: 'approved_with_remarks',
      text_2: 'Høringsfristen er **1. februar 2027**.',
      conflict: String(person.maria),
      [`note_${person.maria}`]: 'Bestyrelsesmedlem i Sundhedsforeningen',
    });
    expect(res.status).toBe(303);

    res = await secretary.post(`${url}/aendringsforslag`, {
      version: await version(ids.policy),
      amendment_proposer: String(person.kaare),
      amendment_point: '1',
      amendment_text: 'Afsnittet om forebyggelse udvides med en indsats for ældre.',
      amendment_outcome: 'rejected',
    });
    expect(res.status).toBe(303);
    const amendment = await t.db('amendments').where({ item_id: ids.policy }).first('id', 'point_number', 'outcome');
    expect(amendment).toMatchObject({ point_number: 1, outcome: 'rejected' });

    res = await secretary.post(`${url}/afstemninger`, {
      version: await version(ids.policy),
      vote_target: `amendment-${amendment.id}`,
      [`ballot_${person.lolan}`]: 'against',
      [`ballot_${person.kaare}`]: 'for',
      [`ballot_${person.dennis}`]: 'against',
      [`ballot_${person.ali}`]: 'abstain',
      [`ballot_${ids.sofie}`]: 'for',
    });
    expect(res.status).toBe(303);
    res = await secretary.post(`${url}/afstemninger`, {
      version: await version(ids.policy),
      vote_target: 'point-2',
      [`ballot_${person.lolan}`]: 'for',
      [`ballot_${person.kaare}`]: 'against',
      [`ballot_${person.dennis}`]: 'for',
      [`ballot_${person.ali}`]: 'for',
      [`ballot_${ids.sofie}`]: '',
    });
    expect(res.status).toBe(303);
    res = await secretary.post(`${url}/mindretalsudtalelser`, {
      version: await version(ids.policy),
      dissent_person: String(person.kaare),
      dissent_point: '1',
      dissent_text: 'kunne ikke godkende indstillingens punkt 1, da ændringsforslaget ikke blev vedtaget.',
    });
    expect(res.status).toBe(303);

    const votes = await t.db('votes').where({ item_id: ids.policy }).orderBy('position').select('amendment_id', 'point_number');
    expect(votes).toEqual([
      { amendment_id: amendment.id, point_number: 1 },
      { amendment_id: null, point_number: 2 },
    ]);
    const points = await t.db('recommendation_points').where({ item_id: ids.policy }).orderBy('number').pluck('decision');
    expect(points).toEqual(['<p>Godkendt.</p>', '<p>Godkendt med følgende bemærkninger:</p><p>Høringsfristen er <strong>1. februar 2027</strong>.</p>']);
    expect(await t.db('item_absences').where({ item_id: ids.policy }).select('person_id', 'reason', 'note')).toEqual([
      { person_id: person.maria, reason: 'conflict_of_interest', note: 'Bestyrelsesmedlem i Sundhedsforeningen' },
    ]);
    expect(await version(ids.policy)).toBe('6');
  });

  it('shows the minutes draft to a member of the committee, with votes, parties, absences and closed items', async () => {
    const member = await loginAs(app, 'lolan.ottesen@demo.test');
    const list = await member.get('/mine-moeder').expect(200);
    expect(list.text).toContain(`href="/mine-moeder/${ids.held}"`);
    expect(pageText(list.text)).toContain('Referatudkast: Social- og Sundhedsudvalget, 23. november 2026');

    const res = await member.get(`/mine-moeder/${ids.held}`).expect(200);
    const text = pageText(res.text);
    expect(text).toContain('Udkast – ikke offentliggjort');
    expect(text).toContain('Birgitte Dahl (O): Afbud');
    expect(text).toContain('Sofie Stedfortræder (A), suppleant, stedfortræder for Jack Nør');
    expect(text).toContain('Taget til efterretning.');
    expect(text).toContain('Indstillingens punkt 1: Godkendt.');
    expect(text).toContain('Kåre Harder Olesen (V) fremsatte følgende ændringsforslag: Afsnittet om forebyggelse udvides med en indsats for ældre.');
    expect(text).toContain('For stemte: Kåre Harder Olesen (V), Sofie Stedfortræder (A).');
    expect(text).toContain('Imod stemte: Lolan Ottesen (A), Dennis Sørensen (A).');
    expect(text).toContain('Undlod at stemme: Ali Abbasi (Ø).');
    expect(text).toContain('Ændringsforslaget er dermed faldet.');
    expect(text).toContain('Kåre Harder Olesen (V) kunne ikke godkende indstillingens punkt 1, da ændringsforslaget ikke blev vedtaget.');
    // The vote on point 2 itself follows that point's decision.
    expect(text).toContain(
      'Indstillingens punkt 2: Godkendt med følgende bemærkninger: Høringsfristen er 1. februar 2027 . For stemte: Lolan Ottesen (A), Ali Abbasi (Ø), Dennis Sørensen (A). Imod stemte: Kåre Harder Olesen (V).',
    );
    expect(text).toContain('Fraværende under punktet Maria Lundahl Assov (A) (inhabil): Bestyrelsesmedlem i Sundhedsforeningen');
    // Members read closed items too.
    expect(text).toContain('Fortroligt købstilbud.');

    // Once the minutes are published, the notice goes and citizens read the same votes (closed items still hidden).
    await t.db('meetings').where({ id: ids.held }).update({ status: 'minutes_published' });
    try {
      expect(pageText((await member.get(`/mine-moeder/${ids.held}`).expect(200)).text)).not.toContain('Udkast – ikke offentliggjort');
      const slug = ((await t.db('meetings').where({ id: ids.held }).first('slug')) as { slug: string }).slug;
      const published = pageText((await (await anonymous(app)).get(`/dagsorden/${slug}`).expect(200)).text);
      expect(published).toContain('Imod stemte: Kåre Harder Olesen (V).');
      expect(published).toContain('For stemte: Kåre Harder Olesen (V), Sofie Stedfortræder (A).');
      expect(published).not.toContain('Fortroligt købstilbud.');
    } finally {
      // Published minutes are locked in the database; reopening goes back to the draft.
      await t.db('meetings').where({ id: ids.held }).update({ status: 'minutes_draft' });
    }

    // The public still sees nothing of it.
    const anon = await anonymous(app);
    const publicPage = await anon.get(`/mine-moeder/${ids.held}`);
    expect(publicPage.status).toBe(303);
    expect(publicPage.headers.location).toBe(`/login?next=${encodeURIComponent(`/mine-moeder/${ids.held}`)}`);
  });

  it('keeps a member of another committee and anonymous users out', async () => {
    const krogh = (await t.db('people').where({ name: 'Susanne Krogh' }).first('id')) as { id: number };
    const susSeat = await t.db('memberships').where({ committee_id: ids.committee, person_id: krogh.id }).first('id');
    expect(susSeat).toBeUndefined();
    await t.db('users').insert({ email: 'susanne.krogh@demo.test', name: 'Susanne Krogh', password_hash: await hashPassword('demo'), role: 'member', person_id: krogh.id });
    const other = await loginAs(app, 'susanne.krogh@demo.test');
    expect((await other.get(`/mine-moeder/${ids.held}`)).status).toBe(403);
    expect((await other.get(`/admin/punkter/${ids.policy}/beslutning`)).status).toBe(403);
    const mine = await other.get('/mine-moeder').expect(200);
    expect(mine.text).not.toContain(`/mine-moeder/${ids.held}"`);

    const anon = await anonymous(app);
    const admin = await anon.get(`/admin/punkter/${ids.policy}/beslutning`);
    expect(admin.status).toBe(303);
    expect(admin.headers.location).toMatch(/^\/login/);
    expect((await anon.post(`/admin/punkter/${ids.policy}/beslutning`, { version: '1', mode: 'whole', phrase: 'approved' })).status).toBe(303);
    expect((await anon.get('/mine-moeder')).headers.location).toMatch(/^\/login/);

    // The secretariat has its own start page.
    const staff = await secretary.get('/mine-moeder');
    expect(staff.status).toBe(303);
    expect(staff.headers.location).toBe('/admin');
  });

  it('opens the form again with the decision text as it was typed', async () => {
    const typed = 'Udvalget ønsker en status i marts.\n\n- ventetider\n- antal ansøgere';
    const res = await secretary.post(`/admin/punkter/${ids.noted}/beslutning`, { version: await version(ids.noted), mode: 'whole', phrase: 'noted', text: typed });
    expect(res.status).toBe(303);
    expect((await t.db('agenda_items').where({ id: ids.noted }).first('decision')).decision).toBe(
      '<p>Taget til efterretning.</p><p>Udvalget ønsker en status i marts.</p><ul><li>ventetider</li><li>antal ansøgere</li></ul>',
    );
    const page = await secretary.get(`/admin/punkter/${ids.noted}/beslutning`).expect(200);
    expect(page.text).toContain(`name="text" rows="4" aria-describedby="f-text-hint">${typed}</textarea>`);
    const back = await secretary.post(`/admin/punkter/${ids.noted}/beslutning`, { version: await version(ids.noted), mode: 'whole', phrase: 'noted', text: '' });
    expect(back.status).toBe(303);
  });

  it('answers a stale version with 409, keeps the typed text and saves nothing', async () => {
    const before = await t.db('agenda_items').where({ id: ids.noted }).first('decision', 'version');
    const res = await secretary.post(`/admin/punkter/${ids.noted}/beslutning`, {
      version: String(before.version - 1),
      mode: 'whole',
      phrase: 'approved_with_remarks',
      text: 'Min forældede bemærkning',
    });
    expect(res.status).toBe(409);
    expect(pageText(res.text)).toContain('Punktet er blevet ændret af en anden');
    expect(res.text).toContain('Min forældede bemærkning');
    expect(res.text).toMatch(/<title>Fejl: /);
    expect(await t.db('agenda_items').where({ id: ids.noted }).first('decision', 'version')).toEqual(before);

    const stale = await secretary.post(`/admin/punkter/${ids.policy}/mindretalsudtalelser`, {
      version: '1',
      dissent_person: String(person.ali),
      dissent_text: 'kunne ikke godkende punktet.',
    });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('kunne ikke godkende punktet.');
    expect(await t.db('dissents').where({ item_id: ids.policy }).count<{ count: number }[]>('* as count')).toEqual([{ count: 1 }]);
  });

  it('answers bad input with 422 and saves nothing', async () => {
    const url = `/admin/punkter/${ids.policy}`;
    const snapshot = async () => ({
      item: await t.db('agenda_items').where({ id: ids.policy }).first('decision', 'version'),
      points: await t.db('recommendation_points').where({ item_id: ids.policy }).orderBy('number').select('decision'),
      votes: await t.db('votes').where({ item_id: ids.policy }).count<{ count: number }[]>('* as count'),
      ballots: await t.db('vote_ballots').count<{ count: number }[]>('* as count'),
      amendments: await t.db('amendments').where({ item_id: ids.policy }).count<{ count: number }[]>('* as count'),
      dissents: await t.db('dissents').where({ item_id: ids.policy }).count<{ count: number }[]>('* as count'),
      absences: await t.db('item_absences').where({ item_id: ids.policy }).select(),
    });
    const before = await snapshot();
    const v = await version(ids.policy);
    const amendment = await t.db('amendments').where({ item_id: ids.policy }).first('id');
    const cases: Array<[string, Record<string, string | string[]>, string]> = [
      // A vote with nobody voting
      [`${url}/afstemninger`, { version: v, vote_target: 'point-1', [`ballot_${person.lolan}`]: '', [`ballot_${person.kaare}`]: '' }, 'Angiv mindst én stemme'],
      // An unknown person
      [`${url}/afstemninger`, { version: v, vote_target: 'point-1', ballot_999999: 'for' }, 'Kun mødets deltagere kan stemme'],
      // A member who was absent from the meeting
      [`${url}/afstemninger`, { version: v, vote_target: 'point-1', [`ballot_${person.birgitte}`]: 'for' }, 'Kun mødets deltagere kan stemme'],
      // An inhabil member voting
      [`${url}/afstemninger`, { version: v, vote_target: 'point-1', [`ballot_${person.maria}`]: 'for' }, 'er inhabil i punktet og kan ikke stemme'],
      // A second vote on the same amendment
      [`${url}/afstemninger`, { version: v, vote_target: `amendment-${amendment.id}`, [`ballot_${person.lolan}`]: 'for' }, 'allerede registreret en afstemning'],
      // A point that does not exist
      [`${url}/afstemninger`, { version: v, vote_target: 'point-9', [`ballot_${person.lolan}`]: 'for' }, 'Indstillingen har ikke et punkt 9'],
      [`${url}/aendringsforslag`, { version: v, amendment_proposer: String(person.kaare), amendment_point: '3', amendment_text: 'Tekst', amendment_outcome: 'adopted' }, 'Indstillingen har ikke et punkt 3'],
      [`${url}/mindretalsudtalelser`, { version: v, dissent_person: String(person.kaare), dissent_point: '7', dissent_text: 'kunne ikke godkende.' }, 'Indstillingen har ikke et punkt 7'],
      // Nobody proposing, no text, no outcome
      [`${url}/aendringsforslag`, { version: v, amendment_point: '', amendment_text: '  ' }, 'Vælg, hvem der fremsatte ændringsforslaget'],
      // A person of another committee as proposer, a malformed id as dissenter
      [`${url}/aendringsforslag`, { version: v, amendment_proposer: '999999', amendment_text: 'Tekst', amendment_outcome: 'adopted' }, 'Vælg kun blandt mødets deltagere'],
      [`${url}/mindretalsudtalelser`, { version: v, dissent_person: 'abc', dissent_text: 'kunne ikke godkende.' }, 'Vælg personer blandt mødets deltagere'],
      // Absent from the meeting, yet marked inhabil; both absent and inhabil
      [`${url}/beslutning`, { version: v, mode: 'whole', phrase: 'approved', conflict: String(person.birgitte) }, 'Vælg kun blandt mødets deltagere'],
      [`${url}/beslutning`, { version: v, mode: 'whole', phrase: 'approved', absent: String(person.ali), conflict: String(person.ali) }, 'både være fraværende og inhabil'],
      // Remarks promised but not written; an unknown phrase; a point that does not exist; fields of the wrong shape
      [`${url}/beslutning`, { version: v, mode: 'whole', phrase: 'approved_with_remarks', text: '' }, 'Skriv bemærkningerne'],
      [`${url}/beslutning`, { version: v, mode: 'whole', phrase: 'vedtaget' }, 'Vælg en af standardteksterne'],
      [`${url}/beslutning`, { version: v, mode: 'points', phrase_1: 'approved', phrase_5: 'approved' }, 'Indstillingen har ikke et punkt 5'],
      [`${url}/beslutning`, { version: v, mode: ['whole', 'points'], phrase: 'approved' }, 'Vælg, om beslutningen gælder hele punktet'],
      [`${url}/beslutning`, { version: v, mode: 'whole', phrase: ['approved', 'noted'] }, 'Vælg en af standardteksterne'],
      [`${url}/beslutning`, { mode: 'whole', phrase: 'approved' }, 'Formularen mangler sin version'],
    ];
    for (const [path, fields, message] of cases) {
      const res = await secretary.post(path, fields);
      if (res.status !== 422) throw new Error(`${path} ${JSON.stringify(fields)} gave ${res.status}`);
      expect(pageText(res.text)).toContain(message);
      expect(pageText(res.text)).toContain('Der er problemer');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets the secretary remove a vote, an amendment and a dissent again', async () => {
    const url = `/admin/punkter/${ids.policy}`;
    const pointVote = await t.db('votes').where({ item_id: ids.policy }).whereNull('amendment_id').first('id');
    expect((await secretary.post(`${url}/afstemninger/slet`, { version: await version(ids.policy), vote_id: String(pointVote.id) })).status).toBe(303);
    const dissent = await t.db('dissents').where({ item_id: ids.policy }).first('id');
    expect((await secretary.post(`${url}/mindretalsudtalelser/slet`, { version: await version(ids.policy), dissent_id: String(dissent.id) })).status).toBe(303);
    const amendment = await t.db('amendments').where({ item_id: ids.policy }).first('id');
    // The amendment's vote is not another item's to delete, and what is gone cannot be removed again.
    const amendmentVote = await t.db('votes').where({ amendment_id: amendment.id }).first('id');
    const wrongItem = await secretary.post(`/admin/punkter/${ids.noted}/afstemninger/slet`, { version: await version(ids.noted), vote_id: String(amendmentVote.id) });
    expect(wrongItem.status).toBe(422);
    expect(pageText(wrongItem.text)).toContain('Afstemningen findes ikke længere på punktet');
    expect((await secretary.post(`${url}/afstemninger/slet`, { version: await version(ids.policy), vote_id: String(pointVote.id) })).status).toBe(422);
    expect((await secretary.post(`${url}/afstemninger/slet`, { version: await version(ids.policy) })).status).toBe(422);
    expect((await secretary.post(`${url}/aendringsforslag/slet`, { version: await version(ids.policy), amendment_id: String(amendment.id) })).status).toBe(303);
    expect(await t.db('votes').where({ item_id: ids.policy }).count<{ count: number }[]>('* as count')).toEqual([{ count: 0 }]);
    expect(await t.db('amendments').where({ item_id: ids.policy }).count<{ count: number }[]>('* as count')).toEqual([{ count: 0 }]);
    expect(await t.db('dissents').where({ item_id: ids.policy }).count<{ count: number }[]>('* as count')).toEqual([{ count: 0 }]);
    const actions = await t.db('audit_log').where({ entity: 'agenda_item', entity_id: ids.policy }).pluck('action');
    expect(actions).toEqual(expect.arrayContaining(['item.vote.remove', 'item.dissent.remove', 'item.amendment.remove']));
  });

  it('refuses decisions for a planned meeting and once the minutes are locked', async () => {
    const page = await secretary.get(`/admin/punkter/${ids.plannedItem}/beslutning`).expect(200);
    expect(pageText(page.text)).toContain('Mødet er kun planlagt');
    expect(page.text).not.toContain('Gem beslutning');
    const res = await secretary.post(`/admin/punkter/${ids.plannedItem}/beslutning`, { version: await version(ids.plannedItem), mode: 'whole', phrase: 'approved' });
    expect(res.status).toBe(422);
    expect(pageText(res.text)).toContain('Mødet er kun planlagt');
    expect((await t.db('agenda_items').where({ id: ids.plannedItem }).first('decision')).decision).toBeNull();

    // While the minutes are out for approval the secretary may still correct them (that asks the members again).
    await t.db('meetings').where({ id: ids.held }).update({ status: 'minutes_in_approval' });
    try {
      const corrected = await secretary.post(`/admin/punkter/${ids.noted}/beslutning`, { version: await version(ids.noted), mode: 'whole', phrase: 'noted' });
      expect(corrected.status).toBe(303);
    } finally {
      await t.db('meetings').where({ id: ids.held }).update({ status: 'held' });
    }
  });

  it('seats any person of the body as a one-day substitute, listed with the member they replace', async () => {
    const krogh = (await t.db('people').where({ name: 'Susanne Krogh' }).first('id')) as { id: number };
    const res = await secretary.post(
      `/admin/moeder/${ids.held}/fremmoede`,
      attendanceFields(await meetingVersion(ids.held), {
        [`status_${person.birgitte}`]: 'substitute',
        [`reason_${person.birgitte}`]: 'Afbud',
        [`substitute_${person.birgitte}`]: String(krogh.id),
        [`status_${person.jack}`]: 'substitute',
        [`substitute_${person.jack}`]: String(ids.sofie),
      }),
    );
    expect(res.status).toBe(303);
    const seat = await t.db('memberships').where({ committee_id: ids.committee, person_id: krogh.id }).first('role', 'valid_from', 'valid_to', 'substitute_for_person_id');
    expect(seat).toEqual({ role: 'substitute', valid_from: '2026-11-23', valid_to: '2026-11-23', substitute_for_person_id: person.birgitte });
    const member = await loginAs(app, 'lolan.ottesen@demo.test');
    const text = pageText((await member.get(`/mine-moeder/${ids.held}`).expect(200)).text);
    expect(text).toContain('Susanne Krogh, suppleant, stedfortræder for Birgitte Dahl');

    // Back to Birgitte Dahl absent: the one-day seat goes again.
    const back = await secretary.post(
      `/admin/moeder/${ids.held}/fremmoede`,
      attendanceFields(await meetingVersion(ids.held), { [`status_${person.birgitte}`]: 'absent', [`reason_${person.birgitte}`]: 'Afbud' }),
    );
    expect(back.status).toBe(303);
    expect(await t.db('memberships').where({ committee_id: ids.committee, person_id: krogh.id }).first('id')).toBeUndefined();
  });
});
