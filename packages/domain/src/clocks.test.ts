import { describe, expect, it } from 'vitest';
import {
  clocksFor,
  defaultClockRules,
  endOfSwedishDay,
  hourInSweden,
  instantFromSwedishWallClock,
  mostUrgentClock,
  startOfSwedishDay,
  type ClockFacts,
} from './clocks.ts';

const at = (iso: string) => new Date(iso);
const byCode = (facts: ClockFacts, now: Date, rules = defaultClockRules) =>
  Object.fromEntries(clocksFor(facts, now, rules).map((c) => [c.code, c]));
// Summer time: Swedish wall clock = UTC + 2.
const concern = (receivedAt: string, more: Partial<ClockFacts> = {}): ClockFacts => ({ kind: 'concernReport', receivedAt: at(receivedAt), ...more });

describe('Swedish days as instants', () => {
  it('starts and ends days in Swedish time, also on the days clocks change', () => {
    expect(startOfSwedishDay('2026-06-15').toISOString()).toBe('2026-06-14T22:00:00.000Z');
    expect(startOfSwedishDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfSwedishDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfSwedishDay('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(endOfSwedishDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });

  it('answers a day asked again (now from its cache) the same, with a Date of its own', () => {
    const first = startOfSwedishDay('2026-10-25');
    first.setTime(0);
    expect(startOfSwedishDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfSwedishDay('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(() => startOfSwedishDay('2026-02-30')).toThrow(RangeError);
  });

  it('reads wall-clock times, refusing the hour skipped in spring', () => {
    expect(instantFromSwedishWallClock('2026-06-15', '14:30')?.toISOString()).toBe('2026-06-15T12:30:00.000Z');
    expect(instantFromSwedishWallClock('2026-01-15', '14:30')?.toISOString()).toBe('2026-01-15T13:30:00.000Z');
    expect(instantFromSwedishWallClock('2026-03-29', '02:30')).toBeNull();
    expect(instantFromSwedishWallClock('2026-10-25', '02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(hourInSweden(at('2026-06-15T14:00:00Z'))).toBe(16);
    expect(hourInSweden(at('2026-01-15T14:59:59.999Z'))).toBe(15);
    expect(hourInSweden(at('2026-10-25T00:59:59.999Z'))).toBe(2);
    expect(hourInSweden(at('2026-10-25T01:00:00Z'))).toBe(2);
    expect(hourInSweden(at('2026-03-29T01:00:00Z'))).toBe(3);
    expect(() => hourInSweden(new Date('nope'))).toThrow(RangeError);
  });
});

describe('the protective assessment of a concern report (same day, next day when late)', () => {
  it('is due by the end of the same day for a report in the morning', () => {
    const c = byCode(concern('2026-06-16T08:00:00Z'), at('2026-06-16T09:00:00Z'));
    expect(c.immediateSafetyAssessment!.dueAt.toISOString()).toBe('2026-06-16T21:59:59.999Z');
    expect(c.immediateSafetyAssessment!.state).toBe('ok');
  });

  it('is due the next day when the report came at or after the cut-off hour (16:00 Swedish time)', () => {
    const c = byCode(concern('2026-06-16T14:00:00Z'), at('2026-06-16T15:00:00Z'));
    expect(c.immediateSafetyAssessment!.dueAt.toISOString()).toBe('2026-06-17T21:59:59.999Z');
    const early = byCode(concern('2026-06-16T13:59:00Z'), at('2026-06-16T14:00:00Z'));
    expect(early.immediateSafetyAssessment!.dueAt.toISOString()).toBe('2026-06-16T21:59:59.999Z');
  });

  it('counts calendar days, so a late Friday report is due on Saturday', () => {
    const c = byCode(concern('2026-06-12T16:00:00Z'), at('2026-06-12T16:00:00Z'));
    expect(c.immediateSafetyAssessment!.dueAt.toISOString()).toBe('2026-06-13T21:59:59.999Z');
  });

  it('takes the cut-off from the rules', () => {
    const rules = { ...defaultClockRules, immediateSafetyAssessment: { lateArrivalHour: 12, dueSoonHours: 3 } };
    const c = byCode(concern('2026-06-16T10:30:00Z'), at('2026-06-16T10:30:00Z'), rules);
    expect(c.immediateSafetyAssessment!.dueAt.toISOString()).toBe('2026-06-17T21:59:59.999Z');
  });

  it('goes due soon, overdue, and met (late or in time)', () => {
    const facts = concern('2026-06-16T08:00:00Z');
    expect(byCode(facts, at('2026-06-16T19:30:00Z')).immediateSafetyAssessment!.state).toBe('dueSoon');
    expect(byCode(facts, at('2026-06-16T22:00:00Z')).immediateSafetyAssessment!.state).toBe('overdue');
    const inTime = byCode({ ...facts, safetyAssessedAt: at('2026-06-16T12:00:00Z') }, at('2026-06-20T00:00:00Z'));
    expect(inTime.immediateSafetyAssessment).toMatchObject({ state: 'met', metLate: false });
    const late = byCode({ ...facts, safetyAssessedAt: at('2026-06-17T07:00:00Z') }, at('2026-06-20T00:00:00Z'));
    expect(late.immediateSafetyAssessment).toMatchObject({ state: 'met', metLate: true });
  });
});

describe('the decision whether to open an investigation (14 days)', () => {
  it('is due 14 calendar days after the day the report came in', () => {
    const c = byCode(concern('2026-06-16T08:00:00Z'), at('2026-06-16T09:00:00Z'));
    expect(c.preliminaryAssessment!.dueAt.toISOString()).toBe('2026-06-30T21:59:59.999Z');
    expect(byCode(concern('2026-06-16T08:00:00Z'), at('2026-06-28T09:00:00Z')).preliminaryAssessment!.state).toBe('dueSoon');
    expect(byCode(concern('2026-06-16T08:00:00Z'), at('2026-07-01T09:00:00Z')).preliminaryAssessment!.state).toBe('overdue');
  });

  it('does not apply when an investigation is already open, nor to other kinds', () => {
    expect(byCode(concern('2026-06-16T08:00:00Z', { investigationAlreadyOpen: true }), at('2026-06-16T09:00:00Z')).preliminaryAssessment).toBeUndefined();
    const referral = clocksFor({ kind: 'referral', receivedAt: at('2026-06-16T08:00:00Z') }, at('2026-06-16T09:00:00Z'));
    expect(referral.map((c) => c.code)).toEqual(['firstContact']);
  });
});

describe('first contact (2 working days)', () => {
  it('skips weekends and public holidays', () => {
    const friday = clocksFor({ kind: 'referral', receivedAt: at('2026-06-12T09:00:00Z') }, at('2026-06-12T09:00:00Z'))[0]!;
    expect(friday.dueAt.toISOString()).toBe('2026-06-16T21:59:59.999Z');
    const beforeMidsummer = clocksFor({ kind: 'selfApplication', receivedAt: at('2026-06-18T09:00:00Z') }, at('2026-06-18T09:00:00Z'))[0]!;
    expect(beforeMidsummer.dueAt.toISOString()).toBe('2026-06-23T21:59:59.999Z');
    const saturday = clocksFor({ kind: 'referral', receivedAt: at('2026-06-13T09:00:00Z') }, at('2026-06-13T09:00:00Z'))[0]!;
    expect(saturday.dueAt.toISOString()).toBe('2026-06-16T21:59:59.999Z');
  });

  it('reads the receiving day in Swedish time (00:30 Saturday in Sweden is still Friday in UTC)', () => {
    const c = clocksFor({ kind: 'referral', receivedAt: at('2026-06-12T22:30:00Z') }, at('2026-06-12T22:30:00Z'))[0]!;
    expect(c.dueAt.toISOString()).toBe('2026-06-16T21:59:59.999Z');
  });

  it('takes the target from the rules', () => {
    const rules = { ...defaultClockRules, firstContact: { workingDays: 1, dueSoonHours: 24 } };
    const c = clocksFor({ kind: 'referral', receivedAt: at('2026-06-12T09:00:00Z') }, at('2026-06-12T09:00:00Z'), rules)[0]!;
    expect(c.dueAt.toISOString()).toBe('2026-06-15T21:59:59.999Z');
  });
});

it('picks the most urgent clock: overdue first, then the earliest due', () => {
  const clocks = clocksFor(concern('2026-06-16T08:00:00Z'), at('2026-06-17T09:00:00Z'));
  expect(mostUrgentClock(clocks)?.code).toBe('immediateSafetyAssessment');
  expect(mostUrgentClock([])).toBeUndefined();
});

describe('the due times kept per day of receipt', () => {
  it('answer as computing them afresh does, for every kind and time of day over a year', () => {
    // A structurally equal copy of the default rules is never cached: it is the reference.
    const fresh = structuredClone(defaultClockRules);
    const now = at('2026-06-16T12:00:00Z');
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 7 * 3_600_000 + 13 * 60_000) {
      for (const kind of ['concernReport', 'referral'] as const) {
        const facts = { kind, receivedAt: new Date(t) };
        expect(clocksFor(facts, now), new Date(t).toISOString()).toEqual(clocksFor(facts, now, fresh));
        expect(clocksFor(facts, now)).toEqual(clocksFor(facts, now)); // a second call, from the cache
      }
    }
  });
  it('hand out their own Date each time, so a caller changing one changes nothing else', () => {
    const facts = { kind: 'concernReport' as const, receivedAt: at('2026-06-16T08:00:00Z') };
    const first = clocksFor(facts, at('2026-06-16T09:00:00Z'));
    first[0]!.dueAt.setTime(0);
    expect(clocksFor(facts, at('2026-06-16T09:00:00Z'))[0]!.dueAt.toISOString()).toBe('2026-06-16T21:59:59.999Z');
  });
});
