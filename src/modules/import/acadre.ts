import { formatIsoDate } from '../../i18n/format';
import { ImportFileError, type ImportedAttendance, type ImportedItem, type ImportedMeeting, type ImportedPerson } from './model';
import { applySection, emptyItem, parseLocalDateTime, parseNameLine, roleOf, type SectionContext } from './sections';
import { itemHtml } from './tables';
import { child, nodes, text, type XmlNode } from './xml';

/**
 * Acadre (Syddjurs): <root><table name="agenda"> with nested <table name="…"> rows,
 * each holding <fields><field name="…">. Items are "agendaitemparents" (their sort
 * is the printed number), their sections "bullet" rows with a bulletname, and their
 * attachments "enclosure" rows; access 1 ("Åben") is open, anything else closed.
 */
function tables(node: XmlNode | undefined, name: string): XmlNode[] {
  return nodes(node?.table).filter((t) => t['@_name'] === name);
}

function fields(node: XmlNode | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const f of nodes(child(node, 'fields')?.field)) {
    const name = f['@_name'];
    if (typeof name === 'string' && !map.has(name)) map.set(name, text(f).trim());
  }
  return map;
}

function personOf(member: XmlNode): { person: ImportedPerson; absent: boolean } | null {
  const f = fields(member);
  const parsed = parseNameLine(f.get('name') ?? '');
  if (!parsed?.name) return null;
  return {
    person: { externalId: f.get('sysid') || null, name: parsed.name, party: f.get('party') || parsed.party, role: roleOf(f.get('role')) },
    absent: f.get('absent') === '1',
  };
}

export function parseAcadre(root: XmlNode): ImportedMeeting[] {
  const agenda = tables(child(root, 'root'), 'agenda')[0];
  if (!agenda) throw new ImportFileError('Filen har ingen <table name="agenda">');
  const agendaFields = fields(agenda);
  const committeeTable = tables(agenda, 'committee')[0];
  const meetingTable = tables(agenda, 'meeting')[0];
  if (!committeeTable || !meetingTable) throw new ImportFileError('Dagsordenen mangler udvalg eller møde', '<table name="agenda">');
  const committee = fields(committeeTable);
  const meeting = fields(meetingTable);
  const committeeName = (committee.get('name') ?? '').replace(/\s+/g, ' ').trim();
  if (!committeeName) throw new ImportFileError('Udvalget har intet navn', '<table name="committee">');
  const startsAt = parseLocalDateTime(meeting.get('date') ?? '');
  if (!startsAt) throw new ImportFileError(`Mødets tidspunkt "${meeting.get('date') ?? ''}" kan ikke læses`, '<table name="meeting">');
  const finish = parseLocalDateTime(meeting.get('finish') ?? '');
  // The agenda's own name says what it is: "Dagsorden", "Referat", "Tillægsdagsorden" …
  const phase = /referat/i.test(`${agendaFields.get('name') ?? ''}`) ? 'minutes' : 'agenda';
  const address = (meeting.get('address') ?? '').split(/<br\s*\/?>|\n/i).map((s) => s.trim()).filter(Boolean);
  const location = [meeting.get('location') ?? '', ...address].map((s) => s.trim()).filter((s) => s && !/^\?+$/.test(s)).join(', ') || null;
  const meetingId = meeting.get('sysid') || `agenda-${agendaFields.get('sysid') ?? ''}`;
  const ctx: SectionContext = { committeeName, meetingDay: formatIsoDate(startsAt) };

  const members: ImportedPerson[] = [];
  for (const m of tables(tables(committeeTable, 'commember')[0], 'member')) {
    const p = personOf(m);
    if (p) members.push(p.person);
  }
  const attendance: ImportedAttendance[] = [];
  for (const m of tables(tables(meetingTable, 'meetmember')[0], 'member')) {
    const p = personOf(m);
    if (!p) continue;
    if (!members.some((x) => x.name === p.person.name)) members.push(p.person);
    attendance.push({ person: p.person, status: p.absent ? 'absent' : 'present', reason: null });
  }

  const items = tables(agenda, 'agendaitemparents').map((parent) => parseItem(parent, meetingId, ctx));
  items.sort((a, b) => a.number - b.number);
  const produced = parseLocalDateTime(agendaFields.get('producedate') ?? '');
  return [
    {
      format: 'acadre',
      externalId: meetingId,
      committee: { externalId: committee.get('sysid') || committeeName, name: committeeName },
      startsAt,
      endsAt: finish && finish > startsAt ? finish : null,
      location,
      phase,
      agendaPublishedAt: parseLocalDateTime(meeting.get('callindate') ?? '') ?? (phase === 'agenda' ? produced : null),
      minutesApprovedAt: phase === 'minutes' ? produced : null,
      members,
      attendance: phase === 'minutes' && attendance.length > 0 ? attendance : null,
      items,
    },
  ];
}

function parseItem(parent: XmlNode, meetingId: string, ctx: SectionContext): ImportedItem {
  const order = fields(parent);
  const node = tables(parent, 'agendaitem')[0];
  const f = fields(node);
  const id = f.get('sysid') || order.get('agitemid') || '';
  const number = Number(order.get('sort'));
  if (!node || !id || !Number.isInteger(number) || number <= 0) throw new ImportFileError(`Punktet kan ikke læses (sort "${order.get('sort') ?? ''}")`, `<table name="agendaitemparents"> ${order.get('sysid') ?? ''}`);
  // Open only when Acadre says so: access 1 ("Åben"); 2 ("Lukket") and 3 (personsag) are closed.
  const access = f.get('access');
  const isClosed = access ? access !== '1' : (f.get('accessname') ?? '').toLowerCase() !== 'åben';
  const item = emptyItem({ externalId: `${meetingId}/${id}`, number, title: (f.get('name') ?? '').trim() || `Punkt ${number}`, isClosed });
  item.caseNumber = f.get('caseno') || null;
  const sag = fields(tables(tables(node, 'agendaitemlink')[0], 'noarksak')[0]);
  item.caseTitle = sag.get('tittel') || item.title;

  const bullets = tables(node, 'bullet')
    .map((b) => fields(b))
    .sort((a, b) => Number(a.get('bulletsortorder') ?? 0) - Number(b.get('bulletsortorder') ?? 0));
  for (const b of bullets) applySection(item, b.get('bulletname') ?? '', itemHtml(item, b.get('bulletcontent') ?? ''), ctx);
  // Acadre prints the item's committee as "Sagen afgøres i" when no section says otherwise.
  const comname = f.get('comname');
  if (!item.decidedBy && comname) item.decidedBy = { label: 'Sagen afgøres i', name: comname.replace(/\s+/g, ' ').trim() };

  item.attachments = tables(node, 'enclosure').map((e, i) => {
    const ef = fields(e);
    return {
      externalId: `${item.externalId}/${ef.get('sysid') || String(i + 1)}`,
      title: (ef.get('name') ?? '').trim() || ef.get('filename') || `Bilag ${i + 1}`,
      isPublic: !isClosed && ef.get('access') === '1',
    };
  });
  return item;
}
