import { describe, expect, it } from 'vitest';
import {
  draftExpiryCutoff,
  draftRetentionDays,
  emailNotificationPreferences,
  emailPreferenceInputSchema,
  isDraftExpired,
  rejectMatchInputSchema,
  staffDraftInputSchema,
  wantsEmail,
} from './intake-drafts.ts';
import { notificationKinds } from './notifications.ts';

const day = 86_400_000;
const now = new Date('2026-11-23T12:00:00Z');

describe('draft expiry', () => {
  it('keeps a draft for the retention days after its last save, and no longer', () => {
    expect(draftExpiryCutoff(now).getTime()).toBe(now.getTime() - draftRetentionDays * day);
    expect(isDraftExpired(new Date(now.getTime() - draftRetentionDays * day), now)).toBe(false);
    expect(isDraftExpired(new Date(now.getTime() - draftRetentionDays * day - 1), now)).toBe(true);
    expect(isDraftExpired(now, now)).toBe(false);
    expect(isDraftExpired(new Date(now.getTime() - 3 * day), now, 2)).toBe(true);
  });
});

describe('staff drafts', () => {
  it('never lets the caller choose the form, and refuses control characters and too many values', () => {
    const key = crypto.randomUUID();
    expect(staffDraftInputSchema.parse({ idempotencyKey: key, source: 'police', values: { reason: 'x' } })).toEqual({ idempotencyKey: key, values: { reason: 'x' } });
    expect(staffDraftInputSchema.safeParse({ idempotencyKey: key, values: { reason: 'a\u0007' } }).success).toBe(false);
    expect(staffDraftInputSchema.safeParse({ idempotencyKey: 'x', values: {} }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 61 }, (_, i) => [`k${i}`, '']));
    expect(staffDraftInputSchema.safeParse({ idempotencyKey: key, values: many }).success).toBe(false);
  });
});

describe('rejecting a match', () => {
  it('needs the referral, the version read and the candidate', () => {
    const ok = { referralId: crypto.randomUUID(), expectedVersion: '3', personId: crypto.randomUUID() };
    expect(rejectMatchInputSchema.parse(ok).expectedVersion).toBe(3);
    for (const bad of [{ ...ok, expectedVersion: '0' }, { ...ok, personId: 'x' }, { ...ok, referralId: '' }]) {
      expect(rejectMatchInputSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('e-mail preference', () => {
  it('sends urgent intake notifications by default, everything with "all", nothing with "off"', () => {
    const sent = (p: (typeof emailNotificationPreferences)[number]) => notificationKinds.filter((k) => wantsEmail(p, k));
    expect(sent('urgentOnly')).toEqual(['urgentReferral']);
    expect(sent('all')).toEqual([...notificationKinds]);
    expect(sent('off')).toEqual([]);
    expect(emailPreferenceInputSchema.safeParse({ preference: 'weekly' }).success).toBe(false);
  });
});
