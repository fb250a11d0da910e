import type { Db } from '../../db/knex';
import { formatDate, formatTime } from '../../i18n/format';

export interface ApprovalRecordView {
  version: number;
  hash: string;
  canonicalHref: string;
  approvers: Array<{ name: string; party: string | null; at: string; registeredReason: string | null }>;
  versions: Array<{ version: number; href: string; publishedAt: string; reopenReason: string | null; diffHref: string | null; previous: number }>;
}

export interface PublishedVersion {
  id: number;
  version: number;
  round: number;
  contentHash: string;
  publishedAt: Date;
  publicHtml: string | null;
  reopenedAt: Date | null;
  reopenReason: string | null;
}

export async function publishedVersions(db: Db, meetingId: number): Promise<PublishedVersion[]> {
  return db('minutes_versions')
    .where({ meeting_id: meetingId })
    .whereNotNull('published_at')
    .orderBy('version')
    .select('id', 'version', 'round', 'content_hash as contentHash', 'published_at as publishedAt', 'public_html as publicHtml', 'reopened_at as reopenedAt', 'reopen_reason as reopenReason');
}

/** What the public page shows about a published version: who approved it and when, and its hash. */
export async function approvalRecord(db: Db, meeting: { id: number; slug: string }, version: PublishedVersion, all: PublishedVersion[]): Promise<ApprovalRecordView> {
  const approvals = (await db('minutes_approvals as a')
    .join('people as p', 'p.id', 'a.person_id')
    .join('meetings as m', 'm.id', 'a.meeting_id')
    .where({ 'a.meeting_id': meeting.id, 'a.content_hash': version.contentHash, 'a.round': version.round })
    .orderBy('a.approved_at')
    .select(
      'p.name',
      'a.approved_at',
      'a.registered_reason',
      db.raw(`(SELECT ms.party FROM memberships ms WHERE ms.person_id = p.id AND ms.committee_id = m.committee_id AND ms.party IS NOT NULL ORDER BY ms.valid_from DESC LIMIT 1) AS party`),
    )) as Array<{ name: string; approved_at: Date; registered_reason: string | null; party: string | null }>;
  const base = `/dagsorden/${meeting.slug}/referat`;
  return {
    version: version.version,
    hash: version.contentHash,
    canonicalHref: `${base}/version/${version.version}/referat.json`,
    approvers: approvals.map((a) => ({ name: a.name, party: a.party, at: `${formatDate(a.approved_at)} kl. ${formatTime(a.approved_at)}`, registeredReason: a.registered_reason })),
    versions:
      all.length > 1
        ? all.map((v, i) => ({
            version: v.version,
            href: `${base}/version/${v.version}`,
            publishedAt: formatDate(v.publishedAt),
            reopenReason: v.reopenReason,
            diffHref: i > 0 ? `${base}/version/${v.version}/aendringer` : null,
            previous: all[i - 1]?.version ?? 0,
          }))
        : [],
  };
}
