import { describe, expect, it } from 'vitest';
import { retentionVerdict, type RetentionFacts } from './retention.ts';

const facts = (over: Partial<RetentionFacts> = {}): RetentionFacts => ({
  birthDate: '1999-03-12',
  lastEntryOn: '2020-06-10',
  hasOpenRecords: false,
  onlyConcernReportsWithoutInvestigation: false,
  eventKinds: [],
  ...over,
});

describe('retention (DOMAIN.md §10)', () => {
  it('culls a file 5 years after the last entry, done by the end of the following year', () => {
    expect(retentionVerdict(facts(), '2025-06-09')).toEqual({ due: false, reason: 'notYet', eligibleFrom: '2025-06-10' });
    expect(retentionVerdict(facts(), '2025-06-10')).toEqual({ due: true, rule: 'file', eligibleFrom: '2025-06-10', dueBy: '2026-12-31' });
  });

  it('never while a record is open', () => {
    expect(retentionVerdict(facts({ hasOpenRecords: true }), '2040-01-01')).toMatchObject({ due: false, reason: 'openRecords' });
  });

  it('keeps placements, adoption and paternity', () => {
    for (const kind of ['placement', 'adoption', 'paternity']) {
      expect(retentionVerdict(facts({ eventKinds: ['opened', kind] }), '2040-01-01')).toMatchObject({ due: false, reason: 'kept' });
    }
  });

  it.each(['1999-03-05', '1999-03-15', '1999-03-25'])('keeps people born on the 5th, 15th or 25th (%s) for research', (birthDate) => {
    expect(retentionVerdict(facts({ birthDate }), '2040-01-01')).toMatchObject({ due: false, reason: 'researchBirthDay' });
  });

  it('culls a concern report without investigation after 5 years, research birthdays included (kept apart)', () => {
    const f = facts({ onlyConcernReportsWithoutInvestigation: true, birthDate: '2012-01-15' });
    expect(retentionVerdict(f, '2025-06-09')).toMatchObject({ due: false, reason: 'notYet' });
    expect(retentionVerdict(f, '2025-06-10')).toEqual({ due: true, rule: 'concernReport', eligibleFrom: '2025-06-10', dueBy: '2025-06-10' });
  });

  it('takes the limits as configuration', () => {
    const rules = { yearsAfterLastEntry: 2, doneByEndOfFollowingYear: false, researchBirthDays: [], concernReportYears: 1, keptEventKinds: [] };
    expect(retentionVerdict(facts({ birthDate: '1999-03-05' }), '2022-06-10', rules)).toEqual({ due: true, rule: 'file', eligibleFrom: '2022-06-10', dueBy: '2022-06-10' });
  });

  it('counts from 29 February to 1 March in a common year', () => {
    expect(retentionVerdict(facts({ lastEntryOn: '2024-02-29' }), '2029-02-28')).toMatchObject({ due: false, eligibleFrom: '2029-03-01' });
  });
});
