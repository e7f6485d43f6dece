// The one way in (DOMAIN.md §9.1): where intake items come from, how they are sorted in the inbox.

/** Where an item came from: a partner organisation's type, or straight to social services ("direct":
 * a self-application or a guardian's call written down by staff). */
export const intakeSources = ['police', 'probationService', 'school', 'direct'] as const;
export type IntakeSource = (typeof intakeSources)[number];

/** How a direct item reached social services. */
export const intakeChannels = ['phone', 'visit', 'letter', 'email'] as const;
export type IntakeChannel = (typeof intakeChannels)[number];

/** Who asked, for a direct item: the person themselves or a guardian (vårdnadshavare). */
export const applicants = ['self', 'guardian'] as const;
export type Applicant = (typeof applicants)[number];

export const guardiansInformedOptions = ['yes', 'no'] as const;
export type GuardiansInformed = (typeof guardiansInformedOptions)[number];

export interface InboxRankFacts {
  /** The police see a threat or protection need, or the partner marked it as immediate. */
  protectionNeed: boolean;
  /** The person was a child when the item came in (or the item is a concern report about a child). */
  child: boolean;
}

/**
 * The inbox's first sort key (issue 5: protection need flagged, child, time waiting): 0 = protection need
 * and a child, 1 = protection need, 2 = child, 3 = neither. Within a rank the longest waiting comes first.
 * Acute protection need is kept apart from lifestyle-change support (003), so it outranks age.
 */
export function inboxRank(facts: InboxRankFacts): 0 | 1 | 2 | 3 {
  return ((facts.protectionNeed ? 0 : 2) + (facts.child ? 0 : 1)) as 0 | 1 | 2 | 3;
}

export interface InboxSortable {
  rank: number;
  receivedAt: Date;
  id: string;
}

/** The inbox order as a comparator; the database's ORDER BY (rank, received_at, id) must agree with it. */
export function compareInboxItems(a: InboxSortable, b: InboxSortable): number {
  return a.rank - b.rank || a.receivedAt.getTime() - b.receivedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
