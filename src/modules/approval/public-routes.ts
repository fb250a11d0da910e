import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/knex';
import { formatDate } from '../../i18n/format';
import type { RouteDeps } from '../../routes';
import { NotFoundError } from '../../web/errors';
import type { RouteDef } from '../../web/route-table';
import { isAgendaPublic, type MeetingStatus } from '../meetings/meeting-status';
import { cachedPublicView } from '../meetings/service';
import { diffLines, readableLines } from './canonical';
import { approvalRecord, publishedVersions, type ApprovalRecordView, type PublishedVersion } from './record';

const slugParam = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(200);
const versionParam = z.coerce.number().int().min(1).max(100_000);

export interface MinutesContext {
  approval: ApprovalRecordView | null;
  reopened: { reason: string; version: number } | null;
  snapshotHtml: string | null;
}

/** What the public meeting page adds about approved minutes: the approval record, or the last approved version while a correction is under way. */
export async function minutesContext(db: Db, meeting: { id: number; slug: string; status: MeetingStatus }): Promise<MinutesContext> {
  const versions = await publishedVersions(db, meeting.id);
  const latest = versions.at(-1);
  if (!latest) return { approval: null, reopened: null, snapshotHtml: null };
  const approval = await approvalRecord(db, meeting, latest, versions);
  if (meeting.status === 'minutes_published') return { approval, reopened: null, snapshotHtml: null };
  return { approval, reopened: { reason: latest.reopenReason ?? '', version: latest.version }, snapshotHtml: latest.publicHtml };
}

export function minutesPublicRoutes({ db, cache }: RouteDeps): RouteDef[] {
  const find = async (req: Request): Promise<{ meeting: { id: number; slug: string; status: MeetingStatus; committee: string; startsAt: Date }; version: PublishedVersion; all: PublishedVersion[] }> => {
    const slug = slugParam.safeParse(req.params.slug);
    const number = versionParam.safeParse(req.params.version);
    if (!slug.success || !number.success) throw new NotFoundError('Versionen');
    const meeting = await db('meetings as m')
      .join('committees as c', 'c.id', 'm.committee_id')
      .where('m.slug', slug.data)
      .whereNot('c.kind', 'external_party')
      .first('m.id', 'm.slug', 'm.status', 'c.name as committee', 'm.starts_at as startsAt');
    if (!meeting || !isAgendaPublic(meeting.status)) throw new NotFoundError('Versionen');
    const all = await publishedVersions(db, meeting.id);
    const version = all.find((v) => v.version === number.data);
    if (!version) throw new NotFoundError('Versionen');
    return { meeting, version, all };
  };

  const showVersion = async (req: Request, res: Response) => {
    const { meeting, version, all } = await find(req);
    const isCurrent = version === all.at(-1) && meeting.status === 'minutes_published';
    const html = version.publicHtml;
    let meetingView = null;
    if (!html && isCurrent) meetingView = (await cachedPublicView(cache, db, meeting.slug)) ?? null;
    if (!html && !meetingView) throw new NotFoundError('Versionen');
    res.render('pages/public/minutes-version', {
      pageTitle: `Referat ${meeting.committee} ${formatDate(meeting.startsAt)}, version ${version.version}`,
      snapshotHtml: html,
      meeting: meetingView,
      notice: isCurrent ? null : { version: version.version, latest: all.at(-1)?.version, href: `/dagsorden/${meeting.slug}` },
      approval: await approvalRecord(db, meeting, version, all),
      breadcrumbs: [{ href: '/', text: 'Forside' }, { href: `/dagsorden/${meeting.slug}`, text: `Referat ${formatDate(meeting.startsAt)}` }, { text: `Version ${version.version}` }],
    });
  };

  const canonical = async (req: Request, res: Response) => {
    const { version } = await find(req);
    const snapshot = await db('minutes_snapshots').where({ content_hash: version.contentHash }).first('canonical');
    res.type('application/json; charset=utf-8').set('Content-Disposition', `inline; filename="referat-v${version.version}.json"`).send(snapshot.canonical as string);
  };

  const changes = async (req: Request, res: Response) => {
    const { meeting, version, all } = await find(req);
    const previous = all.filter((v) => v.version < version.version).at(-1);
    if (!previous) throw new NotFoundError('Ændringerne');
    const [before, after] = await Promise.all(
      [previous, version].map(async (v) => (await db('minutes_snapshots').where({ content_hash: v.contentHash }).first('canonical')).canonical as string),
    );
    const diff = diffLines(readableLines(before as string), readableLines(after as string)).filter((l) => l.kind !== 'same');
    res.render('pages/public/minutes-changes', {
      pageTitle: `Ændringer i referatet, version ${previous.version} til ${version.version}`,
      from: previous.version,
      to: version.version,
      reason: previous.reopenReason,
      diff,
      breadcrumbs: [{ href: '/', text: 'Forside' }, { href: `/dagsorden/${meeting.slug}`, text: `Referat ${formatDate(meeting.startsAt)}` }, { text: 'Ændringer' }],
    });
  };

  const open = { kind: 'public' } as const;
  return [
    { method: 'get', path: '/dagsorden/:slug/referat/version/:version', access: open, handlers: [showVersion] },
    { method: 'get', path: '/dagsorden/:slug/referat/version/:version/referat.json', access: open, handlers: [canonical] },
    { method: 'get', path: '/dagsorden/:slug/referat/version/:version/aendringer', access: open, handlers: [changes] },
  ];
}
