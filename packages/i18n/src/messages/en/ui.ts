import type { Catalog } from '../shape.ts';
import type { ui as sv } from '../sv/ui.ts';

export const ui: Catalog<typeof sv> = {
  sort: { asc: 'sort ascending', desc: 'sort descending' },
  drafts: {
    discard: 'Discard',
    discardContext: 'the draft {{form}}, saved {{at}}',
    discardTitle: 'Discard the draft?',
    discardMessage: 'The draft ({{form}}, saved {{at}}) will be deleted. What you have written cannot be recovered.',
    discardConfirm: 'Yes, discard the draft',
    keep: 'No, keep it',
    discarded: 'The draft has been discarded.',
    notFound: 'The draft no longer exists.',
  },
};
