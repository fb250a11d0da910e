import type { Db } from '../../src/db/knex';
import { hashAnswerToken } from '../../src/modules/consultations/token';
import { choicesOf, submittedFields } from './fuzz-forms';
import type { WebSession } from './fuzz-http';
import { multipartBody } from './fuzz-multipart';

/**
 * Meetings in the states the demo data lacks, made through the app as a secretary would, and
 * other rows of the demo data, so that the fuzz test finds (and fuzzes) the forms that only
 * show in those states: a planned meeting's (publish, move or delete an item), a cancelled one's
 * (reinstate it), the minutes draft's (votes, amendments, minority statements, and the buttons
 * that delete a recorded one), the approval round's (approve, remark, remind, approve on behalf,
 * answer a remark), reopening published minutes, an advisory board meeting's substitutes, a
 * consultation's summary, and an open consultation's: an outside party's answer through its
 * link, a party's link, and placing a committee's consultation item on a meeting.
 *
 * Each is a set of path parameters: the sample parameters with the ids of that state's rows. The
 * same steps on copies of the same database give the same ids, which is what lets every lane of
 * the fuzz test share one set of targets. The steps post the forms the pages show
 * (test/security/fuzz-forms.ts), with only the choices a secretary would make filled in.
 */
export interface Stage {
  name: string;
  params: Record<string, string>;
}

/**
 * The outside party's answer link of the staged consultation. The app makes a random one and mails
 * it; every lane must fuzz the same path, so the staging gives the party this one instead (its
 * SHA-256, as the app stores it: src/modules/consultations/token.ts).
 */
export const STAGED_ANSWER_TOKEN = 'FuzzLinkFuzzLinkFuzzLinkFuzzLinkFuzzLink0_-';

export async function stageStates(db: Db, browsers: { secretary: WebSession; admin: WebSession; member: WebSession }, sample: Record<string, string>): Promise<Stage[]> {
  const { secretary, admin, member } = browsers;
  const failed = (what: string, res: { status: number; text: string }) =>
    new Error(`staging the fuzz test: ${what} answered ${res.status}: ${res.text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').slice(0, 2000)}`);
  const post = async (browser: WebSession, path: string, fields: Record<string, string> | Array<[string, string]>): Promise<string> => {
    const res = await browser.post(path, new URLSearchParams(fields).toString());
    if (res.status !== 303) throw failed(`POST ${path}`, res);
    return res.headers.location ?? '';
  };
  const page = async (browser: WebSession, path: string): Promise<string> => {
    const res = await browser.get(path);
    if (res.status !== 200) throw failed(`GET ${path}`, res);
    return res.text;
  };
  /** Submits the form posting to `action` as `pagePath` shows it, with `set` filled in */
  const submit = async (browser: WebSession, pagePath: string, action: string, set: (choices: Map<string, string[]>) => Record<string, string | string[] | undefined>) => {
    const html = await page(browser, pagePath);
    return post(browser, action, submittedFields(html, action, set(choicesOf(html, action))));
  };
  const first = (choices: Map<string, string[]>, name: string): string => {
    const value = choices.get(name)?.find((v) => v !== '');
    if (value === undefined) throw new Error(`staging the fuzz test: the form offers no ${name}`);
    return value;
  };
  const idIn = (location: string, pattern: RegExp): string => {
    const id = pattern.exec(location)?.[1];
    if (!id) throw new Error(`staging the fuzz test: no id in the redirect to ${location}`);
    return id;
  };
  const newMeeting = async (browser: WebSession, committeeId: string, date: string, startTime: string): Promise<string> =>
    idIn(await post(browser, `/admin/udvalg/${committeeId}/moeder`, { date, startTime, location: 'Rådhuset' }), /^\/admin\/moeder\/(\d+)$/);
  /** A meeting of the sample committee early on the test's today (test/helpers/clock.ts), with two items */
  const meeting = async (startTime: string, caseNo: number): Promise<Record<string, string>> => {
    const meetingId = await newMeeting(secretary, sample.committeeId as string, '2026-11-24', startTime);
    const itemId = idIn(await post(secretary, `/admin/moeder/${meetingId}/punkter`, { title: 'Fuzzpunkt et', kind: 'regular', caseNumber: `27.00.00-A00-${caseNo}-26` }), /^\/admin\/punkter\/(\d+)$/);
    await post(secretary, `/admin/moeder/${meetingId}/punkter`, { title: 'Fuzzpunkt to', kind: 'regular', caseNumber: `27.00.00-A00-${caseNo + 1}-26` });
    const { slug } = (await db('meetings').where({ id: Number(meetingId) }).first('slug')) as { slug: string };
    return { ...sample, meetingId, itemId, slug };
  };
  const toMinutesDraft = async (params: Record<string, string>) => {
    await post(secretary, `/admin/moeder/${params.meetingId}/offentliggoer`, {});
    await post(secretary, `/admin/moeder/${params.meetingId}/status`, { to: 'held' });
    await post(secretary, `/admin/moeder/${params.meetingId}/status`, { to: 'minutes_draft' });
  };

  const planned = await meeting('07:00', 101);
  const draft = await meeting('07:30', 111);
  await toMinutesDraft(draft);
  // What the draft's delete buttons delete: an amendment voted on, one not yet (so that the vote form still has something to vote on), a minority statement.
  const decision = `/admin/punkter/${draft.itemId}/beslutning`;
  for (const text of ['Fuzzændringsforslag et', 'Fuzzændringsforslag to']) {
    await submit(secretary, decision, `/admin/punkter/${draft.itemId}/aendringsforslag`, (c) => ({
      amendment_proposer: first(c, 'amendment_proposer'),
      amendment_text: text,
      amendment_outcome: first(c, 'amendment_outcome'),
    }));
  }
  await submit(secretary, decision, `/admin/punkter/${draft.itemId}/afstemninger`, (c) => {
    const ballot = [...c.keys()].find((name) => name.startsWith('ballot_'));
    if (!ballot) throw new Error('staging the fuzz test: the vote form names no ballots');
    return { vote_target: first(c, 'vote_target'), [ballot]: 'for' };
  });
  await submit(secretary, decision, `/admin/punkter/${draft.itemId}/mindretalsudtalelser`, (c) => ({ dissent_person: first(c, 'dissent_person'), dissent_text: 'kunne ikke tiltræde fuzzforslaget.' }));

  const approval = await meeting('08:00', 121);
  await toMinutesDraft(approval);
  await post(secretary, `/admin/moeder/${approval.meetingId}/frigiv`, {});
  const memberPage = await page(member, `/mine-moeder/${approval.meetingId}`);
  await post(member, `/mine-moeder/${approval.meetingId}/bemaerkning`, submittedFields(memberPage, `/mine-moeder/${approval.meetingId}/bemaerkning`, { text: 'Punkt 1 mangler en rettelse.' }));
  const remark = (await db('minutes_remarks').where({ meeting_id: Number(approval.meetingId) }).first('id')) as { id: number };

  // A cancelled meeting: its page offers to reinstate it.
  const cancelledId = await newMeeting(secretary, sample.committeeId as string, '2026-11-30', '16:00');
  await post(secretary, `/admin/moeder/${cancelledId}/aflys`, {});

  // An open consultation from the planned meeting's item, with its draft uploaded through the upload form: an outside party
  // (answers through its link) and a committee with no coming meeting when it started, so its item waits to be placed on one.
  const uploadPage = `/admin/punkter/${planned.itemId}/bilag`;
  const upload = multipartBody(
    submittedFields(await page(secretary, uploadPage), uploadPage, { title: 'Udkast til fuzzhøring' }).map(([field, value]) => ({ field, value })),
    [{ field: 'file', fileName: 'udkast.pdf', nameAs: 'browser', contentType: 'application/pdf', content: { kind: 'fixture', file: 'attachments/minimal.pdf' } }],
    { kind: 'none' },
  );
  const uploaded = await secretary.postMultipart(uploadPage, upload.body, upload.contentType);
  if (uploaded.status !== 303) throw failed(`POST ${uploadPage} (the draft)`, uploaded);
  const origin = (await db('committees').where({ id: Number(sample.committeeId) }).first('body_id')) as { body_id: number };
  const today = '2026-11-24';
  const waiting = (await db('committees as c')
    .where({ 'c.body_id': origin.body_id, 'c.kind': 'committee' })
    .whereNot('c.id', Number(sample.committeeId))
    .whereNotExists(db('meetings as m').whereRaw('m.committee_id = c.id').where('m.starts_at', '>', `${today}T23:59:59Z`))
    .orderBy('c.id')
    .first('c.id')) as { id: number } | undefined;
  const outside = (await db('committees').where({ body_id: origin.body_id, kind: 'external_party' }).whereNotNull('contact_email').orderBy('id').first('id')) as { id: number } | undefined;
  if (!waiting || !outside) throw new Error('staging the fuzz test: the demo data has no committee without coming meetings, or no outside party with an e-mail address');
  const consultationId = idIn(
    await submit(secretary, `/admin/punkter/${planned.itemId}/hoeringer/ny`, `/admin/punkter/${planned.itemId}/hoeringer`, () => ({ parties: [String(waiting.id), String(outside.id)] })),
    /\/hoeringer\/(\d+)$/,
  );
  await newMeeting(admin, String(waiting.id), '2026-12-08', '16:00');
  const parties = (await db('consultation_parties').where({ consultation_id: Number(consultationId) }).select('id', 'committee_id')) as Array<{ id: number; committee_id: number }>;
  const outsideParty = parties.find((p) => p.committee_id === outside.id);
  const waitingParty = parties.find((p) => p.committee_id === waiting.id);
  if (!outsideParty || !waitingParty) throw new Error('staging the fuzz test: the consultation lacks a party');
  await db('consultation_parties').where({ id: outsideParty.id }).update({ token_hash: hashAnswerToken(STAGED_ANSWER_TOKEN) });
  const opened = (await db('consultations').where({ id: Number(consultationId) }).first('slug')) as { slug: string };

  // From the demo data: published minutes, a consultation with its parties and points, a board's meeting with substitutes on its day.
  const published = (await db('meetings').where({ committee_id: Number(sample.committeeId), status: 'minutes_published' }).orderBy('starts_at', 'desc').first('id', 'slug')) as { id: number; slug: string };
  const publishedItem = (await db('agenda_items').where({ meeting_id: published.id, kind: 'regular', is_closed: false }).orderBy('id').first('id')) as { id: number };
  const consultation = (await db('consultations').whereNot({ id: Number(consultationId) }).orderBy('id').first('id', 'item_id', 'slug')) as { id: number; item_id: number; slug: string } | undefined;
  const party = consultation && ((await db('consultation_parties').where({ consultation_id: consultation.id }).orderBy('id').first('id')) as { id: number } | undefined);
  const point = consultation && ((await db('consultation_points').where({ consultation_id: consultation.id }).orderBy('id').first('id')) as { id: number } | undefined);
  const boardMeeting = (await db('meetings as m')
    .join('committees as c', 'c.id', 'm.committee_id')
    .where('c.kind', 'advisory_board')
    .where('m.cancelled', false)
    .where('m.starts_at', '<=', `${today}T00:00:00Z`)
    .whereExists(
      db('memberships as ms')
        .whereRaw('ms.committee_id = m.committee_id')
        .where('ms.role', 'substitute')
        .whereRaw("ms.valid_from <= (m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date")
        .whereRaw("(ms.valid_to IS NULL OR ms.valid_to >= (m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date)"),
    )
    .orderBy('m.starts_at', 'desc')
    .first('m.id', 'm.committee_id')) as { id: number; committee_id: number } | undefined;
  if (!boardMeeting) throw new Error('staging the fuzz test: the demo data has no board meeting with substitutes');

  const stages: Stage[] = [
    { name: 'planned meeting', params: planned },
    { name: 'minutes draft', params: draft },
    { name: 'approval round', params: { ...approval, remarkId: String(remark.id) } },
    { name: 'cancelled meeting', params: { ...sample, meetingId: cancelledId } },
    { name: 'published minutes', params: { ...sample, meetingId: String(published.id), slug: published.slug, itemId: String(publishedItem.id) } },
    { name: 'advisory board meeting', params: { ...sample, meetingId: String(boardMeeting.id), boardId: String(boardMeeting.committee_id) } },
    {
      name: 'open consultation: outside party',
      params: { ...sample, itemId: planned.itemId as string, consultationId, partyId: String(outsideParty.id), token: STAGED_ANSWER_TOKEN, slug: opened.slug },
    },
    { name: 'open consultation: committee to place', params: { ...sample, itemId: planned.itemId as string, consultationId, partyId: String(waitingParty.id), slug: opened.slug } },
  ];
  if (consultation && party && point) {
    stages.push({
      name: 'consultation',
      params: { ...sample, itemId: String(consultation.item_id), consultationId: String(consultation.id), partyId: String(party.id), pointId: String(point.id), slug: consultation.slug },
    });
  }
  return stages;
}
