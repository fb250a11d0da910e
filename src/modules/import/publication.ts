import { formatIsoDate } from '../../i18n/format';
import { ImportFileError, type ImportedAttendance, type ImportedItem, type ImportedMeeting, type ImportedPerson } from './model';
import { applySection, cleanHtml, displayName, emptyItem, linesToHtml, parseLocalDateTime, parseNameLine, roleOf, type SectionContext } from './sections';
import { itemHtml } from './tables';
import { attr, child, childText, nodes, type XmlNode } from './xml';

/**
 * The <Publication> XML that SBSYS and eDagsorden publish (Region Hovedstaden's
 * sample): one <Agenda> per meeting, items with <IsPublic>, and each section an
 * <ItemField> with its <Caption> as label, HTML or plain ("Multiline") content.
 * PublicationTypeAsEnum says Draft / Final (agenda) or Minutes (referat).
 */
export function parsePublication(root: XmlNode): ImportedMeeting[] {
  const pub = child(root, 'Publication');
  if (!pub) throw new ImportFileError('Filen har intet <Publication>-element');
  const typeEnum = childText(pub, 'PublicationTypeAsEnum');
  const typeValue = childText(pub, 'PublicationTypeAsValue');
  const phase = /minute|referat/i.test(typeEnum) || (!typeEnum && typeValue !== '' && typeValue !== '0' && typeValue !== '1') ? 'minutes' : 'agenda';
  const published = parseLocalDateTime(childText(pub, 'Published'));
  const agendas = nodes(child(pub, 'Agendas')?.Agenda);
  if (agendas.length === 0) throw new ImportFileError('Filen har ingen dagsorden (<Agendas>/<Agenda>)');
  return agendas.map((agenda, index) => parseAgenda(agenda, index, phase, published));
}

function person(node: XmlNode | undefined, fallbackName: string): ImportedPerson | null {
  const member = child(node, 'Member');
  const parsed = parseNameLine(childText(member, 'Name') || fallbackName);
  if (!parsed?.name) return null;
  const id = attr(member, 'ID');
  const roles = childText(node, 'MeetingMemberRolesList');
  return { externalId: id && id !== '0' ? id : null, name: parsed.name, party: parsed.party, role: roleOf(roles) };
}

/** ParticipationStatusAsText: NotDecided says nothing; the rest says present or absent. */
function participation(status: string): 'present' | 'absent' | null {
  if (/^(not|non)[ _-]?(participat|attend|present)|absent|afbud|fraværende|cancel/i.test(status)) return 'absent';
  if (/^(participat|attend|present|deltager|til stede)/i.test(status)) return 'present';
  return null;
}

function parseAgenda(agenda: XmlNode, index: number, phase: 'agenda' | 'minutes', published: Date | null): ImportedMeeting {
  const meeting = child(agenda, 'Meeting');
  const committee = child(agenda, 'Committee');
  const where = `<Agenda ID="${attr(agenda, 'ID') || index + 1}">`;
  const committeeName = displayName(childText(committee, 'Name'));
  if (!committeeName) throw new ImportFileError('Dagsordenen mangler udvalg (<Committee>/<Name>)', where);
  const whenText = childText(meeting, 'When');
  const startsAt = parseLocalDateTime(whenText);
  if (!startsAt) throw new ImportFileError(`Mødets tidspunkt "${whenText}" kan ikke læses`, `${where} <When>`);
  const until = parseLocalDateTime(childText(meeting, 'Until'));
  const meetingId = attr(meeting, 'ID') || `agenda-${attr(agenda, 'ID')}`;
  const ctx: SectionContext = { committeeName, meetingDay: formatIsoDate(startsAt) };

  const members: ImportedPerson[] = [];
  for (const cm of nodes(child(committee, 'Members')?.CommitteeMember)) {
    const p = person(cm, '');
    if (p) members.push(p);
  }
  const attendance: ImportedAttendance[] = [];
  for (const mm of nodes(child(meeting, 'Members')?.MeetingMember)) {
    const p = person(mm, childText(mm, 'Name'));
    if (!p) continue;
    if (!members.some((x) => x.name === p.name)) members.push(p);
    const status = participation(childText(mm, 'ParticipationStatusAsText'));
    if (status) attendance.push({ person: p, status, reason: status === 'absent' ? childText(mm, 'ParticipationNote') || null : null });
  }

  const items = nodes(child(agenda, 'Items')?.Item).map((node) => parseItem(node, `${meetingId}`, ctx));
  items.sort((a, b) => a.number - b.number);
  return {
    format: 'publication',
    externalId: meetingId,
    committee: { externalId: attr(committee, 'ID') || committeeName, name: committeeName },
    startsAt,
    endsAt: until && until > startsAt ? until : null,
    location: childText(meeting, 'Where') || childText(committee, 'DefaultMeetingPlace') || null,
    phase,
    agendaPublishedAt: phase === 'agenda' ? published : null,
    minutesApprovedAt: phase === 'minutes' ? published : null,
    members,
    attendance: phase === 'minutes' && attendance.length > 0 ? attendance : null,
    items,
  };
}

const WITHHELD = /\b(ikke|ej)\s+offentlig/i;

function parseItem(node: XmlNode, meetingId: string, ctx: SectionContext): ImportedItem {
  const numberText = childText(node, 'Number');
  const number = Number(numberText);
  const id = attr(node, 'ID') || numberText;
  if (!Number.isInteger(number) || number <= 0) throw new ImportFileError(`Punktnummeret "${numberText}" kan ikke læses`, `<Item ID="${id}">`);
  const isClosed = childText(node, 'IsPublic').toLowerCase() !== 'true';
  const item = emptyItem({ externalId: `${meetingId}/${id}`, number, title: childText(node, 'Caption') || `Punkt ${number}`, isClosed });
  const caseNode = child(node, 'Case');
  item.caseNumber = childText(caseNode, 'Number') || null;
  item.caseTitle = childText(caseNode, 'Title') || item.title;

  const fields = nodes(child(node, 'Fields')?.ItemField).sort((a, b) => Number(childText(a, 'Index')) - Number(childText(b, 'Index')));
  for (const field of fields) {
    if (childText(field, 'HasContent').toLowerCase() === 'false') continue;
    const raw = childText(field, 'Content');
    const content = childText(field, 'FieldTypeAsEnum').toLowerCase() === 'html' ? itemHtml(item, raw) : cleanHtml(linesToHtml(raw.split('\n')));
    applySection(item, childText(field, 'Caption'), content, ctx);
  }

  item.attachments = nodes(child(node, 'Enclosures')?.Enclosure).map((e, i) => ({
    externalId: `${item.externalId}/${attr(e, 'ID') || String(i + 1)}`,
    title: childText(e, 'Name') || childText(e, 'InstantiationFileName') || `Bilag ${i + 1}`,
    // A protected enclosure, or any enclosure of a closed item, is never public. This export has no publish flag of its
    // own, so secretariats mark withheld files in their name ("Ikke offentliggjort - …", "EJ OFFENTLIGTGJORT"): honour it.
    isPublic:
      !isClosed &&
      childText(e, 'IsProtected').toLowerCase() !== 'true' &&
      !WITHHELD.test(childText(e, 'Name')) &&
      !WITHHELD.test(childText(e, 'FileName').split('\\').pop() ?? ''),
  }));
  return item;
}
