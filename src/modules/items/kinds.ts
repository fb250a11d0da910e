export const ITEM_KIND_LABELS = {
  regular: 'Sag',
  announcements: 'Meddelelser',
  minutes_approval: 'Godkendelse af referat',
} as const;
