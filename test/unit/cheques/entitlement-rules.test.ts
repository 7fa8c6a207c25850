import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chequeCategories } from '../../../shared/cheques/cheque-category';
import { splitAmount } from '../../../shared/cheques/budget';
import { entitlementRules, rulesFor } from '../../../shared/cheques/entitlement-rules';

const rules2026 = rulesFor('2026-2027');
if (!rules2026) throw new Error('rules for 2026-2027 missing');
const rules = rules2026;

describe('entitlement rules per school year', () => {
  it.each(['2024-2025', '2025-2026', '2026-2027', '2027-2028'])('has rules for %s', (schoolYear) => {
    expect(rulesFor(schoolYear)?.schoolYear).toBe(schoolYear);
  });

  it('R-CHQ-5: a school year after the last one with data borrows the latest rules, marked provisional', () => {
    const latest = entitlementRules.at(-1);
    if (!latest) throw new Error('no rules');
    const borrowed = rulesFor('2031-2032');
    expect(borrowed?.schoolYear).toBe('2031-2032');
    expect(borrowed?.provisional).toEqual({ basedOn: latest.schoolYear });
    expect({ ...borrowed, schoolYear: latest.schoolYear, provisional: undefined }).toEqual({ ...latest, provisional: undefined });
  });

  it('R-CHQ-5: a configured school year is not provisional; a year before the first one has no rules', () => {
    expect(rulesFor('2026-2027')?.provisional).toBeUndefined();
    expect(rulesFor('2019-2020')).toBeUndefined();
    expect(rulesFor('2030-2032')).toBeUndefined();
  });

  it('R-CHQ-5: the latest year is found by year, not by its place in the table', () => {
    const table = [rules, { ...rules, schoolYear: '2028-2029', capCents: 30_000 }, { ...rules, schoolYear: '2025-2026' }];
    expect(rulesFor('2030-2031', table)).toMatchObject({ capCents: 30_000, provisional: { basedOn: '2028-2029' } });
    expect(rulesFor('2027-2028', table)).toBeUndefined();
  });

  it('has one entry per school year', () => {
    const years = entitlementRules.map((r) => r.schoolYear);
    expect(new Set(years).size).toBe(years.length);
  });

  it('R-CHQ-3: €250 per school year, the worker pays half', () => {
    // Act
    const split = splitAmount(25_000, 'standard', rules);
    // Assess
    expect(rules.capCents).toBe(25_000);
    expect(split).toEqual({ contributionCents: 12_500, governmentCents: 12_500 });
  });

  it.each(['secondaryDiploma', 'nt2', 'shortageOccupation', 'basicSkills'] as const)(
    'R-CHQ-4: the government pays everything for %s',
    (category) => {
      expect(splitAmount(25_000, category, rules)).toEqual({ contributionCents: 0, governmentCents: 25_000 });
    },
  );

  it('R-CHQ-4: a standard training is not fully paid', () => {
    expect(splitAmount(10_000, 'standard', rules).contributionCents).toBe(5_000);
  });

  it('R-CHQ-5: a bachelor training may use up to €500, the worker pays half (€250)', () => {
    expect(rules.higherEducationCapCents).toBe(50_000);
    expect(splitAmount(50_000, 'higherEducation', rules)).toEqual({ contributionCents: 25_000, governmentCents: 25_000 });
  });

  it("R-CHQ-3: an odd amount is rounded in the government's favour: the worker pays the extra cent", () => {
    expect(splitAmount(12_345, 'standard', rules)).toEqual({ contributionCents: 6_173, governmentCents: 6_172 });
  });

  it('R-CHQ-3: a 1-cent request on a 50/50 training is not paid by the government alone', () => {
    expect(splitAmount(1, 'standard', rules)).toEqual({ contributionCents: 1, governmentCents: 0 });
  });

  it('contribution + government = amount, exactly, for any amount and category', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(...chequeCategories), (amount, category) => {
        const { contributionCents, governmentCents } = splitAmount(amount, category, rules);
        expect(contributionCents + governmentCents).toBe(amount);
        expect(Number.isInteger(contributionCents) && contributionCents >= 0 && governmentCents >= 0).toBe(true);
        if (category === 'standard' || category === 'higherEducation') expect(Math.abs(contributionCents - governmentCents)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('R-CHQ-6: eligibility is data: works in Flanders and POP for higher-education graduates', () => {
    expect(rules.eligibility).toEqual({ requiresWorksInFlanders: true, higherEducationDegreeRequiresPop: true });
  });
});
