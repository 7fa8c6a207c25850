import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  admits,
  budgetDelta,
  EMPTY_BUDGET,
  release,
  remaining,
  requestDelta,
  reservationCondition,
  reserve,
  splitAmount,
  type ChequeBudget,
} from '../../../shared/cheques/budget';
import { chequeCategories, type ChequeCategory } from '../../../shared/cheques/cheque-category';
import { entitlementOf } from '../../../shared/cheques/entitlement';
import { rulesFor } from '../../../shared/cheques/entitlement-rules';

const found = rulesFor('2026-2027');
if (!found) throw new Error('rules for 2026-2027 missing');
const rules = found;

function reserved(budget: ChequeBudget, amount: number, category: ChequeCategory): ChequeBudget {
  const result = reserve(budget, amount, category, rules);
  if (!result.ok) throw new Error(result.reason.message);
  return result.budget;
}

describe('cheque budget per worker and school year', () => {
  it('R-CHQ-3: an ordinary training may use up to €250', () => {
    // Act
    const result = reserve(EMPTY_BUDGET, 25_000, 'standard', rules);
    // Assess
    expect(result).toEqual({ ok: true, budget: { usedCents: 25_000, usedOrdinaryCents: 25_000, sharedCents: 25_000, sharedContributionCents: 12_500 } });
  });

  it('R-CHQ-3: an ordinary training cannot go over €250 in a school year', () => {
    // Prepare
    const budget = reserved(EMPTY_BUDGET, 20_000, 'nt2');
    // Act
    const result = reserve(budget, 5_001, 'standard', rules);
    // Assess
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason.code).toBe('R-CHQ-3');
      expect(result.reason.path).toBe('amountCents');
      expect(result.reason.message).toContain('€ 50,00');
    }
  });

  it('R-CHQ-5: a bachelor training may use up to €500', () => {
    expect(reserve(EMPTY_BUDGET, 50_000, 'higherEducation', rules)).toEqual({
      ok: true,
      budget: { usedCents: 50_000, usedOrdinaryCents: 0, sharedCents: 50_000, sharedContributionCents: 25_000 },
    });
  });

  it('R-CHQ-5: a bachelor training cannot go over €500', () => {
    const result = reserve(EMPTY_BUDGET, 50_001, 'higherEducation', rules);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.code).toBe('R-CHQ-5');
  });

  it('R-CHQ-5: €250 ordinary plus €250 bachelor fits; the total then is full for everything', () => {
    // Prepare
    const budget = reserved(reserved(EMPTY_BUDGET, 25_000, 'standard'), 25_000, 'higherEducation');
    // Act
    const left = remaining(budget, rules);
    // Assess
    expect(left).toEqual({ remainingCents: 0, remainingHigherEducationCents: 0 });
  });

  it('R-CHQ-5: after €400 for a bachelor only €100 remains for an ordinary training (the total binds)', () => {
    // Prepare
    const budget = reserved(EMPTY_BUDGET, 40_000, 'higherEducation');
    // Act
    const tooMuch = reserve(budget, 10_001, 'standard', rules);
    // Assess
    expect(remaining(budget, rules)).toEqual({ remainingCents: 10_000, remainingHigherEducationCents: 10_000 });
    expect(tooMuch.ok).toBe(false);
    if (!tooMuch.ok) expect(tooMuch.reason.code).toBe('R-CHQ-5');
  });

  it('R-CHQ-7: a cancelled amount is released and can be requested again', () => {
    // Prepare
    const budget = reserved(EMPTY_BUDGET, 25_000, 'standard');
    // Act
    const after = release(budget, requestDelta({ amountCents: 25_000, contributionCents: 12_500 }, 'standard', rules));
    // Assess
    expect(after).toEqual(EMPTY_BUDGET);
    expect(reserve(after, 25_000, 'standard', rules).ok).toBe(true);
  });

  it('releasing more than was reserved is a bookkeeping error', () => {
    const budget = reserved(EMPTY_BUDGET, 10_000, 'higherEducation');
    expect(() => release(budget, budgetDelta(10_000, 'standard', rules))).toThrow(RangeError);
    expect(() => release(budget, budgetDelta(10_001, 'higherEducation', rules))).toThrow(RangeError);
    expect(() => release(budget, requestDelta({ amountCents: 10_000, contributionCents: 5_001 }, 'higherEducation', rules))).toThrow(RangeError);
  });

  it('refuses a non-positive or fractional amount as a programming error', () => {
    expect(() => reserve(EMPTY_BUDGET, 0, 'standard', rules)).toThrow(RangeError);
    expect(() => reserve(EMPTY_BUDGET, 1.5, 'standard', rules)).toThrow(RangeError);
  });

  it('the storage condition for an ordinary and a bachelor request', () => {
    const shared = { sharedCents: 3, sharedContributionCents: 2 };
    const budget = { usedCents: 3, usedOrdinaryCents: 3, ...shared };
    expect(reservationCondition({ amountCents: 10_000, contributionCents: 5_000 }, 'standard', rules, budget)).toEqual({
      maxUsedBefore: 40_000,
      maxUsedOrdinaryBefore: 15_000,
      expectedShared: shared,
      add: { usedCents: 10_000, usedOrdinaryCents: 10_000, sharedCents: 10_000, sharedContributionCents: 5_000 },
    });
    expect(reservationCondition({ amountCents: 10_000, contributionCents: 5_000 }, 'higherEducation', rules, budget)).toEqual({
      maxUsedBefore: 40_000,
      maxUsedOrdinaryBefore: 25_000,
      expectedShared: shared,
      add: { usedCents: 10_000, usedOrdinaryCents: 0, sharedCents: 10_000, sharedContributionCents: 5_000 },
    });
    // R-CHQ-4: no share, so no condition on the running total (no contention with the worker's other requests).
    expect(reservationCondition({ amountCents: 10_000, contributionCents: 0 }, 'nt2', rules, budget)).toEqual({
      maxUsedBefore: 40_000,
      maxUsedOrdinaryBefore: 15_000,
      expectedShared: undefined,
      add: { usedCents: 10_000, usedOrdinaryCents: 10_000, sharedCents: 0, sharedContributionCents: 0 },
    });
    expect(reservationCondition({ amountCents: 25_001, contributionCents: 12_501 }, 'standard', rules, budget)).toBeUndefined();
  });

  it('the entitlement view: used and remaining, zero remaining without rules', () => {
    const budget = reserved(EMPTY_BUDGET, 10_000, 'standard');
    expect(entitlementOf('2026-2027', budget, rules)).toEqual({
      schoolYear: '2026-2027',
      usedCents: 10_000,
      remainingCents: 15_000,
      remainingHigherEducationCents: 40_000,
      provisional: false,
    });
    expect(entitlementOf('2030-2031', EMPTY_BUDGET, undefined)).toEqual({
      schoolYear: '2030-2031',
      usedCents: 0,
      remainingCents: 0,
      remainingHigherEducationCents: 0,
      provisional: false,
    });
  });
});

type Step =
  | { kind: 'request'; amountCents: number; category: ChequeCategory }
  | { kind: 'cancel'; pick: number }
  | { kind: 'expire'; pick: number; unusedPermille: number };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('request' as const),
    amountCents: fc.oneof(fc.integer({ min: 1, max: 60_000 }), fc.constantFrom(12_500, 25_000, 50_000)),
    category: fc.constantFrom(...chequeCategories),
  }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('expire' as const), pick: fc.nat(), unusedPermille: fc.integer({ min: 0, max: 1000 }) }),
);

describe('budget ledger (property)', () => {
  it('R-CHQ-3, R-CHQ-5: for any sequence of requests, cancellations and expiries the caps hold and released amounts come back', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 60 }), (steps) => {
        // Prepare
        let budget: ChequeBudget = EMPTY_BUDGET;
        const live: { amountCents: number; contributionCents: number; category: ChequeCategory }[] = [];
        let consumed = 0;
        let consumedOrdinary = 0;

        for (const step of steps) {
          // Act
          if (step.kind === 'request') {
            const isOrdinary = step.category !== 'higherEducation';
            const fits =
              budget.usedCents + step.amountCents <= 50_000 &&
              (!isOrdinary || budget.usedOrdinaryCents + step.amountCents <= 25_000);
            const { contributionCents } = splitAmount(step.amountCents, step.category, rules, budget);
            const condition = reservationCondition({ amountCents: step.amountCents, contributionCents }, step.category, rules, budget);
            const conditionHolds = condition !== undefined && admits(budget, condition);
            const result = reserve(budget, step.amountCents, step.category, rules);
            expect(result.ok).toBe(fits);
            expect(conditionHolds).toBe(fits);
            if (result.ok) {
              budget = result.budget;
              live.push({ amountCents: step.amountCents, contributionCents, category: step.category });
            }
          } else if (live.length > 0) {
            const [request] = live.splice(step.pick % live.length, 1);
            if (!request) throw new Error('unreachable');
            const releasedCents =
              step.kind === 'cancel' ? request.amountCents : Math.floor((request.amountCents * step.unusedPermille) / 1000);
            const before = budget;
            budget = step.kind === 'cancel'
              ? release(budget, requestDelta(request, request.category, rules))
              : releasedCents > 0 ? release(budget, budgetDelta(releasedCents, request.category, rules)) : budget;
            const usedPart = request.amountCents - releasedCents;
            consumed += usedPart;
            if (request.category !== 'higherEducation') consumedOrdinary += usedPart;
            // Assess: what was released can be requested again, bringing the budget back to where it was.
            if (releasedCents > 0) {
              const again = reserve(budget, releasedCents, request.category, rules);
              expect(again.ok).toBe(true);
              if (again.ok) {
                expect(again.budget.usedCents).toBe(before.usedCents);
                expect(again.budget.usedOrdinaryCents).toBe(before.usedOrdinaryCents);
              }
            }
          }

          // Assess: caps and bookkeeping after every step.
          const liveTotal = live.reduce((sum, r) => sum + r.amountCents, 0);
          const liveOrdinary = live.filter((r) => r.category !== 'higherEducation').reduce((sum, r) => sum + r.amountCents, 0);
          expect(budget.usedCents).toBe(liveTotal + consumed);
          expect(budget.usedOrdinaryCents).toBe(liveOrdinary + consumedOrdinary);
          expect(budget.usedCents).toBeLessThanOrEqual(50_000);
          expect(budget.usedOrdinaryCents).toBeLessThanOrEqual(25_000);
          expect(budget.usedOrdinaryCents).toBeGreaterThanOrEqual(0);
          expect(budget.usedOrdinaryCents).toBeLessThanOrEqual(budget.usedCents);
          const left = remaining(budget, rules);
          expect(left.remainingCents).toBeLessThanOrEqual(left.remainingHigherEducationCents);
          expect(left.remainingCents).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
