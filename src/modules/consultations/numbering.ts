import { joinNames } from '../../i18n/texts';

/**
 * Numbering of a consultation summary, derived and never stored: consultee n (its
 * place in the list) has points n.a, n.b … — or just n when it has one point, as in
 * seed 000 ("8 Indstillingen godkendt …"). References are stored as point ids, so
 * they stay right whatever moves; they are shown (and typed) as these labels.
 */

export interface NumberingParty {
  id: number;
  name: string;
  /** The party's points in order */
  pointIds: number[];
}

export interface Numbering {
  /** The consultee's number: 1 for the first */
  partyNumber(partyId: number): number | undefined;
  labelOf(pointId: number): string | undefined;
  /** The point a typed label names ("1.b", "1b", "8"), or undefined */
  pointOf(label: string): number | undefined;
  partyOfPoint(pointId: number): NumberingParty | undefined;
}

/** 0 → a, 25 → z, 26 → aa */
export function pointLetter(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

export function pointLabel(partyNumber: number, index: number, count: number): string {
  return count === 1 ? String(partyNumber) : `${partyNumber}.${pointLetter(index)}`;
}

/** "1.b", "1 b", "1b.", "8" → "1.b" / "8"; undefined when it is no label. */
export function normalizeLabel(raw: string): string | undefined {
  const m = /^\s*(\d{1,3})\s*\.?\s*([a-zA-Z]{1,2})?\s*\.?\s*$/.exec(raw);
  if (!m) return undefined;
  return m[2] ? `${Number(m[1])}.${m[2].toLowerCase()}` : String(Number(m[1]));
}

export function buildNumbering(parties: NumberingParty[]): Numbering {
  const labels = new Map<number, string>();
  const byLabel = new Map<string, number>();
  const partyNumbers = new Map<number, number>();
  const partyOf = new Map<number, NumberingParty>();
  parties.forEach((party, i) => {
    const number = i + 1;
    partyNumbers.set(party.id, number);
    party.pointIds.forEach((pointId, j) => {
      const label = pointLabel(number, j, party.pointIds.length);
      labels.set(pointId, label);
      byLabel.set(label, pointId);
      partyOf.set(pointId, party);
      // A consultee's only point answers to "8" and "8.a" alike.
      if (party.pointIds.length === 1) byLabel.set(`${number}.a`, pointId);
    });
  });
  return {
    partyNumber: (partyId) => partyNumbers.get(partyId),
    labelOf: (pointId) => labels.get(pointId),
    pointOf: (label) => {
      const normal = normalizeLabel(label);
      return normal === undefined ? undefined : byLabel.get(normal);
    },
    partyOfPoint: (pointId) => partyOf.get(pointId),
  };
}

/** "1.b, 1.c og 2" → ["1.b", "1.c", "2"]; the pieces that are no label come back in `invalid`. */
export function parseLabelList(input: string): { labels: string[]; invalid: string[] } {
  const labels: string[] = [];
  const invalid: string[] = [];
  for (const piece of input.split(/\s*(?:,|;|\bog\b|\+)\s*/i)) {
    if (piece.trim() === '') continue;
    const label = normalizeLabel(piece);
    if (label === undefined) invalid.push(piece.trim());
    else if (!labels.includes(label)) labels.push(label);
  }
  return { labels, invalid };
}

/**
 * "Se svar under Økonomiudvalget (1.b og 1.c)"; several consultees:
 * "Se svar under Økonomiudvalget (1.a) og Kultur- og Fritidsudvalget (4.b)". Targets in summary order.
 */
export function referenceText(numbering: Numbering, targetIds: number[]): string | null {
  const known = targetIds.filter((id) => numbering.labelOf(id) !== undefined);
  if (known.length === 0) return null;
  const groups: Array<{ party: NumberingParty; labels: Array<{ label: string; order: number }> }> = [];
  for (const id of known) {
    const party = numbering.partyOfPoint(id) as NumberingParty;
    let group = groups.find((g) => g.party.id === party.id);
    if (!group) {
      group = { party, labels: [] };
      groups.push(group);
    }
    group.labels.push({ label: numbering.labelOf(id) as string, order: party.pointIds.indexOf(id) });
  }
  groups.sort((a, b) => (numbering.partyNumber(a.party.id) ?? 0) - (numbering.partyNumber(b.party.id) ?? 0));
  const parts = groups.map((g) => `${g.party.name} (${joinNames(g.labels.sort((a, b) => a.order - b.order).map((l) => l.label))})`);
  return `Se svar under ${joinNames(parts)}`;
}

const STORED_REF = /\[\[punkt:(\d{1,10})\]\]/g;
const TYPED_REF = /\{\s*(\d{1,3}\s*\.?\s*[a-zA-Z]{0,2})\s*\.?\s*\}/g;

/** Typed references "{1.c}" → stored "[[punkt:<id>]]"; labels that name no point are returned as unknown. */
export function encodeInlineRefs(text: string, numbering: Numbering): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const out = text.replace(TYPED_REF, (whole, label: string) => {
    const id = numbering.pointOf(label);
    if (id === undefined) {
      unknown.push(whole);
      return whole;
    }
    return `[[punkt:${id}]]`;
  });
  return { text: out, unknown };
}

/** Stored references as their current labels: "{1.c}" for editing (braces) or "1.c" for reading. */
export function decodeInlineRefs(text: string, numbering: Numbering, braces: boolean): string {
  return text.replace(STORED_REF, (_whole, id: string) => {
    const label = numbering.labelOf(Number(id));
    if (label === undefined) return braces ? '{?}' : '(henvisning til et punkt, der ikke findes længere)';
    return braces ? `{${label}}` : label;
  });
}

/** The ids stored references in a text point to. */
export function inlineRefIds(text: string | null): number[] {
  if (!text) return [];
  return [...text.matchAll(STORED_REF)].map((m) => Number(m[1]));
}
