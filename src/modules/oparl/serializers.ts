import { publicFileHref, sanitizeFileName } from '../attachments/file-name';
import { STATUS_LABELS } from '../meetings/meeting-status';
import { itemHref, meetingHref } from '../meetings/presenter';
import type {
  AmendmentMotionRow,
  AttachmentFileRow,
  BallotRow,
  BodyRow,
  ConsultationRow,
  ItemRow,
  LocationRow,
  MeetingRow,
  MembershipRow,
  OrganizationRow,
  PaperRow,
  PersonRow,
  ResolutionPartRow,
  Stamp,
  TermRow,
  VoteEventRow,
} from './repository';
import { term } from './terms';
import { oparlTexts } from './texts';
import { oparlType, OPARL_VERSION, popoloType, type OparlType, type OparlUrls, type PdfFileVariant, type PopoloType } from './urls';
import { oparlDate, oparlDateTime, plainText } from './values';

/** A JSON object as the API sends it (undefined properties are left out by JSON.stringify). */
export type OparlObject = { id: string; type: string } & Record<string, unknown>;

function stamps(row: Stamp): { created: string; modified: string; deleted: false } {
  return { created: oparlDateTime(row.created), modified: oparlDateTime(row.modified), deleted: false };
}

/** A soft-deleted object (OParl 1.1, 2.8): id, type, created, the time of deletion as modified, and deleted. */
function tombstone(id: string, type: string, row: Stamp): OparlObject {
  return { id, type, created: oparlDateTime(row.created), modified: oparlDateTime(row.modified), deleted: true };
}

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);

export function createSerializers(urls: OparlUrls) {
  const t = (type: OparlType) => oparlType(type);
  const p = (type: PopoloType) => popoloType(type);

  const system = (name: string): OparlObject => ({
    id: urls.system(),
    type: t('System'),
    oparlVersion: OPARL_VERSION,
    name,
    body: urls.bodies(),
    website: urls.site('/'),
    web: urls.site('/'),
  });

  const legislativeTerm = (row: TermRow, embedded: boolean): OparlObject => {
    const value = term(row.startYear);
    return {
      id: urls.legislativeTerm(row.bodyId, row.startYear),
      type: t('LegislativeTerm'),
      body: embedded ? undefined : urls.body(row.bodyId),
      name: value.name,
      startDate: value.startDate,
      endDate: value.endDate,
      ...stamps(row),
    };
  };

  const body = (row: BodyRow, terms: TermRow[]): OparlObject => ({
    id: urls.body(row.id),
    type: t('Body'),
    system: urls.system(),
    name: row.name,
    classification: oparlTexts.bodyClassification,
    website: row.isPrimary ? urls.site('/') : undefined,
    organization: urls.bodyList(row.id, 'organization'),
    person: urls.bodyList(row.id, 'person'),
    meeting: urls.bodyList(row.id, 'meeting'),
    paper: urls.bodyList(row.id, 'paper'),
    agendaItem: urls.bodyList(row.id, 'agendaItem'),
    consultation: urls.bodyList(row.id, 'consultation'),
    file: urls.bodyList(row.id, 'file'),
    membership: urls.bodyList(row.id, 'membership'),
    locationList: urls.bodyList(row.id, 'location'),
    legislativeTermList: urls.bodyList(row.id, 'legislativeTerm'),
    legislativeTerm: terms.map((r) => legislativeTerm(r, true)),
    mainOrganization: row.mainOrganizationId === null ? undefined : urls.organization(row.mainOrganizationId),
    web: urls.site(row.isPrimary ? '/' : '/udvalg'),
    ...stamps(row),
  });

  const organization = (row: OrganizationRow): OparlObject => ({
    id: urls.organization(row.id),
    type: t('Organization'),
    body: urls.body(row.bodyId),
    name: row.name,
    shortName: row.shortName ?? undefined,
    membership: row.membershipIds.map(urls.membership),
    meeting: urls.organizationMeetings(row.id),
    organizationType: oparlTexts.organizationType,
    classification: oparlTexts.classification[row.kind],
    web: urls.site(`/udvalg/${row.slug}`),
    ...stamps(row),
  });

  /** Extension properties carry the prefix "moedebog:" (OParl 1.1, 3: herstellerspezifische Erweiterungen). */
  const membership = (row: MembershipRow, embedded: boolean): OparlObject => ({
    id: urls.membership(row.id),
    type: t('Membership'),
    person: embedded ? undefined : urls.person(row.personId),
    organization: urls.organization(row.committeeId),
    role: oparlTexts.role[row.role],
    votingRight: row.votingRight,
    startDate: row.validFrom,
    endDate: row.validTo ?? undefined,
    'moedebog:party': row.party ?? undefined,
    'moedebog:substituteFor': row.substituteForPersonId === null ? undefined : urls.person(row.substituteForPersonId),
    ...stamps(row),
  });

  const person = (row: PersonRow, seats: MembershipRow[]): OparlObject => ({
    id: urls.person(row.id),
    type: t('Person'),
    body: urls.body(row.bodyId),
    name: row.name,
    membership: seats.map((m) => membership(m, true)),
    ...stamps(row),
  });

  const locationOf = (row: MeetingRow): OparlObject | undefined =>
    row.locationKey && row.location ? { id: urls.location(row.locationKey), type: t('Location'), description: row.location } : undefined;

  const location = (row: LocationRow): OparlObject => ({
    id: urls.location(row.key),
    type: t('Location'),
    description: row.description,
    bodies: [urls.body(row.bodyId)],
    meetings: row.meetingIds.map(urls.meeting),
    ...stamps(row),
  });

  /** The dagsorden, referat and samlet dokument PDFs the site serves for a meeting. */
  const meetingFile = (row: MeetingRow, variant: PdfFileVariant, embedded: boolean): OparlObject => {
    const id = urls.meetingFile(row.id, variant);
    const created = variant === 'referat' ? (row.firstPublishedAt ?? row.created) : (row.agendaPublishedAt ?? row.created);
    const times = { created, modified: row.modified };
    if (variant === 'referat' && !row.minutesPublic) return tombstone(id, t('File'), times);
    const href = urls.site(`${meetingHref(row.slug)}/${variant}.pdf`);
    return {
      id,
      type: t('File'),
      name: oparlTexts.files[variant],
      fileName: `${oparlTexts.fileNamePrefix[variant]}-${row.slug}.pdf`,
      mimeType: 'application/pdf',
      accessUrl: href,
      downloadUrl: href,
      meeting: embedded ? undefined : [urls.meeting(row.id)],
      ...stamps(times),
    };
  };

  const attachmentFile = (row: AttachmentFileRow, embedded: boolean): OparlObject => {
    const id = urls.attachmentFile(row.id);
    if (row.deleted) return tombstone(id, t('File'), row);
    const href = urls.site(publicFileHref(row.id, row.title));
    return {
      id,
      type: t('File'),
      name: row.title,
      fileName: row.fileName ?? sanitizeFileName(row.title),
      mimeType: row.contentType ?? undefined,
      size: row.size ?? undefined,
      accessUrl: href,
      downloadUrl: href,
      agendaItem: embedded ? undefined : [urls.agendaItem(row.itemId)],
      meeting: embedded ? undefined : [urls.meeting(row.meetingId)],
      paper: embedded || row.caseId === null ? undefined : [urls.paper(row.caseId)],
      ...stamps(row),
    };
  };

  const resolutionText = (row: ItemRow, parts: ResolutionPartRow[]): string | undefined => {
    if (!row.minutesPublic) return undefined;
    const blocks: string[] = [];
    const decision = plainText(row.decision);
    if (decision) blocks.push(decision);
    for (const part of parts) {
      const text = plainText(part.text);
      if (part.kind === 'point' && part.pointNumber !== null) blocks.push(`${oparlTexts.pointLabel(part.pointNumber)} ${text}`);
      else if (part.kind === 'dissent') blocks.push(part.names ? `${part.names} ${text}` : text);
    }
    return blocks.length > 0 ? blocks.join('\n\n') : undefined;
  };

  const agendaItem = (
    row: ItemRow,
    extra: { files: AttachmentFileRow[]; parts: ResolutionPartRow[]; motions: string[] },
    embedded: boolean,
  ): OparlObject => {
    const base = {
      id: urls.agendaItem(row.id),
      type: t('AgendaItem'),
      meeting: embedded ? undefined : urls.meeting(row.meetingId),
      number: String(row.number),
      order: row.order,
    };
    // A closed item is its number and a neutral name, nothing else (its content is not even read).
    if (row.isClosed) return { ...base, name: oparlTexts.closedItem, public: false, ...stamps(row) };
    return {
      ...base,
      name: row.title ?? '',
      public: true,
      consultation: row.caseId === null ? undefined : urls.consultation(row.id),
      resolutionText: resolutionText(row, extra.parts),
      auxiliaryFile: nonEmpty(extra.files.map((f) => attachmentFile(f, true))),
      'moedebog:motion': nonEmpty(extra.motions),
      web: urls.site(itemHref(row.meetingSlug, row.number)),
      ...stamps(row),
    };
  };

  const meeting = (row: MeetingRow, agendaItems: OparlObject[], withPdfs: boolean): OparlObject => ({
    id: urls.meeting(row.id),
    type: t('Meeting'),
    name: oparlTexts.meetingName(row.committeeName, row.startsAt),
    meetingState: STATUS_LABELS[row.status],
    cancelled: row.cancelled,
    start: oparlDateTime(row.startsAt),
    end: row.endsAt ? oparlDateTime(row.endsAt) : undefined,
    location: locationOf(row),
    organization: [urls.organization(row.committeeId)],
    participant: row.minutesPublic ? row.participantIds.map(urls.person) : undefined,
    invitation: withPdfs ? meetingFile(row, 'dagsorden', true) : undefined,
    resultsProtocol: withPdfs && row.minutesPublic ? meetingFile(row, 'referat', true) : undefined,
    auxiliaryFile: withPdfs ? [meetingFile(row, 'samlet', true)] : undefined,
    agendaItem: agendaItems,
    web: urls.site(meetingHref(row.slug)),
    ...stamps(row),
  });

  const consultation = (row: ConsultationRow, embedded: boolean): OparlObject => {
    const known = row.decidedByCommitteeId !== null;
    const authoritative = known ? row.decidedByCommitteeId === row.committeeId : undefined;
    const role = !known
      ? undefined
      : authoritative
        ? oparlTexts.consultationRole.decision
        : row.committeeKind === 'advisory_board'
          ? oparlTexts.consultationRole.hearing
          : oparlTexts.consultationRole.preparation;
    return {
      id: urls.consultation(row.id),
      type: t('Consultation'),
      paper: embedded ? undefined : urls.paper(row.caseId),
      agendaItem: urls.agendaItem(row.id),
      meeting: urls.meeting(row.meetingId),
      organization: [urls.organization(row.committeeId)],
      authoritative,
      role,
      ...stamps(row),
    };
  };

  const paper = (row: PaperRow, consultations: ConsultationRow[]): OparlObject => ({
    id: urls.paper(row.id),
    type: t('Paper'),
    body: urls.body(row.bodyId),
    name: row.name,
    reference: row.reference,
    date: oparlDate(row.firstTreatedAt),
    paperType: oparlTexts.paperType,
    consultation: consultations.map((c) => consultation(c, true)),
    // The case page (src/modules/cases) shows a case that has a public open item: every paper here has one.
    web: urls.site(`/sager/${row.id}`),
    ...stamps(row),
  });

  // ------------------------------------------------------------ votes, modelled on Popolo

  /** Popolo's result: a motion passes when more voted for it than against (a tie falls). */
  const countResult = (yes: number, no: number) => (yes > no ? 'pass' : 'fail');

  const amendmentMotion = (row: AmendmentMotionRow): OparlObject => {
    const id = urls.amendmentMotion(row.id);
    if (row.deleted) return tombstone(id, p('Motion'), row);
    return {
      id,
      type: p('Motion'),
      agendaItem: urls.agendaItem(row.itemId),
      organization: urls.organization(row.committeeId),
      classification: oparlTexts.motion.amendment,
      recommendationPoint: row.pointNumber ?? undefined,
      creator: row.proposerIds.map(urls.person),
      text: plainText(row.text),
      date: oparlDate(row.meetingStartsAt),
      result: row.outcome === 'adopted' ? 'pass' : 'fail',
      voteEvent: row.voteIds.map(urls.voteEvent),
      ...stamps(row),
    };
  };

  /** A named vote on a recommendation point itself: the point is the motion. */
  const pointMotion = (row: VoteEventRow): OparlObject => {
    const id = urls.pointMotion(row.id);
    if (row.deleted) return tombstone(id, p('Motion'), row);
    return {
      id,
      type: p('Motion'),
      agendaItem: urls.agendaItem(row.itemId),
      organization: urls.organization(row.committeeId),
      classification: row.pointNumber === null ? oparlTexts.motion.recommendation : oparlTexts.motion.point,
      recommendationPoint: row.pointNumber ?? undefined,
      text: row.pointText ? plainText(row.pointText) : undefined,
      date: oparlDate(row.meetingStartsAt),
      result: countResult(row.yes, row.no),
      voteEvent: [urls.voteEvent(row.id)],
      ...stamps(row),
    };
  };

  const OPTION = { for: 'yes', against: 'no', abstain: 'abstain' } as const;

  const vote = (event: VoteEventRow, ballot: BallotRow, embedded: boolean): OparlObject => {
    const id = urls.vote(event.id, ballot.personId);
    if (event.deleted) return tombstone(id, p('Vote'), event);
    return {
      id,
      type: p('Vote'),
      voteEvent: embedded ? undefined : urls.voteEvent(event.id),
      voter: urls.person(ballot.personId),
      option: OPTION[ballot.choice],
      party: ballot.party ?? undefined,
      ...stamps(event),
    };
  };

  const voteEvent = (row: VoteEventRow, rowBallots: BallotRow[]): OparlObject => {
    const id = urls.voteEvent(row.id);
    if (row.deleted) return tombstone(id, p('VoteEvent'), row);
    const result = row.amendmentOutcome ? (row.amendmentOutcome === 'adopted' ? 'pass' : 'fail') : countResult(row.yes, row.no);
    return {
      id,
      type: p('VoteEvent'),
      motion: row.amendmentId === null ? urls.pointMotion(row.id) : urls.amendmentMotion(row.amendmentId),
      agendaItem: urls.agendaItem(row.itemId),
      organization: urls.organization(row.committeeId),
      startDate: oparlDateTime(row.meetingStartsAt),
      result,
      counts: [
        { option: 'yes', value: row.yes },
        { option: 'no', value: row.no },
        { option: 'abstain', value: row.abstain },
      ],
      votes: rowBallots.map((b) => vote(row, b, true)),
      ...stamps(row),
    };
  };

  return {
    system,
    body,
    legislativeTerm,
    organization,
    person,
    membership,
    meeting,
    meetingFile,
    attachmentFile,
    agendaItem,
    consultation,
    paper,
    location,
    amendmentMotion,
    pointMotion,
    voteEvent,
    vote,
  };
}

export type Serializers = ReturnType<typeof createSerializers>;
