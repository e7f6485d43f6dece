// Texts for the rest of intake (English). Keys must match sv/intake-drafts.ts.
import type { Catalog } from '../shape.ts';
import type { intakeDrafts as sv, notificationEmail as svEmail } from '../sv/intake-drafts.ts';

export const intakeDrafts: Catalog<typeof sv> = {
  drafts: {
    title: 'Intake',
    lead: 'Write down a self-application or a call from a guardian. You can save a draft and continue later.',
    newIntake: 'Register a new application or call',
    listTitle: 'My drafts',
    caption: 'Your saved drafts, most recently saved first',
    none: 'You have no saved drafts.',
    retention: 'A draft not saved for {{days}} days is deleted automatically. Only you can see your drafts.',
    col: { saved: 'Saved', what: 'What', action: 'Action' },
    unknownApplicant: 'Not stated',
    open: 'Continue',
    openContext: 'the draft saved {{at}}',
    save: 'Save draft',
    saved: 'The draft is saved. You will find it under Intake.',
    reopened: 'You are continuing a saved draft.',
    discardTitle: 'Discard the draft?',
    discardMessage: 'The draft (saved {{at}}) will be deleted. What you wrote cannot be recovered.',
    notAllowed: 'Only staff who register applications have drafts.',
  },
  rejectMatch: {
    reject: 'Not the same person',
    rejected: 'Saved: this person is not the one in the referral and will not be proposed again.',
    history: 'A proposed person was not the same person',
  },
  email: {
    title: 'E-mail about notifications',
    lead: 'You can get an e-mail when you get a new notification. The message holds no personal data, only a reference number and a link to Utväg.',
    address: 'Messages are sent to {{email}}.',
    legend: 'When do you want an e-mail?',
    options: {
      urgentOnly: 'Only for urgent new items (protection need or immediate)',
      all: 'For every notification',
      off: 'Never',
    },
    submit: 'Save',
    saved: 'Your e-mail choice is saved.',
    link: 'E-mail about notifications',
  },
};

export const notificationEmail: Catalog<typeof svEmail> = {
  subject: 'New notification in Utväg ({{reference}})',
  body:
    'You have a new notification in Utväg.\n\nReference number: {{reference}}\n\nSign in to read it: {{link}}\n\n' +
    'This message holds no personal data. You can change whether you get e-mail here: {{settings}}',
};
