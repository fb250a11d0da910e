import type { Db } from '../../src/db/knex';
import type { WebSession } from './fuzz-http';

/**
 * Meetings in the states the demo data lacks, made through the app as a secretary would, and
 * other rows of the demo data, so that the fuzz test finds (and fuzzes) the forms that only
 * show in those states: a planned meeting's (publish, move or delete an item), the minutes
 * draft's (votes, amendments, minority statements), the approval round's (approve, remark,
 * remind, approve on behalf, answer a remark), reopening published minutes, a consultation's,
 * and an advisory board meeting's substitutes. Each is a set of path parameters: the sample
 * parameters with the ids of that state's rows. The same steps on copies of the same database
 * give the same ids, which is what lets every lane of the fuzz test share one set of targets.
 */
export interface Stage {
  name: string;
  params: Record<string, string>;
}

export async function stageStates(db: Db, browsers: { secretary: WebSession; member: WebSession }, sample: Record<string, string>): Promise<Stage[]> {
  const { secretary, member } = browsers;
  const post = async (browser: WebSession, path: string, fields: Record<string, string>): Promise<string> => {
    const res = await browser.post(path, new URLSearchParams(fields).toString());
    if (res.status !== 303) throw new Error(`staging the fuzz test: POST ${path} answered ${res.status}: ${res.text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').slice(0, 2000)}`);
    return res.headers.location ?? '';
  };
  const idIn = (location: string, pattern: RegExp): string => {
    const id = pattern.exec(location)?.[1];
    if (!id) throw new Error(`staging the fuzz test: no id in the redirect to ${location}`);
    return id;
  };
  /** A meeting of the sample committee early on the test's today (test/helpers/clock.ts), with two items */
  const meeting = async (startTime: string, caseNo: number): Promise<Record<string, string>> => {
    const meetingId = idIn(await post(secretary, `/admin/udvalg/${sample.committeeId}/moeder`, { date: '2026-11-24', startTime, location: 'Rådhuset' }), /^\/admin\/moeder\/(\d+)$/);
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
  const approval = await meeting('08:00', 121);
  await toMinutesDraft(approval);
  await post(secretary, `/admin/moeder/${approval.meetingId}/frigiv`, {});
  const page = await member.get(`/mine-moeder/${approval.meetingId}`);
  const hash = /name="hash" value="([^"]+)"/.exec(page.text)?.[1];
  if (!hash) throw new Error('staging the fuzz test: no approval form on /mine-moeder');
  await post(member, `/mine-moeder/${approval.meetingId}/bemaerkning`, { hash, text: 'Punkt 1 mangler en rettelse.' });
  const remark = (await db('minutes_remarks').where({ meeting_id: Number(approval.meetingId) }).first('id')) as { id: number };

  // From the demo data: published minutes, a consultation with its parties and points, a board's meeting.
  const published = (await db('meetings').where({ committee_id: Number(sample.committeeId), status: 'minutes_published' }).orderBy('starts_at', 'desc').first('id', 'slug')) as { id: number; slug: string };
  const publishedItem = (await db('agenda_items').where({ meeting_id: published.id, kind: 'regular', is_closed: false }).orderBy('id').first('id')) as { id: number };
  const consultation = (await db('consultations').orderBy('id').first('id', 'item_id', 'slug')) as { id: number; item_id: number; slug: string } | undefined;
  const party = consultation && ((await db('consultation_parties').where({ consultation_id: consultation.id }).orderBy('id').first('id')) as { id: number } | undefined);
  const point = consultation && ((await db('consultation_points').where({ consultation_id: consultation.id }).orderBy('id').first('id')) as { id: number } | undefined);
  const boardMeeting = (await db('meetings as m').join('committees as c', 'c.id', 'm.committee_id').where('c.kind', 'advisory_board').orderBy('m.starts_at', 'desc').first('m.id', 'm.committee_id')) as { id: number; committee_id: number };

  const stages: Stage[] = [
    { name: 'planned meeting', params: planned },
    { name: 'minutes draft', params: draft },
    { name: 'approval round', params: { ...approval, remarkId: String(remark.id) } },
    { name: 'published minutes', params: { ...sample, meetingId: String(published.id), slug: published.slug, itemId: String(publishedItem.id) } },
    { name: 'advisory board meeting', params: { ...sample, meetingId: String(boardMeeting.id), boardId: String(boardMeeting.committee_id) } },
  ];
  if (consultation && party && point) {
    stages.push({
      name: 'consultation',
      params: { ...sample, itemId: String(consultation.item_id), consultationId: String(consultation.id), partyId: String(party.id), pointId: String(point.id), slug: consultation.slug },
    });
  }
  return stages;
}
