import { formatDashedDate, formatDate, formatLongDate, formatTime } from '../../i18n/format';
import { attachmentCount, joinNames, roleLabels, sectionLabels, texts } from '../../i18n/texts';
import { presentBudgetTable, type BudgetTableView } from '../budget-tables/presenter';
import type { BudgetTable } from '../budget-tables/schema';
import type { ItemDetails, ItemRow, PostponementRow, TreatmentRow } from '../items/repository';
import { sanitizeRichText } from '../sanitize/html';
import { publicFileHref } from '../attachments/file-name';
import { areMinutesPublic, isAgendaPublic, STATUS_LABELS, type MeetingStatus } from './meeting-status';
import type { MeetingRow, ParticipantRow } from './repository';

/** A section's content: sanitized HTML interleaved with budget tables at their markers. */
export type Block = { html: string; table?: undefined } | { table: BudgetTableView; html?: undefined };

export interface SectionView {
  label: string;
  blocks: Block[];
}

export interface ItemView {
  number: number;
  /** On the tillægsdagsorden: added after the agenda was published */
  supplementary: boolean;
  changeNotes: Array<{ date: string; note: string }>;
  anchor: string;
  permalink: string;
  closed: boolean;
  heading: string;
  earlierTreatments: Array<{ label: string; href: string }>;
  /** The case page (/sager/<id>) for an item on a case */
  caseHref?: string | null;
  /** Consultations started from this item, when the caller loads them (src/modules/consultations) */
  consultations?: Array<{ title: string; href: string; status: string }>;
  isAnnouncements: boolean;
  isMinutesApproval: boolean;
  sections: SectionView[];
  subPoints: Array<{ number: number; title: string | null; blocks: Block[]; attachmentSummary: string | null; attachments: AttachmentView[] }>;
  attachmentSummary: string;
  attachments: AttachmentView[];
  hiddenAttachments: number;
  decidedBy: string | null;
  recommendation: { intro: string; points: Array<{ number: number; html: string }> } | null;
  minutesApprovalInstruction: string | null;
  showDecision: boolean;
  decision: DecisionView | null;
  decisionHistory: Array<{ label: string; blocks: Block[] }>;
  absences: string[];
  tableDiscrepancies: number;
}

export interface AttachmentView {
  title: string;
  recommended: boolean;
  /** The public download: only for a public attachment with a file, on an open item of a public agenda */
  href?: string;
}

export interface DecisionView {
  blocks: Block[];
  parts: Array<
    | { kind: 'point'; html: string; votes: Array<{ label: string; names: string }> }
    | { kind: 'amendment'; intro: string; blocks: Block[]; votes: Array<{ label: string; names: string }>; outcome: string }
    | { kind: 'dissent'; text: string }
  >;
}

export interface MeetingView {
  id: number;
  status: MeetingStatus;
  title: string;
  documentKind: string;
  committeeName: string;
  committeeSlug: string;
  bodyName: string;
  slug: string;
  href: string;
  dateLong: string;
  date: string;
  isoStart: string;
  time: string;
  endTime: string | null;
  location: string | null;
  statusLabel: string;
  cancelled: boolean;
  minutesPublic: boolean;
  participants: Array<{ name: string; party: string | null; role: string; note: string | null }>;
  absent: Array<{ name: string; party: string | null; reason: string | null }>;
  items: ItemView[];
}

function withParty(name: string, party: string | null | undefined): string {
  return party ? `${name} (${party})` : name;
}

/** Inline subheadings inside a section sit one level below the section heading. */
function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h4>/g, '<$1h5>');
}

/** Splits sanitized section HTML at <div data-budget-table="N"></div> markers. */
export function toBlocks(html: string | null, tables: BudgetTable[], used: Set<number>): Block[] {
  if (!html) return [];
  const clean = demoteHeadings(sanitizeRichText(html));
  const blocks: Block[] = [];
  const re = /<div data-budget-table="(\d+)"><\/div>/g;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(clean)) !== null) {
    const before = clean.slice(last, match.index).trim();
    if (before) blocks.push({ html: before });
    const n = Number(match[1]);
    const table = tables[n - 1];
    if (table) {
      blocks.push({ table: presentBudgetTable(table) });
      used.add(n);
    }
    last = match.index + match[0].length;
  }
  const rest = clean.slice(last).trim();
  if (rest) blocks.push({ html: rest });
  return blocks;
}

function prefixFirstParagraph(label: string, html: string): string {
  const clean = demoteHeadings(sanitizeRichText(html));
  return clean.startsWith('<p>') ? `<p>${label} ${clean.slice(3)}` : `<p>${label}</p>${clean}`;
}

export interface PresentOptions {
  meeting: MeetingRow;
  participants: ParticipantRow[];
  items: ItemRow[];
  details: ItemDetails;
  parties: Map<number, string>;
  names: Map<number, string>;
  treatments: TreatmentRow[];
  postponements: Map<number, PostponementRow[]>;
  notes: Map<number, Array<{ changedAt: Date; note: string }>>;
  audience: 'public' | 'internal';
  /** Consultations by the item they were started from (optional) */
  consultations?: Map<number, Array<{ title: string; href: string; status: string }>>;
}

export function meetingHref(slug: string): string {
  return `/dagsorden/${slug}`;
}

export function itemHref(meetingSlug: string, number: number): string {
  return `/dagsorden/${meetingSlug}/punkt-${number}`;
}

function treatmentLabel(t: TreatmentRow): string {
  return t.viaSubPoint
    ? `${t.committeeName} den ${formatDate(t.startsAt)}, Meddelelser`
    : `${t.committeeName} den ${formatDate(t.startsAt)} Punkt ${t.number}`;
}

export function presentMeeting(o: PresentOptions): MeetingView {
  const { meeting, details } = o;
  const status = meeting.status as MeetingStatus;
  const minutesVisible = o.audience === 'internal' || areMinutesPublic(status);
  const person = (id: number) => withParty(o.names.get(id) ?? '', o.parties.get(id));

  const items = o.items.map((item): ItemView => {
    const base = {
      number: item.number,
      supplementary: item.supplementary,
      changeNotes: item.isClosed && o.audience === 'public' ? [] : (o.notes.get(item.id) ?? []).map((n) => ({ date: `${formatDate(n.changedAt)} kl. ${formatTime(n.changedAt)}`, note: n.note })),
      anchor: `punkt-${item.number}`,
      permalink: itemHref(meeting.slug, item.number),
    };
    if (item.isClosed && o.audience === 'public') {
      return {
        ...base,
        closed: true,
        heading: `Punkt ${item.number} ${texts.closedItem}`,
        earlierTreatments: [],
        caseHref: null,
        consultations: [],
        isAnnouncements: false,
        isMinutesApproval: false,
        sections: [],
        subPoints: [],
        attachmentSummary: '',
        attachments: [],
        hiddenAttachments: 0,
        decidedBy: null,
        recommendation: null,
        minutesApprovalInstruction: null,
        showDecision: false,
        decision: null,
        decisionHistory: [],
        absences: [],
        tableDiscrepancies: 0,
      };
    }
    const tables = details.tables.get(item.id) ?? [];
    const used = new Set<number>();
    const sections: SectionView[] = [
      { label: sectionLabels.summary, blocks: toBlocks(item.summary, tables, used) },
      { label: sectionLabels.background, blocks: toBlocks(item.background, tables, used) },
      { label: sectionLabels.casePresentation, blocks: toBlocks(item.casePresentation, tables, used) },
      { label: sectionLabels.financial, blocks: toBlocks(item.financialText, tables, used) },
    ].filter((s) => s.blocks.length > 0);
    // A table no marker places goes at the end of the financial section, never silently dropped.
    const unplaced = tables.map((t, i) => ({ t, n: i + 1 })).filter(({ n }) => !used.has(n));
    if (unplaced.length > 0) {
      let financial = sections.find((s) => s.label === sectionLabels.financial);
      if (!financial) {
        financial = { label: sectionLabels.financial, blocks: [] };
        sections.push(financial);
      }
      for (const { t } of unplaced) financial.blocks.push({ table: presentBudgetTable(t) });
    }
    // Imported sections under labels without a field of their own come after ours, in the export's order.
    const extras = details.extraSections.get(item.id) ?? [];
    for (const e of extras.filter((x) => x.kind === 'section')) {
      const blocks = toBlocks(e.body, [], new Set());
      if (blocks.length > 0) sections.push({ label: e.label, blocks });
    }
    const tableDiscrepancies = tables.reduce((n, t) => n + presentBudgetTable(t).discrepancies.length, 0);

    const allAttachments = details.attachments.get(item.id) ?? [];
    const visible = (a: { isPublic: boolean }) => o.audience === 'internal' || a.isPublic;
    // Link only where GET /bilag/… answers, so internal pages never link closed items' files to a 404.
    const linkable = !item.isClosed && isAgendaPublic(status) && meeting.committeeKind !== 'external_party';
    const attachmentView = (a: (typeof allAttachments)[number]): AttachmentView =>
      linkable && a.isPublic && a.hasFile ? { title: a.title, recommended: a.recommended, href: publicFileHref(a.id, a.title) } : { title: a.title, recommended: a.recommended };
    const itemAttachments = allAttachments.filter((a) => a.subPointId === null);
    const subPoints = (details.subPoints.get(item.id) ?? []).map((s) => {
      const own = allAttachments.filter((a) => a.subPointId === s.id);
      return {
        number: s.number,
        title: s.title,
        blocks: toBlocks(s.body, [], new Set()),
        attachmentSummary: own.length > 0 ? attachmentCount(own.length, own.filter((a) => a.recommended).length) : null,
        attachments: own.filter(visible).map(attachmentView),
      };
    });

    const treatments = item.caseId === null ? [] : o.treatments.filter((t) => t.caseId === item.caseId && t.itemId !== item.id && t.startsAt < meeting.startsAt);
    const postponedIds = new Set((item.postponedFromItemId ? o.postponements.get(item.postponedFromItemId) ?? [] : []).map((p) => p.itemId));
    const earlierTreatments = [
      // Treatments an import names at meetings we do not have: text without a link.
      ...extras.filter((x) => x.kind === 'earlier_treatment').map((x) => ({ label: x.label, href: '' })),
      ...treatments.filter((t) => !postponedIds.has(t.itemId)).map((t) => ({ label: treatmentLabel(t), href: `${itemHref(t.meetingSlug, t.number)}` })),
    ];

    const points = details.points.get(item.id) ?? [];
    const amendments = details.amendments.get(item.id) ?? [];
    const dissents = details.dissents.get(item.id) ?? [];
    const pointBallots = details.pointBallots.get(item.id) ?? [];
    const voteLines = (ballots: Array<{ personId: number; choice: 'for' | 'against' | 'abstain' }>) => {
      const list = (choice: 'for' | 'against' | 'abstain') => ballots.filter((b) => b.choice === choice).map((b) => person(b.personId));
      return [
        { label: texts.voteFor, names: list('for') },
        { label: texts.voteAgainst, names: list('against') },
        { label: texts.voteAbstain, names: list('abstain') },
      ]
        .filter((v) => v.names.length > 0)
        .map((v) => ({ label: v.label, names: `${v.names.join(', ')}.` }));
    };
    const amendmentPart = (a: (typeof amendments)[number]) => {
      return {
        kind: 'amendment' as const,
        intro: `${joinNames(a.proposerIds.map(person))} fremsatte følgende ændringsforslag:`,
        blocks: toBlocks(a.text, [], new Set()),
        votes: voteLines(details.ballots.get(a.id) ?? []),
        outcome: a.outcome === 'adopted' ? texts.amendmentAdopted : texts.amendmentRejected,
      };
    };
    const dissentPart = (d: (typeof dissents)[number]) => ({ kind: 'dissent' as const, text: `${d.personIds.map(person).join(', ')} ${d.text}` });
    const parts: DecisionView['parts'] = [];
    // A point is shown when it has a decision or a named vote on the point itself (the vote follows its decision).
    const shownPoints = points.filter((p) => p.decision || pointBallots.some((b) => b.pointNumber === p.number));
    for (const p of shownPoints) {
      const label = `Indstillingens punkt ${p.number}:`;
      const votes = voteLines(pointBallots.filter((b) => b.pointNumber === p.number));
      parts.push({ kind: 'point', html: p.decision ? prefixFirstParagraph(label, p.decision) : `<p>${label}</p>`, votes });
      parts.push(...amendments.filter((a) => a.pointNumber === p.number).map(amendmentPart));
      parts.push(...dissents.filter((d) => d.pointNumber === p.number).map(dissentPart));
    }
    const decidedPoints = new Set(shownPoints.map((p) => p.number));
    parts.push(...amendments.filter((a) => a.pointNumber === null || !decidedPoints.has(a.pointNumber)).map(amendmentPart));
    parts.push(...dissents.filter((d) => d.pointNumber === null || !decidedPoints.has(d.pointNumber)).map(dissentPart));
    const decisionBlocks = toBlocks(item.decision, [], new Set());
    const decision = decisionBlocks.length > 0 || parts.length > 0 ? { blocks: decisionBlocks, parts } : null;

    const history = item.postponedFromItemId ? o.postponements.get(item.postponedFromItemId) ?? [] : [];
    const decisionHistory = history
      .filter((h) => o.audience === 'internal' || areMinutesPublic(h.meetingStatus as MeetingStatus))
      .map((h) => ({
        label: `Beslutning truffet af ${h.committeeName} d. ${formatDashedDate(h.startsAt)}`,
        blocks: toBlocks(h.decision, [], new Set()),
      }));

    const isMinutesApproval = item.kind === 'minutes_approval';
    return {
      ...base,
      closed: item.isClosed,
      heading: `Punkt ${item.number} ${item.title}`,
      earlierTreatments,
      caseHref: item.caseId === null ? null : `/sager/${item.caseId}`,
      consultations: o.consultations?.get(item.id) ?? [],
      isAnnouncements: item.kind === 'announcements',
      isMinutesApproval,
      sections,
      subPoints,
      attachmentSummary: attachmentCount(itemAttachments.length, itemAttachments.filter((a) => a.recommended).length) + (item.attachmentsNote ? ` ${item.attachmentsNote}` : ''),
      attachments: itemAttachments.filter(visible).map(attachmentView),
      hiddenAttachments: itemAttachments.filter((a) => !visible(a)).length,
      decidedBy: item.decidedByName,
      recommendation:
        points.length > 0
          ? { intro: `${item.recommendationBy ?? 'Administrationen'} indstiller, at`, points: points.map((p) => ({ number: p.number, html: sanitizeRichText(p.text) })) }
          : null,
      minutesApprovalInstruction: isMinutesApproval ? texts.minutesApprovalInstruction : null,
      showDecision: minutesVisible && !isMinutesApproval,
      decision: minutesVisible ? decision : null,
      decisionHistory: minutesVisible
        ? [...extras.filter((x) => x.kind === 'decision_history').map((x) => ({ label: x.label, blocks: toBlocks(x.body, [], new Set()) })), ...decisionHistory]
        : [],
      absences: minutesVisible
        ? (details.absences.get(item.id) ?? []).map((a) => `${person(a.personId)}${a.reason === 'conflict_of_interest' ? ' (inhabil)' : ''}${a.note ? `: ${a.note}` : ''}`)
        : [],
      tableDiscrepancies,
    };
  });

  const minutesPublic = areMinutesPublic(status);
  const documentKind = minutesVisible && minutesPublic ? texts.minutes : texts.agenda;
  const showAttendance = minutesVisible && (minutesPublic || o.audience === 'internal');
  return {
    id: meeting.id,
    status,
    title: `${documentKind}: ${meeting.committeeName}, ${formatDate(meeting.startsAt)}`,
    documentKind,
    committeeName: meeting.committeeName,
    committeeSlug: meeting.committeeSlug,
    bodyName: meeting.bodyName,
    slug: meeting.slug,
    href: meetingHref(meeting.slug),
    dateLong: formatLongDate(meeting.startsAt),
    date: formatDate(meeting.startsAt),
    isoStart: meeting.startsAt.toISOString(),
    time: formatTime(meeting.startsAt),
    endTime: meeting.endsAt ? formatTime(meeting.endsAt) : null,
    location: meeting.location,
    statusLabel: STATUS_LABELS[status],
    cancelled: meeting.cancelled,
    minutesPublic,
    participants: o.participants
      .filter((p) => !showAttendance || p.attendance !== 'absent')
      .map((p) => ({
        name: p.name,
        party: p.party,
        role: roleLabels[p.role],
        note: showAttendance && p.attendance === 'substitute' && p.substituteForName ? `stedfortræder for ${p.substituteForName}` : null,
      })),
    absent: showAttendance
      ? o.participants.filter((p) => p.attendance === 'absent').map((p) => ({ name: p.name, party: p.party, reason: p.reason }))
      : [],
    items,
  };
}
