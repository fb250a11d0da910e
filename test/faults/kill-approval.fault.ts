import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { formFields, login, type WebClient } from '../../src/bench/web-client';
import type { ServerProcess } from '../helpers/server-process';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { blockedBackends, endBackends, inspectSite, Servers, sitePublishesSettled, siteFile, tempDir, waitFor } from './helpers';

const SLUG = 'social-og-sundhedsudvalget-06-04-2021';
const MEMBERS = ['lolan.ottesen', 'kaare.harder.olesen', 'dennis.soerensen', 'maria.lundahl.assov', 'jack.noer', 'ali.abbasi', 'birgitte.dahl'].map((n) => `${n}@demo.test`);
const PAGE = `dagsorden/${SLUG}/index.html`;

interface MinutesState {
  status: string;
  versions: number[];
  approvals: number;
  locked: boolean;
  publishAudits: number;
}

/**
 * kill -9 while members approve minutes. The last approval locks the minutes and publishes
 * them as a new version, in one transaction; the static site follows in a job. Killed at
 * any point, the minutes are either still in approval (no new version, not locked) or
 * approved, locked and published with their version, never between; the approval can be
 * finished afterwards, and the static site catches up after the restart.
 */
describe('a hard kill while minutes are approved', () => {
  let t: TestDb;
  let work: string;
  let out: string;
  let env: Record<string, string>;
  let meetingId: number;
  const servers = new Servers();

  beforeAll(async () => {
    t = await cloneDemoDatabase();
    work = tempDir('fault-approval');
    out = path.join(work, 'site');
    env = { DATABASE_URL: t.url, DATA_DIR: path.join(work, 'data') };
    meetingId = (await t.db('meetings').where({ slug: SLUG }).first('id')).id as number;
  });
  afterAll(async () => {
    await servers.stopAll();
    fs.rmSync(work, { recursive: true, force: true });
    await t.drop();
  });

  const origin = (s: ServerProcess) => `http://127.0.0.1:${s.port}`;

  const state = async (): Promise<MinutesState> => {
    const meeting = await t.db('meetings').where({ id: meetingId }).first('status', 'approval_round');
    const versions = (await t.db('minutes_versions').where({ meeting_id: meetingId }).orderBy('version').pluck('version')) as number[];
    const approvals = await t.db('minutes_approvals').where({ meeting_id: meetingId, round: meeting.approval_round }).count<{ n: number }[]>('* as n');
    const locked = await t.db.raw<{ rows: Array<{ locked: boolean }> }>('SELECT minutes_locked(?) AS locked', [meetingId]);
    const audits = await t.db('audit_log').where({ entity: 'meeting', entity_id: meetingId, action: 'minutes.publish' }).count<{ n: number }[]>('* as n');
    return { status: meeting.status as string, versions, approvals: Number(approvals[0]?.n), locked: Boolean(locked.rows[0]?.locked), publishAudits: Number(audits[0]?.n) };
  };

  /** An edit of the minutes in the database (as the secretary would make in the draft) is refused exactly when they are locked. */
  const editRefused = async (): Promise<boolean> => {
    try {
      await t.db.transaction(async (trx) => {
        await trx('agenda_items').where({ meeting_id: meetingId, number: 1 }).update({ decision: '<p>Prøve</p>' });
        throw new Error('rollback');
      });
    } catch (error) {
      return (error as { code?: string }).code === 'MB001';
    }
    return false;
  };

  /** Reopen (admin), write `marker` into the minutes, release (secretary), and let all members but the last approve. */
  const newRound = async (s: ServerProcess, marker: string): Promise<void> => {
    const admin = await login(origin(s), 'admin@demo.test');
    const reopened = await admin.post(`/admin/moeder/${meetingId}/genaabn`, { reason: 'Rettelse af beslutningen i punkt 1' });
    expect(reopened.status).toBe(303);
    expect((await t.db('meetings').where({ id: meetingId }).first('status')).status).toBe('minutes_draft');
    await t.db('agenda_items').where({ meeting_id: meetingId, number: 1 }).update({ decision: `<p>Godkendt. ${marker}</p>` });
    const secretary = await login(origin(s), 'sekretaer@demo.test');
    expect((await secretary.post(`/admin/moeder/${meetingId}/frigiv`)).status).toBe(303);
    expect((await state()).status).toBe('minutes_in_approval');
    for (const email of MEMBERS.slice(0, -1)) expect(await approve(await login(origin(s), email))).toBe(303);
    expect((await state()).approvals).toBe(MEMBERS.length - 1);
  };

  const approvalForm = async (member: WebClient) => {
    const page = await member.get(`/mine-moeder/${meetingId}`);
    expect(page.status).toBe(200);
    return formFields(page.text, `/mine-moeder/${meetingId}/godkend`);
  };

  const approve = async (member: WebClient): Promise<number> => (await member.post(`/mine-moeder/${meetingId}/godkend`, await approvalForm(member))).status;

  const lockTable = async (table: string): Promise<Knex.Transaction> => {
    const trx = await t.db.transaction();
    await trx.raw(`LOCK TABLE ${table} IN SHARE MODE`);
    return trx;
  };

  it('keeps the minutes in approval or published, never between; the approval finishes and the site catches up', async () => {
    const before = await state();
    expect(before).toEqual({ status: 'minutes_published', versions: [1], approvals: 7, locked: true, publishAudits: 0 });

    // 1. Killed inside the last approval's transaction: the status already says published, the new version is being written.
    const s1 = await servers.start(env);
    await newRound(s1, 'RETTELSE-TO');
    const last = await login(origin(s1), MEMBERS.at(-1) as string);
    const form = await approvalForm(last);
    const versionsLock = await lockTable('minutes_versions');
    const answer = last.post(`/mine-moeder/${meetingId}/godkend`, form).then((r) => r.status, () => 'no answer');
    const blocked = await waitFor('the approval to wait inside its transaction', () => blockedBackends(t.db, /^insert into "minutes_versions"/i).then((p) => p.length > 0 && p));
    await servers.kill(s1);
    await endBackends(t.db, blocked);
    await versionsLock.rollback();
    expect(await answer).toBe('no answer');
    expect(await state()).toEqual({ status: 'minutes_in_approval', versions: [1], approvals: 6, locked: false, publishAudits: 0 });
    expect(await editRefused()).toBe(false);

    // 2. After a restart the public page still shows the published version only, and the last member approves again
    //    (the session survived). The publish job it queues is cut off by another kill before it starts.
    const started2 = new Date();
    const s2 = await servers.start({ ...env, STATIC_OUT_DIR: out });
    await sitePublishesSettled(t.db, started2);
    expect(inspectSite(out).problems).toEqual([]);
    expect(siteFile(out, PAGE)).not.toContain('RETTELSE-TO');
    const live = await fetch(`${origin(s2)}/dagsorden/${SLUG}`);
    expect(await live.text()).not.toContain('RETTELSE-TO');
    const resumed = await last.at(origin(s2)).post(`/mine-moeder/${meetingId}/godkend`, form, { timeoutMs: 120_000 });
    const queued = await t.db.raw<{ rows: Array<{ id: string }> }>(`SELECT id FROM pgboss.job WHERE name = 'site.publish' AND state = 'created' AND created_on >= ?`, [started2]);
    await servers.kill(s2);
    expect(resumed.status).toBe(303);
    expect(await state()).toEqual({ status: 'minutes_published', versions: [1, 2], approvals: 7, locked: true, publishAudits: 1 });
    expect(await editRefused()).toBe(true);
    expect(queued.rows).toHaveLength(1);
    const jobId = queued.rows[0]?.id as string;
    expect((await t.db.raw<{ rows: Array<{ state: string }> }>('SELECT state FROM pgboss.job WHERE id = ?', [jobId])).rows[0]?.state).toBe('created');
    expect(siteFile(out, PAGE)).not.toContain('RETTELSE-TO');

    // 3. The queued publish runs after the restart: the site shows version 2, whole.
    const started3 = new Date();
    const s3 = await servers.start({ ...env, STATIC_OUT_DIR: out });
    await waitFor('the queued publish to complete', async () => {
      const row = (await t.db.raw<{ rows: Array<{ state: string }> }>('SELECT state FROM pgboss.job WHERE id = ?', [jobId])).rows[0];
      if (row?.state === 'failed') throw new Error('the queued publish failed');
      return row?.state === 'completed';
    }, 300_000, 500);
    await sitePublishesSettled(t.db, started3);
    expect(inspectSite(out).problems).toEqual([]);
    expect(siteFile(out, PAGE)).toContain('RETTELSE-TO');

    // 4. Killed after the last approval committed but before its publish job was sent: the start-up publish brings the site along.
    const reopenedAt = new Date();
    await newRound(s3, 'RETTELSE-TRE');
    await sitePublishesSettled(t.db, reopenedAt);
    const jobsLock = await lockTable('pgboss.job');
    const third = await login(origin(s3), MEMBERS.at(-1) as string);
    const thirdForm = await approvalForm(third);
    const thirdAnswer = third.post(`/mine-moeder/${meetingId}/godkend`, thirdForm).then((r) => r.status, () => 'no answer');
    await waitFor('the approval to commit', async () => (await state()).status === 'minutes_published');
    await servers.kill(s3);
    await endBackends(t.db, await blockedBackends(t.db, /./));
    await jobsLock.rollback();
    expect(await thirdAnswer).toBe('no answer');
    expect(await state()).toEqual({ status: 'minutes_published', versions: [1, 2, 3], approvals: 7, locked: true, publishAudits: 2 });
    const waiting = await t.db.raw<{ rows: unknown[] }>(`SELECT id FROM pgboss.job WHERE name = 'site.publish' AND state IN ('created', 'retry')`);
    expect(waiting.rows).toEqual([]);
    expect(inspectSite(out).problems).toEqual([]);
    expect(siteFile(out, PAGE)).not.toContain('RETTELSE-TRE');

    const started4 = new Date();
    const s4 = await servers.start({ ...env, STATIC_OUT_DIR: out });
    await sitePublishesSettled(t.db, started4);
    expect(inspectSite(out).problems).toEqual([]);
    expect(siteFile(out, PAGE)).toContain('RETTELSE-TRE');
    expect(await servers.stop(s4)).toBe(0);
  });
});
