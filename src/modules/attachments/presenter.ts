import { formatDate } from '../../i18n/format';
import { isAgendaPublic } from '../meetings/meeting-status';
import { publicFileHref } from './file-name';
import type { AttachmentItem, AttachmentRow } from './repository';
import { attachmentsLocked, formatFileSize } from './service';

/** What one attachment's edit form shows: its saved values, or what the user just sent and the errors. */
export interface EditState {
  attachmentId: number;
  values: { title: string; recommended: boolean; isPublic: boolean; changeNote: string };
  errors: Record<string, string>;
}

export interface AttachmentRowView {
  id: number;
  number: number;
  title: string;
  fileName: string | null;
  size: string | null;
  recommended: boolean;
  isPublic: boolean;
  group: string | null;
  fileHref: string | null;
  publicHref: string | null;
  action: string;
  deleteAction: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  form: EditState['values'];
  errors: Record<string, string>;
}

export interface AttachmentsPageView {
  pageTitle: string;
  breadcrumbs: Array<{ href?: string; text: string }>;
  item: {
    id: number;
    number: number;
    title: string;
    version: number;
    closed: boolean;
    published: boolean;
    /** Approved minutes: the page only lists */
    locked: boolean;
    isAnnouncements: boolean;
    editHref: string;
    uploadAction: string;
  };
  attachments: AttachmentRowView[];
  subPointOptions: Array<{ value: string; text: string }>;
  maxSize: string;
  accept: string;
}

function subPointLabel(s: AttachmentItem['subPoints'][number]): string {
  return `Meddelelse ${s.number}${s.title ? `: ${s.title}` : ''}`;
}

export function presentAttachmentsPage(item: AttachmentItem, rows: AttachmentRow[], o: { maxBytes: number; accept: string; editing?: EditState }): AttachmentsPageView {
  const published = isAgendaPublic(item.meetingStatus);
  const publiclyServed = published && !item.isClosed && item.committeeKind !== 'external_party';
  const groupOf = (row: AttachmentRow) => row.subPointId ?? 0;
  const attachments = rows.map((row, index): AttachmentRowView => {
    const siblings = rows.filter((r) => groupOf(r) === groupOf(row));
    const place = siblings.findIndex((r) => r.id === row.id);
    const sub = item.subPoints.find((s) => s.id === row.subPointId);
    const editing = o.editing?.attachmentId === row.id ? o.editing : undefined;
    return {
      id: row.id,
      number: index + 1,
      title: row.title,
      fileName: row.fileName,
      size: row.sizeBytes === null ? null : formatFileSize(row.sizeBytes),
      recommended: row.recommended,
      isPublic: row.isPublic,
      group: sub ? subPointLabel(sub) : null,
      fileHref: row.storageKey ? `/admin/bilag/${row.id}/fil` : null,
      publicHref: publiclyServed && row.isPublic && row.storageKey && row.fileName ? publicFileHref(row.id, row.fileName) : null,
      action: `/admin/bilag/${row.id}`,
      deleteAction: `/admin/bilag/${row.id}/slet`,
      canMoveUp: place > 0,
      canMoveDown: place < siblings.length - 1,
      form: editing?.values ?? { title: row.title, recommended: row.recommended, isPublic: row.isPublic, changeNote: '' },
      errors: editing?.errors ?? {},
    };
  });
  return {
    pageTitle: `Bilag til punkt ${item.number}: ${item.title}`,
    breadcrumbs: [
      { href: '/admin', text: 'Administration' },
      { href: `/admin/moeder/${item.meetingId}`, text: `${item.committeeName} ${formatDate(item.meetingStartsAt)}` },
      { href: `/admin/punkter/${item.id}`, text: `Punkt ${item.number}` },
      { text: 'Bilag' },
    ],
    item: {
      id: item.id,
      number: item.number,
      title: item.title,
      version: item.version,
      closed: item.isClosed,
      published,
      locked: attachmentsLocked(item.meetingStatus),
      isAnnouncements: item.kind === 'announcements',
      editHref: `/admin/punkter/${item.id}`,
      uploadAction: `/admin/punkter/${item.id}/bilag`,
    },
    attachments,
    subPointOptions: item.subPoints.map((s) => ({ value: String(s.id), text: subPointLabel(s) })),
    maxSize: formatFileSize(o.maxBytes),
    accept: o.accept,
  };
}
