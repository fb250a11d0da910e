import { formatDate, formatIsoDate } from '../../i18n/format';
import { areMinutesPublic, STATUS_LABELS } from '../meetings/meeting-status';
import { itemHref, toBlocks, type Block } from '../meetings/presenter';
import { sanitizeRichText } from '../sanitize/html';
import type { CaseAppearance, CaseRow, ProcessStepRow } from './repository';

export interface TreatmentView {
  date: string;
  isoDate: string;
  committeeName: string;
  heading: string;
  href: string;
  status: string;
  upcoming: boolean;
  decision: Block[] | null;
}

export type StepState = 'held' | 'planned' | 'passed' | 'activity';

export interface StepView {
  date: string;
  title: string;
  committeeName: string | null;
  descriptionHtml: string | null;
  state: StepState;
  stateLabel: string;
  item: { href: string; label: string } | null;
}

export interface CasePage {
  id: number;
  caseNumber: string;
  title: string;
  bodyName: string;
  treatments: TreatmentView[];
  plan: StepView[];
}

const STEP_LABELS: Record<StepState, string> = {
  held: 'Behandlet',
  planned: 'Planlagt',
  passed: 'Ikke behandlet på den planlagte dato',
  activity: 'Aktivitet uden for udvalgsmøderne',
};

/** "31. maj 2022"; a span within one month "20.-21. maj 2022". */
function stepDate(step: ProcessStepRow): string {
  const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00Z`));
  if (!step.plannedUntil || step.plannedUntil === step.plannedOn) return day(step.plannedOn);
  if (step.plannedOn.slice(0, 7) === step.plannedUntil.slice(0, 7)) return `${Number(step.plannedOn.slice(8))}.-${day(step.plannedUntil)}`;
  return `${day(step.plannedOn)} – ${day(step.plannedUntil)}`;
}

/**
 * The story of a case: where it has been (with decisions once the minutes are
 * public), and its process plan, each planned treatment shown as planned until an
 * item on the case exists at that committee's meeting that day, then linked to it.
 */
export function presentCase(row: CaseRow, appearances: CaseAppearance[], points: Map<number, Array<{ number: number; decision: string }>>, steps: ProcessStepRow[], now: Date): CasePage {
  const today = formatIsoDate(now);
  const treatments = appearances.map((a): TreatmentView => {
    const minutes = areMinutesPublic(a.meetingStatus);
    const pointHtml = (points.get(a.itemId) ?? []).map((p) => {
      const clean = sanitizeRichText(p.decision);
      return clean.startsWith('<p>') ? `<p>Indstillingens punkt ${p.number}: ${clean.slice(3)}` : `<p>Indstillingens punkt ${p.number}:</p>${clean}`;
    });
    const decisionHtml = a.viaSubPoint ? '' : (a.decision ?? '') + pointHtml.join('');
    return {
      date: formatDate(a.startsAt),
      isoDate: a.startsAt.toISOString(),
      committeeName: a.committeeName,
      heading: a.viaSubPoint ? `Punkt ${a.number} ${a.title}${a.subPointTitle ? `: ${a.subPointTitle}` : ''}` : `Punkt ${a.number} ${a.title}`,
      href: itemHref(a.meetingSlug, a.number),
      status: a.cancelled ? 'Mødet er aflyst' : STATUS_LABELS[a.meetingStatus],
      upcoming: now.getTime() < a.startsAt.getTime(),
      decision: minutes && decisionHtml ? toBlocks(decisionHtml, [], new Set()) : null,
    };
  });
  const plan = steps.map((s): StepView => {
    const held = s.committeeId === null ? undefined : appearances.find((a) => !a.viaSubPoint && !a.cancelled && a.committeeId === s.committeeId && formatIsoDate(a.startsAt) === s.plannedOn);
    const state: StepState = held ? 'held' : s.committeeId === null ? 'activity' : s.plannedOn >= today ? 'planned' : 'passed';
    return {
      date: stepDate(s),
      title: s.title,
      committeeName: s.committeeName,
      descriptionHtml: s.description ? sanitizeRichText(s.description) : null,
      state,
      stateLabel: STEP_LABELS[state],
      item: held ? { href: itemHref(held.meetingSlug, held.number), label: `${held.committeeName} ${formatDate(held.startsAt)}, punkt ${held.number}` } : null,
    };
  });
  return { id: row.id, caseNumber: row.caseNumber, title: row.title, bodyName: row.bodyName, treatments, plan };
}
