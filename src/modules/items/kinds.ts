export const ITEM_KIND_LABELS = {
  regular: 'Sag',
  announcements: 'Meddelelser',
  minutes_approval: 'Godkendelse af referat',
} as const;

/**
 * The longest title an item may have, as the database checks it (migrations/…_agenda_item_headings.ts: the titles
 * are in an index, whose entries hold at most 2,704 bytes). The secretariat's form asks for at most 300.
 */
export const MAX_ITEM_TITLE_CHARS = 600;
