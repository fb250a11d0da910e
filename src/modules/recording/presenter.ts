import { formatDate, formatLongDate, formatTime } from '../../i18n/format';
import { joinNames, roleLabels, texts } from '../../i18n/texts';
import { fieldId } from '../../web/forms';
import { STATUS_LABELS, statusRank } from '../meetings/meeting-status';
import { sanitizeRichText } from '../sanitize/html';
import { MARKUP_HELP } from '../sanitize/markup';
import { decomposeDecision, PHRASES } from './decision-text';
import type { Choice, ItemRecording, MemberMeetingRow, MemberSeat, Participant, RecordingMeeting, SubstituteOption } from './repository';
import type { Raw } from './schema';

/** Reads a value the way the form posted it (or the default built from the database). */
function one(raw: Raw, key: string): string {
  const v = raw[key];
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  if (typeof v === 'number') return String(v);
  return '';
}

function many(raw: Raw, key: string): string[] {
  const v = raw[key];
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string' && v !== '') return [v];
  if (typeof v === 'number') return [String(v)];
  return [];
}

export interface RadioOption {
  id: string;
  value: string;
  label: string;
  checked: boolean;
}

function radios(name: string, current: string, options: Array<{ value: string; label: string }>): RadioOption[] {
  // The first option carries the field's own id, so the error summary's link lands on the group.
  return options.map((o, i) => ({ id: i === 0 ? fieldId(name) : `${fieldId(name)}-${o.value || 'none'}`, value: o.value, label: o.label, checked: o.value === current }));
}

function withParty(name: string, party: string | null | undefined): string {
  return party ? `${name} (${party})` : name;
}

export function meetingHeading(meeting: RecordingMeeting): { title: string; dateLong: string; time: string; statusLabel: string; adminHref: string } {
  return {
    title: `${meeting.committeeName}, ${formatDate(meeting.startsAt)}`,
    dateLong: formatLongDate(meeting.startsAt),
    time: formatTime(meeting.startsAt),
    statusLabel: meeting.cancelled ? 'Aflyst' : STATUS_LABELS[meeting.status],
    adminHref: `/admin/moeder/${meeting.id}`,
  };
}

// ---------- attendance ----------

export function attendanceDefaults(members: MemberSeat[], options: SubstituteOption[]): Raw {
  const raw: Raw = {};
  for (const m of members) {
    const personal = options.find((o) => o.committeeSubstitute && o.substituteForPersonId === m.personId);
    raw[`status_${m.personId}`] = m.substituteId ? 'substitute' : (m.attendance ?? 'present');
    raw[`reason_${m.personId}`] = m.reason ?? '';
    raw[`substitute_${m.personId}`] = String(m.substituteId ?? personal?.personId ?? '');
  }
  return raw;
}

export function presentAttendance(o: { meeting: RecordingMeeting; members: MemberSeat[]; options: SubstituteOption[]; values: Raw }) {
  const { meeting, values } = o;
  return {
    members: o.members.map((m) => {
      const chosen = one(values, `substitute_${m.personId}`);
      const option = (s: SubstituteOption) => ({ value: String(s.personId), text: withParty(s.name, s.party), selected: String(s.personId) === chosen });
      const personal = o.options.filter((s) => s.committeeSubstitute && s.substituteForPersonId === m.personId);
      const committee = o.options.filter((s) => s.committeeSubstitute && s.substituteForPersonId !== m.personId);
      const others = o.options.filter((s) => !s.committeeSubstitute);
      return {
        personId: m.personId,
        legend: `${withParty(m.name, m.party)}${m.role === 'member' ? '' : `, ${roleLabels[m.role]}`}`,
        statusName: `status_${m.personId}`,
        statuses: radios(`status_${m.personId}`, one(values, `status_${m.personId}`), [
          { value: 'present', label: 'Til stede' },
          { value: 'absent', label: 'Fraværende' },
          { value: 'substitute', label: 'Fraværende – en stedfortræder deltog i stedet' },
        ]),
        reasonName: `reason_${m.personId}`,
        reason: one(values, `reason_${m.personId}`),
        substituteName: `substitute_${m.personId}`,
        substituteGroups: [
          { label: 'Personlig stedfortræder', options: personal.map(option) },
          { label: 'Udvalgets øvrige stedfortrædere', options: committee.map(option) },
          { label: `Andre i ${meeting.bodyName}`, options: others.map(option) },
        ].filter((g) => g.options.length > 0),
      };
    }),
  };
}

// ---------- decision page ----------

export interface DecisionValues {
  decision: Raw;
  vote: Raw;
  amendment: Raw;
  dissent: Raw;
}

export function decisionDefaults(item: ItemRecording, participants: Participant[]): DecisionValues {
  const decision: Raw = {};
  const whole = decomposeDecision(item.decision);
  decision.mode = item.points.some((p) => p.decision) ? 'points' : 'whole';
  decision.phrase = whole.phrase ?? '';
  decision.text = whole.markup;
  for (const p of item.points) {
    const d = decomposeDecision(p.decision);
    decision[`phrase_${p.number}`] = d.phrase ?? '';
    decision[`text_${p.number}`] = d.markup;
  }
  decision.absent = item.absences.filter((a) => a.reason === 'absent').map((a) => String(a.personId));
  decision.conflict = item.absences.filter((a) => a.reason === 'conflict_of_interest').map((a) => String(a.personId));
  for (const a of item.absences) decision[`note_${a.personId}`] = a.note ?? '';
  const vote: Raw = { vote_target: '' };
  for (const p of participants) vote[`ballot_${p.personId}`] = '';
  return { decision, vote, amendment: {}, dissent: {} };
}

const PHRASE_OPTIONS = [{ value: '', label: 'Ingen standardtekst – kun fritekst' }, ...PHRASES.map((p) => ({ value: p.key, label: p.label }))];
const CHOICES: Array<{ value: '' | Choice; label: string }> = [
  { value: 'for', label: 'For' },
  { value: 'against', label: 'Imod' },
  { value: 'abstain', label: 'Undlod at stemme' },
  { value: '', label: 'Stemte ikke' },
];

function voteLines(ballots: Array<{ personId: number; choice: Choice }>, person: (id: number) => string) {
  return (
    [
      { label: texts.voteFor, choice: 'for' },
      { label: texts.voteAgainst, choice: 'against' },
      { label: texts.voteAbstain, choice: 'abstain' },
    ] as const
  )
    .map((v) => ({ label: v.label, names: ballots.filter((b) => b.choice === v.choice).map((b) => person(b.personId)) }))
    .filter((v) => v.names.length > 0)
    .map((v) => ({ label: v.label, names: `${v.names.join(', ')}.` }));
}

export function presentDecisionPage(o: {
  item: ItemRecording;
  participants: Participant[];
  people: Map<number, { name: string; party: string | null }>;
  values: DecisionValues;
}) {
  const { item, values } = o;
  const person = (id: number) => {
    const p = o.people.get(id);
    return p ? withParty(p.name, p.party) : `Person ${id}`;
  };
  const pointLabel = (n: number | null) => (n === null ? 'Hele punktet' : `Indstillingens punkt ${n}`);
  const d = values.decision;
  const absent = many(d, 'absent');
  const conflict = many(d, 'conflict');
  const participantChoices = (name: string, raw: Raw) => {
    const chosen = many(raw, name);
    return o.participants.map((p) => ({
      id: `${fieldId(name)}-${p.personId}`,
      value: String(p.personId),
      label: `${withParty(p.name, p.party)}${p.substituteForName ? `, stedfortræder for ${p.substituteForName}` : ''}`,
      checked: chosen.includes(String(p.personId)),
    }));
  };
  // The first checkbox of a list carries the list's id for the error summary.
  const firstIdIsField = <T extends { id: string }>(name: string, list: T[]) => list.map((c, i) => (i === 0 ? { ...c, id: fieldId(name) } : c));

  const mode = one(d, 'mode') === 'points' && item.points.length > 0 ? 'points' : 'whole';
  const amendmentNumber = new Map(item.amendments.map((a, i) => [a.id, i + 1]));
  const votedTargets = new Set(item.votes.map((v) => (v.amendmentId !== null ? `amendment-${v.amendmentId}` : `point-${v.pointNumber}`)));
  const targetOptions = [
    ...item.points.map((p) => ({ value: `point-${p.number}`, text: `Indstillingens punkt ${p.number}` })),
    ...item.amendments.map((a) => ({ value: `amendment-${a.id}`, text: `Ændringsforslag ${amendmentNumber.get(a.id)} fra ${joinNames(a.proposerIds.map(person))}` })),
  ].filter((t) => !votedTargets.has(t.value));
  const pointOptions = [{ value: '', text: 'Hele punktet' }, ...item.points.map((p) => ({ value: String(p.number), text: `Indstillingens punkt ${p.number}` }))];
  const recordedPointVotes = item.votes.filter((v) => v.amendmentId === null);

  return {
    markupHelp: MARKUP_HELP,
    hasPoints: item.points.length > 0,
    decisionForm: {
      modes: radios('mode', mode, [
        { value: 'whole', label: 'Én beslutning for hele punktet' },
        { value: 'points', label: 'En beslutning for hvert punkt i indstillingen' },
      ]),
      phrases: radios('phrase', one(d, 'phrase'), PHRASE_OPTIONS),
      text: one(d, 'text'),
      points: item.points.map((p) => ({
        number: p.number,
        textHtml: sanitizeRichText(p.text),
        phraseName: `phrase_${p.number}`,
        phrases: radios(`phrase_${p.number}`, one(d, `phrase_${p.number}`), PHRASE_OPTIONS),
        textName: `text_${p.number}`,
        textLabel: `Fritekst til punkt ${p.number} (valgfri)`,
        text: one(d, `text_${p.number}`),
      })),
      participants: o.participants.map((p, i) => ({
        label: withParty(p.name, p.party),
        absentId: i === 0 ? fieldId('absent') : `${fieldId('absent')}-${p.personId}`,
        conflictId: i === 0 ? fieldId('conflict') : `${fieldId('conflict')}-${p.personId}`,
        value: String(p.personId),
        absentChecked: absent.includes(String(p.personId)),
        conflictChecked: conflict.includes(String(p.personId)),
        noteName: `note_${p.personId}`,
        note: one(d, `note_${p.personId}`),
      })),
    },
    recorded: {
      amendments: item.amendments.map((a) => {
        const vote = item.votes.find((v) => v.amendmentId === a.id);
        return {
          id: a.id,
          heading: `Ændringsforslag ${amendmentNumber.get(a.id)} (${pointLabel(a.pointNumber).toLowerCase()})`,
          deleteLabel: `Slet ændringsforslag ${amendmentNumber.get(a.id)}`,
          intro: `${joinNames(a.proposerIds.map(person))} fremsatte følgende ændringsforslag:`,
          html: sanitizeRichText(a.text),
          outcome: a.outcome === 'adopted' ? texts.amendmentAdopted : texts.amendmentRejected,
          vote: vote ? { id: vote.id, lines: voteLines(vote.ballots, person) } : null,
        };
      }),
      pointVotes: recordedPointVotes.map((v) => ({
        id: v.id,
        heading: `Afstemning om ${pointLabel(v.pointNumber).toLowerCase()}`,
        deleteLabel: `Slet afstemningen om ${pointLabel(v.pointNumber).toLowerCase()}`,
        lines: voteLines(v.ballots, person),
      })),
      dissents: item.dissents.map((ds) => ({ id: ds.id, pointLabel: pointLabel(ds.pointNumber), text: `${ds.personIds.map(person).join(', ')} ${ds.text}` })),
    },
    voteForm: {
      targets: targetOptions,
      target: one(values.vote, 'vote_target'),
      participants: o.participants.map((p) => ({
        legend: withParty(p.name, p.party),
        name: `ballot_${p.personId}`,
        choices: radios(`ballot_${p.personId}`, one(values.vote, `ballot_${p.personId}`), CHOICES),
      })),
    },
    amendmentForm: {
      proposers: firstIdIsField('amendment_proposer', participantChoices('amendment_proposer', values.amendment)),
      text: one(values.amendment, 'amendment_text'),
      point: one(values.amendment, 'amendment_point'),
      pointOptions,
      outcomes: radios('amendment_outcome', one(values.amendment, 'amendment_outcome'), [
        { value: 'rejected', label: 'Faldet (ikke vedtaget)' },
        { value: 'adopted', label: 'Vedtaget' },
      ]),
    },
    dissentForm: {
      persons: firstIdIsField('dissent_person', participantChoices('dissent_person', values.dissent)),
      text: one(values.dissent, 'dissent_text'),
      point: one(values.dissent, 'dissent_point'),
      pointOptions,
    },
  };
}

// ---------- members ----------

export function presentMemberMeetings(rows: MemberMeetingRow[]) {
  return rows.map((m) => {
    const readable = statusRank(m.status) >= statusRank('agenda_published');
    const kind = m.status === 'minutes_published' ? 'Referat' : statusRank(m.status) >= statusRank('held') ? 'Referatudkast' : 'Dagsorden';
    return {
      committeeName: m.committeeName,
      date: formatDate(m.startsAt),
      time: formatTime(m.startsAt),
      isoStart: m.startsAt.toISOString(),
      statusLabel: m.cancelled ? 'Aflyst' : STATUS_LABELS[m.status],
      href: readable ? `/mine-moeder/${m.id}` : null,
      linkText: `${kind}: ${m.committeeName}, ${formatDate(m.startsAt)}`,
      notReadyText: readable ? null : 'Dagsordenen er ikke udsendt endnu',
    };
  });
}
