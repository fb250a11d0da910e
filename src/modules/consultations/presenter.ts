import { formatDate } from '../../i18n/format';
import { publicFileHref } from '../attachments/file-name';
import { itemHref } from '../meetings/presenter';
import { areMinutesPublic, isAgendaPublic } from '../meetings/meeting-status';
import { sanitizeRichText } from '../sanitize/html';
import { buildNumbering, decodeInlineRefs, referenceText, type Numbering } from './numbering';
import { consultationStatus, deadlinePassed, formatDay, formatPeriod, isLate, STATUS_LABELS } from './period';
import type { ConsultationRow, PartyRow, PointRow } from './repository';

export type Audience = 'public' | 'internal';

export const OUTCOME_LABELS = {
  change: 'Ændring foretaget',
  no_change: 'Ingen ændring',
  implementation: 'Til implementeringsfasen',
} as const;

const GROUP_LABELS: Record<string, (bodyName: string) => string> = {
  committee: (body) => `Politiske udvalg i ${body}`,
  advisory_board: (body) => `Råd og nævn i ${body}`,
  external_party: () => 'Eksterne interessenter',
};

function groupOf(kind: string): string {
  return kind === 'council' ? 'committee' : kind;
}

/** Citizens see a consultation when the item it was started from is open and on a published agenda. */
export function isPublicConsultation(c: ConsultationRow): boolean {
  return !c.originClosed && isAgendaPublic(c.originMeetingStatus) && c.committeeKind !== 'external_party';
}

/** Where a case page lives: by its number when that is URL-safe (and not all digits, which names an id). */
export function caseHref(caseId: number, caseNumber: string | null): string {
  return caseNumber && /^[A-Za-z0-9.-]+$/.test(caseNumber) && !/^\d+$/.test(caseNumber) ? `/sager/${caseNumber}` : `/sager/${caseId}`;
}

export function consultationHref(slug: string): string {
  return `/hoeringer/${slug}`;
}

/** The published summary as a PDF */
export function summaryPdfHref(slug: string): string {
  return `/hoeringer/${slug}/hoeringsnotat.pdf`;
}

export function adminConsultationHref(c: { itemId: number; id: number }): string {
  return `/admin/punkter/${c.itemId}/hoeringer/${c.id}`;
}

export interface ResponseView {
  number: number;
  partyId: number;
  name: string;
  via: 'meeting' | 'written';
  /** "Økonomiudvalget, 25. oktober 2022, punkt 7" / "Baldersbo, 13. oktober 2022" */
  reference: string;
  date: string;
  late: boolean;
  html: string | null;
  sender: string | null;
  file: { href: string; name: string } | null;
}

/** A consultee's response as the audience may see it, or null. A committee's is the decision on its item. */
export function partyResponse(c: ConsultationRow, p: PartyRow, number: number, audience: Audience): ResponseView | null {
  if (p.responseReceivedAt && p.responseSource) {
    const file = p.responseStorageKey && p.responseFileName
      ? {
          name: p.responseFileName,
          href:
            audience === 'public'
              ? `/hoeringer/${c.slug}/svar/${p.id}/${encodeURIComponent(p.responseFileName)}`
              : `${adminConsultationHref(c)}/parter/${p.id}/fil`,
        }
      : null;
    return {
      number,
      partyId: p.id,
      name: p.name,
      via: 'written',
      reference: `${p.name}, ${formatDate(p.responseReceivedAt)}`,
      date: formatDate(p.responseReceivedAt),
      late: isLate(p.responseReceivedAt, c.deadline),
      html: p.responseText ? sanitizeRichText(p.responseText) : null,
      sender: p.responseSender,
      file,
    };
  }
  if (p.itemId !== null && p.itemDecision && p.meetingStartsAt && p.itemNumber !== null) {
    const visible = audience === 'internal' || (!p.itemClosed && p.meetingStatus !== null && areMinutesPublic(p.meetingStatus));
    if (!visible) return null;
    return {
      number,
      partyId: p.id,
      name: p.name,
      via: 'meeting',
      reference: `${p.name}, ${formatDate(p.meetingStartsAt)}, punkt ${p.itemNumber}`,
      date: formatDate(p.meetingStartsAt),
      late: isLate(p.meetingStartsAt, c.deadline),
      html: sanitizeRichText(p.itemDecision),
      sender: null,
      file: null,
    };
  }
  return null;
}

export interface PartyView {
  id: number;
  number: number;
  name: string;
  kind: string;
  status: string;
  late: boolean;
  /** The consultee's item, when the audience may follow it there */
  meeting: { label: string; href: string | null } | null;
}

function partyView(c: ConsultationRow, p: PartyRow, number: number, audience: Audience, now: Date): PartyView {
  const response = partyResponse(c, p, number, audience);
  const itemVisible = p.itemId !== null && p.meetingStartsAt !== null && (audience === 'internal' || !p.itemClosed);
  const meeting =
    itemVisible && p.meetingStartsAt && p.itemNumber !== null
      ? {
          label: `${p.name}s møde ${formatDate(p.meetingStartsAt)}, punkt ${p.itemNumber}${p.meetingCancelled ? ' (aflyst)' : ''}`,
          href:
            audience === 'internal'
              ? `/admin/punkter/${p.itemId}`
              : p.meetingSlug && p.meetingStatus && isAgendaPublic(p.meetingStatus)
                ? itemHref(p.meetingSlug, p.itemNumber)
                : null,
        }
      : null;
  let status: string;
  if (response) status = `Svar modtaget ${response.date}${response.late ? ' (efter fristen)' : ''}`;
  else if (p.itemId !== null && audience === 'public' && p.itemClosed) status = 'Intet offentligt høringssvar';
  else if (itemVisible && p.meetingStartsAt && now.getTime() < p.meetingStartsAt.getTime()) status = `Behandles på mødet ${formatDate(p.meetingStartsAt)}`;
  else if (itemVisible && audience === 'public') status = 'Svaret offentliggøres med mødets referat';
  else if (deadlinePassed(c.deadline, now)) status = 'Intet høringssvar modtaget';
  else status = 'Afventer svar';
  return { id: p.id, number, name: p.name, kind: p.kind, status, late: response?.late ?? false, meeting };
}

export interface SummaryRow {
  pointId: number;
  label: string;
  textHtml: string;
  commentHtml: string;
  outcome: string | null;
}

export interface SummaryParty {
  id: number;
  number: number;
  name: string;
  rows: SummaryRow[];
  /** What stands in the table when there are no points */
  note: string | null;
}

export interface SummaryView {
  ranges: string[];
  parties: SummaryParty[];
  responses: ResponseView[];
}

/** Stored references as the labels of today's numbering, in sanitized HTML. */
function withLabels(html: string, numbering: Numbering): string {
  return sanitizeRichText(decodeInlineRefs(html, numbering, false));
}

/**
 * The høringsnotat as seed 000 lays it out: per consultee (in the summary's order)
 * its points with the administration's comment, then every response in full.
 */
export function presentSummary(c: ConsultationRow, parties: PartyRow[], points: PointRow[], audience: Audience, now: Date): SummaryView {
  const ordered = (partyId: number) => points.filter((p) => p.partyId === partyId).sort((a, b) => a.position - b.position || a.id - b.id);
  const numbering = buildNumbering(parties.map((p) => ({ id: p.id, name: p.name, pointIds: ordered(p.id).map((x) => x.id) })));
  const passed = deadlinePassed(c.deadline, now);

  const ranges: string[] = [];
  let current: { group: string; from: number; to: number } | null = null;
  const flush = () => {
    if (!current) return;
    const label = (GROUP_LABELS[current.group] ?? (() => 'Andre'))(c.bodyName);
    ranges.push(`${current.from === current.to ? current.from : `${current.from}-${current.to}`}: ${label}`);
  };
  parties.forEach((p, i) => {
    const group = groupOf(p.kind);
    if (current && current.group === group) current.to = i + 1;
    else {
      flush();
      current = { group, from: i + 1, to: i + 1 };
    }
  });
  flush();

  const responses: ResponseView[] = [];
  const summaryParties = parties.map((p, i): SummaryParty => {
    const number = i + 1;
    const response = partyResponse(c, p, number, audience);
    if (response) responses.push(response);
    const hidden = audience === 'public' && p.itemId !== null && p.itemClosed === true && !p.responseReceivedAt;
    const rows = hidden
      ? []
      : ordered(p.id).map((point) => {
          const refs = referenceText(numbering, point.refs);
          const comment = (refs ? `<p>${refs.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>` : '') + (point.comment ? withLabels(point.comment, numbering) : '');
          return {
            pointId: point.id,
            label: numbering.labelOf(point.id) ?? '',
            textHtml: withLabels(point.text, numbering),
            commentHtml: sanitizeRichText(comment),
            outcome: point.outcome ? OUTCOME_LABELS[point.outcome] : null,
          };
        });
    let note: string | null = null;
    if (hidden) note = 'Intet offentligt høringssvar';
    else if (rows.length === 0 && response) note = audience === 'internal' ? 'Svaret er endnu ikke delt op i pointer' : 'Se svaret i sin helhed nedenfor';
    else if (rows.length === 0 && passed) note = 'Intet høringssvar modtaget';
    else if (rows.length === 0) note = 'Afventer svar';
    return { id: p.id, number, name: p.name, rows, note };
  });
  return { ranges, parties: summaryParties, responses };
}

export interface ConsultationPage {
  id: number;
  slug: string;
  href: string;
  title: string;
  status: string;
  period: string;
  deadline: string;
  startsOn: string;
  sender: string;
  origin: { label: string; href: string | null };
  case: { href: string; number: string; title: string } | null;
  coverHtml: string | null;
  draft: { title: string; href: string | null } | null;
  groups: Array<{ label: string; parties: PartyView[] }>;
  deadlinePassed: boolean;
  responses: ResponseView[];
  summaryPublished: boolean;
  summaryPublishedAt: string | null;
  summary: SummaryView | null;
  summaryHref: string;
  summaryPdfHref: string;
}

export function presentConsultation(c: ConsultationRow, parties: PartyRow[], points: PointRow[], audience: Audience, now: Date): ConsultationPage {
  const status = consultationStatus(c, now);
  const passed = deadlinePassed(c.deadline, now);
  const views = parties.map((p, i) => partyView(c, p, i + 1, audience, now));
  const groups: ConsultationPage['groups'] = [];
  for (const v of views) {
    const label = groupOf(v.kind) === 'committee' ? 'Politiske udvalg' : v.kind === 'advisory_board' ? 'Råd og nævn' : 'Eksterne interessenter';
    const last = groups.at(-1);
    if (last && last.label === label) last.parties.push(v);
    else groups.push({ label, parties: [v] });
  }
  const summary = presentSummary(c, parties, points, audience, now);
  const originPublic = !c.originClosed && isAgendaPublic(c.originMeetingStatus);
  const draftPublic = c.draftTitle !== null && c.draftIsPublic === true && c.draftHasFile && originPublic && c.draftAttachmentId !== null;
  return {
    id: c.id,
    slug: c.slug,
    href: consultationHref(c.slug),
    title: c.title,
    status: STATUS_LABELS[status],
    period: formatPeriod(c.startsOn, c.deadline),
    deadline: formatDay(c.deadline),
    startsOn: formatDay(c.startsOn),
    sender: c.committeeName,
    origin: {
      label: `${c.committeeName}, ${formatDate(c.originMeetingStartsAt)}, punkt ${c.originNumber}`,
      href: audience === 'internal' ? `/admin/punkter/${c.itemId}` : originPublic ? itemHref(c.originMeetingSlug, c.originNumber) : null,
    },
    case: c.caseId !== null && c.caseNumber ? { href: caseHref(c.caseId, c.caseNumber), number: c.caseNumber, title: c.caseTitle ?? '' } : null,
    coverHtml: c.coverText ? sanitizeRichText(c.coverText) : null,
    draft: c.draftTitle
      ? {
          title: c.draftTitle,
          href: audience === 'internal' && c.draftHasFile ? `/admin/bilag/${c.draftAttachmentId}/fil` : draftPublic ? publicFileHref(c.draftAttachmentId as number, c.draftTitle) : null,
        }
      : null,
    groups,
    deadlinePassed: passed,
    // Citizens read the responses once the deadline has passed; the secretariat always.
    responses: audience === 'internal' || passed ? summary.responses : [],
    summaryPublished: c.summaryPublishedAt !== null,
    summaryPublishedAt: c.summaryPublishedAt ? formatDate(c.summaryPublishedAt) : null,
    summary: audience === 'internal' || c.summaryPublishedAt ? summary : null,
    summaryHref: `${consultationHref(c.slug)}/hoeringsnotat`,
    summaryPdfHref: summaryPdfHref(c.slug),
  };
}

export interface ConsultationListEntry {
  title: string;
  href: string;
  status: string;
  period: string;
  sender: string;
  adminHref: string;
}

export function presentListEntry(c: ConsultationRow, now: Date): ConsultationListEntry {
  return {
    title: c.title,
    href: consultationHref(c.slug),
    status: STATUS_LABELS[consultationStatus(c, now)],
    period: formatPeriod(c.startsOn, c.deadline),
    sender: c.committeeName,
    adminHref: adminConsultationHref(c),
  };
}

/** "15. november 2022 kl. 23.59"-style end of a link's life, as the last day it works. */
export function lastDay(expiresAt: Date): string {
  return formatDate(new Date(expiresAt.getTime() - 1));
}


/**
 * Consultations by the item they were started from, for the item's own view
 * (src/modules/meetings/presenter.ts takes this as its `consultations` option).
 * For the public only consultations citizens may see.
 */
export function consultationsByItem(rows: ConsultationRow[], audience: Audience, now: Date): Map<number, Array<{ title: string; href: string; status: string }>> {
  const map = new Map<number, Array<{ title: string; href: string; status: string }>>();
  for (const c of rows) {
    if (audience === 'public' && !isPublicConsultation(c)) continue;
    const entry = { title: c.title, href: audience === 'public' ? consultationHref(c.slug) : adminConsultationHref(c), status: STATUS_LABELS[consultationStatus(c, now)] };
    map.set(c.itemId, [...(map.get(c.itemId) ?? []), entry]);
  }
  return map;
}
