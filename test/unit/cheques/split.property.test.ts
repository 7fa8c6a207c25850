/**
 * R-CHQ-3 (reading in domain.md): over a school year the worker's contribution for 50/50 trainings is
 * half of the total requested, rounded in the government's favour, however the total is split.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_BUDGET, reserve, splitAmount, type ChequeBudget } from '../../../shared/cheques/budget';
import type { ChequeCategory } from '../../../shared/cheques/cheque-category';
import { rulesFor } from '../../../shared/cheques/entitlement-rules';

const found = rulesFor('2026-2027');
if (!found) throw new Error('rules for 2026-2027 missing');
const rules = found;

/** Requests one after the other, as the decision does: split on the running total, then reserve. */
function requestAll(amounts: number[], categoryOf: (index: number) => ChequeCategory) {
  let budget: ChequeBudget = EMPTY_BUDGET;
  const accepted: { amountCents: number; contributionCents: number; category: ChequeCategory }[] = [];
  amounts.forEach((amountCents, index) => {
    const category = categoryOf(index);
    const { contributionCents } = splitAmount(amountCents, category, rules, budget);
    const result = reserve(budget, amountCents, category, rules);
    if (!result.ok) return;
    budget = result.budget;
    accepted.push({ amountCents, contributionCents, category });
  });
  return { budget, accepted };
}

describe('R-CHQ-3: splitting a request never lowers the worker share', () => {
  it('R-CHQ-3: for any sequence of amounts on 50/50 trainings the worker pays ⌈total / 2⌉', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 25_000 })), { minLength: 1, maxLength: 80 }),
        fc.array(fc.constantFrom<ChequeCategory>('standard', 'higherEducation'), { minLength: 1 }),
        (amounts, categories) => {
          const { budget, accepted } = requestAll(amounts, (i) => categories[i % categories.length] ?? 'standard');
          const total = accepted.reduce((sum, r) => sum + r.amountCents, 0);
          const paid = accepted.reduce((sum, r) => sum + r.contributionCents, 0);
          expect(paid).toBe(Math.ceil(total / 2));
          expect(budget.sharedContributionCents).toBe(paid);
          for (const r of accepted) expect(r.contributionCents).toBeGreaterThanOrEqual(0);
          for (const r of accepted) expect(r.contributionCents).toBeLessThanOrEqual(r.amountCents);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('R-CHQ-3: one request or the same total in 1-cent requests: the worker pays the same', () => {
    const whole = requestAll([101], () => 'standard');
    const split = requestAll(Array.from({ length: 101 }, () => 1), () => 'standard');
    const paid = (r: typeof whole) => r.accepted.reduce((sum, x) => sum + x.contributionCents, 0);
    expect(paid(whole)).toBe(51);
    expect(paid(split)).toBe(51);
  });

  it('R-CHQ-3, R-CHQ-4: fully paid requests in between do not change the share of the 50/50 ones', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5_000 }), fc.boolean()), { maxLength: 60 }), (steps) => {
        const { accepted } = requestAll(steps.map(([a]) => a), (i) => (steps[i]?.[1] ? 'nt2' : 'standard'));
        const shared = accepted.filter((r) => r.category === 'standard');
        const total = shared.reduce((sum, r) => sum + r.amountCents, 0);
        expect(shared.reduce((sum, r) => sum + r.contributionCents, 0)).toBe(Math.ceil(total / 2));
        for (const r of accepted.filter((x) => x.category === 'nt2')) expect(r.contributionCents).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
