import { formatIsoDate } from '../../i18n/format';
import { ImportFileError, type ImportedAttachment, type ImportedAttendance, type ImportedItem, type ImportedMeeting, type ImportedPerson } from './model';
import { applySection, classifyLabel, emptyItem, linesToHtml, parseLocalDateTime, parseNameLine, roleOf, type SectionContext } from './sections';
import { attr, child, childText, nodes, type XmlNode } from './xml';

/**
 * eDoc (Ballerup): <Meeting> with one <MeetingAgendaType> per open or closed agenda.
 * Each item's content is plain text (<FullText>, as in the printed referat) with
 * the section labels on lines of their own; attendance and the location are in the
 * agenda's own <FullText>. eDoc has no meeting id, so committee and date identify
 * the meeting; its documents and attachments have ids.
 */
export function parseEdoc(root: XmlNode): ImportedMeeting[] {
  const m = child(root, 'Meeting');
  if (!m) throw new ImportFileError('Filen har intet <Meeting>-element');
  const committeeName = childText(m, 'Committee');
  const dateText = childText(m, 'MeetingDate');
  if (!committeeName) throw new ImportFileError('Mødet mangler udvalg (<Committee>)', '<Meeting>');
  const startsAt = parseLocalDateTime(dateText);
  if (!startsAt) throw new ImportFileError(`Mødets dato "${dateText}" kan ikke læses`, '<MeetingDate>');
  const state = childText(m, 'MeetingState');
  // "Referat endeligt godkendt": approved minutes. Anything else is (at most) the published agenda.
  const phase = /referat/i.test(state) && /godkendt/i.test(state) && !/ikke/i.test(state) ? 'minutes' : 'agenda';
  const meetingExternalId = `${committeeName}|${dateText}`;
  const ctx: SectionContext = { committeeName, meetingDay: formatIsoDate(startsAt) };

  const items: ImportedItem[] = [];
  let header: MeetingHeader | null = null;
  let agendaPublishedAt: Date | null = null;
  for (const agendaType of nodes(child(m, 'MeetingAgendaTypes')?.MeetingAgendaType)) {
    const closedAgenda = /lukket/i.test(childText(agendaType, 'AgendaType'));
    for (const mi of nodes(child(agendaType, 'MeetingAgendaItems')?.MeetingAgendaItem)) {
      const item = parseItem(mi, closedAgenda, meetingExternalId, ctx);
      items.push(item.item);
      if (item.publishedAt && (!agendaPublishedAt || item.publishedAt < agendaPublishedAt)) agendaPublishedAt = item.publishedAt;
    }
    header ??= parseMeetingText(childText(agendaType, 'FullText'));
  }
  items.sort((a, b) => a.number - b.number);

  const members: ImportedPerson[] = header ? [...header.present, ...header.absent].map((a) => a.person) : [];
  return [
    {
      format: 'edoc',
      externalId: meetingExternalId,
      committee: { externalId: committeeName, name: committeeName },
      startsAt,
      endsAt: null,
      location: header?.location ?? null,
      phase,
      agendaPublishedAt,
      minutesApprovedAt: null,
      members,
      attendance: phase === 'minutes' && header && header.present.length > 0 ? [...header.present, ...header.absent] : null,
      items,
    },
  ];
}

interface MeetingHeader {
  location: string | null;
  present: ImportedAttendance[];
  absent: ImportedAttendance[];
}

const STOP = /^(sekretær|indholdsfortegnelse|åbent referat|lukket referat|åben dagsorden|lukket dagsorden|side\b)/i;

/** "tirsdag den 4. december 2012, kl. 13:00 / i Mødecenter C …", "Tilstede …", "Afbud/Fraværende …" */
function parseMeetingText(fullText: string): MeetingHeader | null {
  if (!fullText) return null;
  const lines = fullText.split('\n').map((l) => l.trim());
  let location: string | null = null;
  const timeLine = lines.findIndex((l) => /\bkl\.\s*\d{1,2}[:.]\d{2}/.test(l));
  if (timeLine >= 0) {
    const next = lines.slice(timeLine + 1).find(Boolean);
    const loc = next ? /^i\s+(.+)$/.exec(next) : null;
    if (loc?.[1]) location = loc[1].trim();
  }
  const present: ImportedAttendance[] = [];
  const absent: ImportedAttendance[] = [];
  let mode: 'none' | 'present' | 'absent' = 'none';
  for (const line of lines) {
    if (/^tilstede$/i.test(line)) {
      mode = 'present';
      continue;
    }
    if (/^(afbud|fraværende)/i.test(line)) {
      mode = 'absent';
      continue;
    }
    if (STOP.test(line)) {
      if (mode !== 'none') break;
      continue;
    }
    if (mode === 'none' || !line) continue;
    const parsed = parseNameLine(line);
    if (!parsed || !parsed.name) continue;
    const role = roleOf(parsed.note);
    const person: ImportedPerson = { externalId: null, name: parsed.name, party: parsed.party, role };
    const reason = mode === 'absent' && parsed.note && role === 'member' ? parsed.note : null;
    (mode === 'present' ? present : absent).push({ person, status: mode, reason });
  }
  return { location, present, absent };
}

const SUB_POINT = /^([a-zæøå])\.\s*(.*)$/;

function parseItem(mi: XmlNode, closedAgenda: boolean, meetingExternalId: string, ctx: SectionContext): { item: ImportedItem; publishedAt: Date | null } {
  const numberText = childText(mi, 'AgendaItemNumber');
  const number = Number(numberText);
  if (!Number.isInteger(number) || number <= 0) throw new ImportFileError(`Punktnummeret "${numberText}" kan ikke læses`, '<MeetingAgendaItem>');
  const doc = child(mi, 'Document');
  const documentId = attr(doc, 'documentid') || `punkt-${number}`;
  const fullText = childText(mi, 'FullText');
  const lines = fullText.split('\n').map((l) => l.replace(/\s+$/, ''));
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  const headerLine = /^\s*(\d+)\.\s*(.*)$/.exec(lines[headerIndex] ?? '');
  const title = childText(doc, 'Title') || headerLine?.[2]?.trim() || `Punkt ${number}`;
  const publishing = childText(doc, 'PublishingType');
  const isClosed = closedAgenda || /ikke/i.test(publishing);
  const item = emptyItem({ externalId: `${meetingExternalId}/${documentId}`, number, title, isClosed });
  item.caseTitle = title;

  const attachments: ImportedAttachment[] = nodes(child(doc, 'Attachments')?.Attachment).map((a, i) => ({
    externalId: `${item.externalId}/${attr(a, 'attachmentid') || String(i + 1)}`,
    title: childText(a, 'Title') || childText(a, 'NeutralTitle') || `Bilag ${i + 1}`,
    // Only what eDoc marks "SKAL PUBLICERES" may ever be public.
    isPublic: !isClosed && /^skal publiceres$/i.test(childText(a, 'PublishingType')),
  }));
  item.attachments = attachments;

  // Split the text into the lines before the first label, and the labelled sections. In an announcements item the
  // sub-points come first, each with its own "Bilag" lines: those are not a section of the item.
  const announcements = /^meddelelser$/i.test(title) || lines.some((l) => SUB_POINT.test(l.trim()) && l.trim().length <= 3);
  const preamble: string[] = [];
  const sections: Array<{ label: string; lines: string[] }> = [];
  for (const [i, raw] of lines.entries()) {
    if (i <= headerIndex && headerLine) continue;
    const line = raw.trim();
    const label = classifyLabel(line, { plainText: true });
    if (label && !(announcements && sections.length === 0 && label.kind === 'attachments')) {
      sections.push({ label: line, lines: [] });
      continue;
    }
    const current = sections[sections.length - 1];
    if (current) current.lines.push(line);
    else if (line) preamble.push(line);
  }

  const rest: string[] = [];
  for (const line of preamble) {
    const caseNo = /^sagsnr\.?:\s*(.+)$/i.exec(line);
    if (caseNo?.[1]) item.caseNumber = caseNo[1].trim();
    else if (!/^dok\.?\s*nr\.?:/i.test(line)) rest.push(line);
  }
  if (announcements) {
    item.kind = 'announcements';
    parseSubPoints(item, rest);
  } else {
    item.earlierTreatments.push(...rest);
  }

  for (const section of sections) {
    const kind = classifyLabel(section.label, { plainText: true });
    // Absences may stand on the label line itself; everything else is the lines below it.
    applySection(item, section.label, linesToHtml(section.lines), ctx, kind);
  }
  return { item, publishedAt: parseLocalDateTime(childText(doc, 'PublishedDate')) };
}

function normTitle(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** "a. / Møder og konferencer / b. / Konference … / Bilag / 2012-208960 - Hvordan …": sub-points with their attachments. */
function parseSubPoints(item: ImportedItem, lines: string[]): void {
  type Draft = { title: string | null; body: string[]; refs: string[]; inBilag: boolean };
  const drafts: Draft[] = [];
  for (const line of lines) {
    const marker = SUB_POINT.exec(line);
    if (marker) {
      drafts.push({ title: marker[2]?.trim() || null, body: [], refs: [], inBilag: false });
      continue;
    }
    const d = drafts[drafts.length - 1];
    if (!d) {
      item.earlierTreatments.push(line);
      continue;
    }
    if (/^bilag$/i.test(line)) d.inBilag = true;
    else if (d.inBilag) d.refs.push(line.replace(/^\d{4}\s*[-–]\s*\d+\s*-\s*/, ''));
    else if (d.title === null) d.title = line;
    else d.body.push(line);
  }
  const remaining = [...item.attachments];
  item.subPoints = drafts.map((d) => {
    const attachments: ImportedAttachment[] = [];
    for (const ref of d.refs) {
      // A reference line may wrap; match on the attachment's title at its start.
      const i = remaining.findIndex((a) => normTitle(ref).startsWith(normTitle(a.title)) || normTitle(a.title).startsWith(normTitle(ref)));
      if (i >= 0) attachments.push(...remaining.splice(i, 1));
    }
    return { title: d.title, body: linesToHtml(d.body) ?? '', attachments };
  });
  item.attachments = remaining;
}
