import type { Knex } from 'knex';
import { budgetTableSchema, type BudgetTable } from '../budget-tables/schema';
import { sanitizeRichText } from '../sanitize/html';

export type ItemKind = 'regular' | 'announcements' | 'minutes_approval';

export interface NewAttachment {
  title: string;
  recommended: boolean;
  isPublic: boolean;
}

export interface NewVote {
  for: number[];
  against: number[];
  abstain: number[];
}

/** An agenda item with everything that hangs on it, by database ids. Written in one go by insertItemGraph. */
export interface NewItemGraph {
  number: number;
  position: number;
  kind: ItemKind;
  isClosed: boolean;
  caseId: number | null;
  postponedFromItemId: number | null;
  title: string;
  summary: string | null;
  background: string | null;
  casePresentation: string | null;
  financialText: string | null;
  decidedByCommitteeId: number | null;
  recommendationBy: string | null;
  decision: string | null;
  attachmentsNote: string | null;
  tables: BudgetTable[];
  points: Array<{ number: number; text: string; decision: string | null }>;
  amendments: Array<{ pointNumber: number | null; text: string; outcome: 'adopted' | 'rejected'; proposerIds: number[]; vote: NewVote | null }>;
  dissents: Array<{ pointNumber: number | null; text: string; personIds: number[] }>;
  absences: Array<{ personId: number; reason: 'absent' | 'conflict_of_interest'; note: string | null }>;
  subPoints: Array<{ number: number; title: string | null; body: string; caseId: number | null; attachments: NewAttachment[] }>;
  attachments: NewAttachment[];
}

const rich = (html: string | null): string | null => (html === null ? null : sanitizeRichText(html));

/** Inserts an item and its tables, points, amendments, votes, dissents, absences, sub-points and attachments. Call inside a transaction. */
export async function insertItemGraph(trx: Knex.Transaction, meetingId: number, item: NewItemGraph): Promise<number> {
  const [row] = await trx('agenda_items')
    .insert({
      meeting_id: meetingId,
      position: item.position,
      number: item.number,
      kind: item.kind,
      is_closed: item.isClosed,
      case_id: item.caseId,
      postponed_from_item_id: item.postponedFromItemId,
      title: item.title,
      summary: rich(item.summary),
      background: rich(item.background),
      case_presentation: rich(item.casePresentation),
      financial_text: rich(item.financialText),
      decided_by_committee_id: item.decidedByCommitteeId,
      recommendation_by: item.recommendationBy,
      decision: rich(item.decision),
      attachments_note: item.attachmentsNote,
    })
    .returning('id');
  const itemId = (row as { id: number }).id;

  for (const [i, table] of item.tables.entries()) {
    const definition = budgetTableSchema.parse(table);
    await trx('budget_tables').insert({ item_id: itemId, position: i + 1, definition: JSON.stringify(definition) });
  }
  for (const point of item.points) {
    await trx('recommendation_points').insert({
      item_id: itemId,
      number: point.number,
      text: sanitizeRichText(point.text),
      decision: rich(point.decision),
    });
  }
  let votePosition = 0;
  for (const [i, amendment] of item.amendments.entries()) {
    const [a] = await trx('amendments')
      .insert({
        item_id: itemId,
        position: i + 1,
        point_number: amendment.pointNumber,
        text: sanitizeRichText(amendment.text),
        outcome: amendment.outcome,
      })
      .returning('id');
    const amendmentId = (a as { id: number }).id;
    for (const [p, personId] of amendment.proposerIds.entries()) {
      await trx('amendment_proposers').insert({ amendment_id: amendmentId, person_id: personId, position: p + 1 });
    }
    if (amendment.vote) {
      votePosition += 1;
      const [v] = await trx('votes')
        .insert({ item_id: itemId, amendment_id: amendmentId, point_number: amendment.pointNumber, position: votePosition })
        .returning('id');
      const voteId = (v as { id: number }).id;
      const ballots = [
        ...amendment.vote.for.map((personId) => ({ personId, choice: 'for' })),
        ...amendment.vote.against.map((personId) => ({ personId, choice: 'against' })),
        ...amendment.vote.abstain.map((personId) => ({ personId, choice: 'abstain' })),
      ];
      for (const [b, ballot] of ballots.entries()) {
        await trx('vote_ballots').insert({ vote_id: voteId, person_id: ballot.personId, choice: ballot.choice, position: b + 1 });
      }
    }
  }
  for (const [i, dissent] of item.dissents.entries()) {
    const [d] = await trx('dissents')
      .insert({ item_id: itemId, position: i + 1, point_number: dissent.pointNumber, text: dissent.text })
      .returning('id');
    const dissentId = (d as { id: number }).id;
    for (const [p, personId] of dissent.personIds.entries()) {
      await trx('dissent_persons').insert({ dissent_id: dissentId, person_id: personId, position: p + 1 });
    }
  }
  for (const absence of item.absences) {
    await trx('item_absences').insert({ item_id: itemId, person_id: absence.personId, reason: absence.reason, note: absence.note });
  }
  let attachmentPosition = 0;
  for (const sub of item.subPoints) {
    const [s] = await trx('sub_points')
      .insert({ item_id: itemId, number: sub.number, title: sub.title, body: sanitizeRichText(sub.body), case_id: sub.caseId })
      .returning('id');
    const subPointId = (s as { id: number }).id;
    for (const attachment of sub.attachments) {
      attachmentPosition += 1;
      await trx('attachments').insert({
        item_id: itemId,
        sub_point_id: subPointId,
        position: attachmentPosition,
        title: attachment.title,
        recommended: attachment.recommended,
        is_public: attachment.isPublic,
      });
    }
  }
  for (const attachment of item.attachments) {
    attachmentPosition += 1;
    await trx('attachments').insert({
      item_id: itemId,
      position: attachmentPosition,
      title: attachment.title,
      recommended: attachment.recommended,
      is_public: attachment.isPublic,
    });
  }
  return itemId;
}
