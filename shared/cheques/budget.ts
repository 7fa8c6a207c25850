/**
 * A worker's cheque budget for one school year, as pure functions (R-CHQ-3, R-CHQ-5).
 *
 * Stored item shape (one item per worker per school year; the key is the storage layer's choice):
 *   `usedCents`         – total of the worker's live requests in that school year (all categories);
 *   `usedOrdinaryCents` – the part of `usedCents` for trainings that are NOT higher education;
 *   `sharedCents`       – the running total of the worker's live requests for trainings where the
 *                         worker pays a share (not R-CHQ-4), as requested (expiry does not lower it);
 *   `sharedContributionCents` – the worker's contributions of those requests together.
 * R-CHQ-3 (reading in domain.md): the worker's share is computed on the running total, rounded in the
 * government's favour: after any sequence of requests `sharedContributionCents` is exactly
 * ⌈sharedCents × share⌉, so splitting a request into many small ones never lowers what the worker pays
 * (a 1-cent request no longer goes to the government entirely).
 * "Live" means reserved and not given back: a request reserves its amount when it is accepted
 * (approved or awaiting-contribution); cancellation gives the whole amount back, expiry gives back the
 * unused amount (R-CHQ-7). Rejected requests never reserve anything.
 *
 * Invariants (the caps of the school year's rules):
 *   0 ≤ usedOrdinaryCents ≤ usedCents,  usedOrdinaryCents ≤ capCents,  usedCents ≤ higherEducationCapCents.
 *
 * Concurrency: the storage layer must apply a reservation atomically. `reservationCondition` gives the
 * numbers for one conditional update, e.g. in DynamoDB:
 *   UpdateExpression:    SET usedCents = if_not_exists(usedCents, :zero) + :addUsed,
 *                            usedOrdinaryCents = if_not_exists(usedOrdinaryCents, :zero) + :addOrdinary
 *   ConditionExpression: attribute_not_exists(usedCents)
 *                        OR (usedCents <= :maxUsedBefore AND usedOrdinaryCents <= :maxUsedOrdinaryBefore)
 * (the `attribute_not_exists` branch is safe because `reservationCondition` returns undefined when the
 * amount does not even fit an empty budget). A request where the worker pays a share also requires the
 * running total it was computed on to be unchanged (`sharedCents = :expectedShared AND
 * sharedContributionCents = :expectedContribution`), so two parallel requests cannot both round on the
 * same total. A release subtracts a delta (`requestDelta` for a cancellation, `budgetDelta` for an
 * expiry's unused amount) with the condition that no counter goes below zero, in the same transaction
 * as the request's status change so that it happens exactly once.
 */
import type { Problem } from '../http/problem';
import type { ChequeCategory } from './cheque-category';
import { isFullyPaid, isHigherEducation, type ChequeEntitlementRules } from './entitlement-rules';
import { formatEuro } from './money';

export interface ChequeBudget {
  usedCents: number;
  usedOrdinaryCents: number;
  /** R-CHQ-3: running total of the live requests where the worker pays a share. */
  sharedCents: number;
  /** R-CHQ-3: the worker's contributions of those requests together. */
  sharedContributionCents: number;
}

export const EMPTY_BUDGET: ChequeBudget = Object.freeze({ usedCents: 0, usedOrdinaryCents: 0, sharedCents: 0, sharedContributionCents: 0 });

export interface RemainingBudget {
  /** What can still be requested for a training that is not higher education. */
  remainingCents: number;
  /** What can still be requested for a graduaat/bachelor training. */
  remainingHigherEducationCents: number;
}

/** R-CHQ-3, R-CHQ-5: what is left; never negative. */
export function remaining(budget: ChequeBudget, rules: ChequeEntitlementRules): RemainingBudget {
  const remainingHigherEducationCents = Math.max(0, rules.higherEducationCapCents - budget.usedCents);
  const remainingOrdinary = Math.max(0, rules.capCents - budget.usedOrdinaryCents);
  return {
    remainingCents: Math.min(remainingOrdinary, remainingHigherEducationCents),
    remainingHigherEducationCents,
  };
}

/**
 * How much an amount of this category adds to (or, released, takes from) the cap counters; the running
 * total of R-CHQ-3 is not touched (an expiry's unused amount gives budget back, not contributions).
 */
export function budgetDelta(amountCents: number, category: ChequeCategory, rules: ChequeEntitlementRules): ChequeBudget {
  assertAmount(amountCents);
  return {
    usedCents: amountCents,
    usedOrdinaryCents: isHigherEducation(category, rules) ? 0 : amountCents,
    sharedCents: 0,
    sharedContributionCents: 0,
  };
}

/** Does the worker pay a share for this category (everything but R-CHQ-4's fully paid categories)? */
export function isShared(category: ChequeCategory, rules: ChequeEntitlementRules): boolean {
  return !isFullyPaid(category, rules);
}

/**
 * What a whole request adds when it is accepted, and takes back when it is cancelled: the cap counters
 * and, where the worker pays a share, the running total and the contribution (R-CHQ-3).
 */
export function requestDelta(
  request: { amountCents: number; contributionCents: number },
  category: ChequeCategory,
  rules: ChequeEntitlementRules,
): ChequeBudget {
  const shared = isShared(category, rules);
  return {
    ...budgetDelta(request.amountCents, category, rules),
    sharedCents: shared ? request.amountCents : 0,
    sharedContributionCents: shared ? request.contributionCents : 0,
  };
}

/**
 * R-CHQ-3, R-CHQ-4, R-CHQ-5: the worker's contribution and the government's part of a new request, given
 * the worker's budget of the school year. R-CHQ-4 categories: the government pays everything. Otherwise
 * the worker's share is computed on the running total and rounded UP (in the government's favour):
 * contribution = ⌈(sharedCents + amount) × share⌉ − sharedContributionCents, kept within 0…amount.
 * So over a school year the worker pays exactly ⌈share × total⌉, however the total is split.
 */
export function splitAmount(
  amountCents: number,
  category: ChequeCategory,
  rules: ChequeEntitlementRules,
  budget: ChequeBudget = EMPTY_BUDGET,
): { contributionCents: number; governmentCents: number } {
  assertAmount(amountCents);
  if (!isShared(category, rules)) return { contributionCents: 0, governmentCents: amountCents };
  const { numerator, denominator } = rules.workerShare;
  const owedAfter = Math.ceil(((budget.sharedCents + amountCents) * numerator) / denominator);
  const contributionCents = Math.min(amountCents, Math.max(0, owedAfter - budget.sharedContributionCents));
  return { contributionCents, governmentCents: amountCents - contributionCents };
}

export type ReserveResult = { ok: true; budget: ChequeBudget } | { ok: false; reason: Problem };

/**
 * Reserves an amount: the new budget, or the reason it does not fit (R-CHQ-3 for the ordinary cap,
 * R-CHQ-5 for the school year's total).
 */
export function reserve(
  budget: ChequeBudget,
  amountCents: number,
  category: ChequeCategory,
  rules: ChequeEntitlementRules,
): ReserveResult {
  const { contributionCents } = splitAmount(amountCents, category, rules, budget);
  const next = add(budget, requestDelta({ amountCents, contributionCents }, category, rules));
  const overOrdinary = next.usedOrdinaryCents > rules.capCents; // R-CHQ-3
  const overTotal = next.usedCents > rules.higherEducationCapCents; // R-CHQ-5
  if (!overOrdinary && !overTotal) return { ok: true, budget: next };

  const left = remaining(budget, rules);
  const higherEducation = isHigherEducation(category, rules);
  const available = higherEducation ? left.remainingHigherEducationCents : left.remainingCents;
  const cap = higherEducation ? rules.higherEducationCapCents : rules.capCents;
  return {
    ok: false,
    reason: {
      path: 'amountCents',
      code: overOrdinary ? 'R-CHQ-3' : 'R-CHQ-5',
      message:
        `U vraagt ${formatEuro(amountCents)}, maar voor deze opleiding kunt u in schooljaar ${rules.schoolYear} ` +
        `nog maximaal ${formatEuro(available)} aanvragen (maximum ${formatEuro(cap)} per schooljaar).`,
    },
  };
}

/**
 * Gives back what a delta reserved (`requestDelta` of a cancelled request, `budgetDelta` of the unused
 * part of expired cheques). Throws when more is released than was reserved: that is a bookkeeping
 * error, never a user error.
 */
export function release(budget: ChequeBudget, delta: ChequeBudget): ChequeBudget {
  const next: ChequeBudget = {
    usedCents: budget.usedCents - delta.usedCents,
    usedOrdinaryCents: budget.usedOrdinaryCents - delta.usedOrdinaryCents,
    sharedCents: budget.sharedCents - delta.sharedCents,
    sharedContributionCents: budget.sharedContributionCents - delta.sharedContributionCents,
  };
  if (next.usedCents < 0 || next.usedOrdinaryCents < 0 || next.usedOrdinaryCents > next.usedCents ||
    next.sharedCents < 0 || next.sharedContributionCents < 0) {
    throw new RangeError('cannot release more than was reserved');
  }
  return next;
}

/** The sum of two budgets, counter by counter. */
export function add(budget: ChequeBudget, delta: ChequeBudget): ChequeBudget {
  return {
    usedCents: budget.usedCents + delta.usedCents,
    usedOrdinaryCents: budget.usedOrdinaryCents + delta.usedOrdinaryCents,
    sharedCents: budget.sharedCents + delta.sharedCents,
    sharedContributionCents: budget.sharedContributionCents + delta.sharedContributionCents,
  };
}

export interface ReservationCondition {
  /** The reservation is allowed iff the stored `usedCents` ≤ this before adding. */
  maxUsedBefore: number;
  /** … and the stored `usedOrdinaryCents` ≤ this before adding. */
  maxUsedOrdinaryBefore: number;
  /**
   * R-CHQ-3: for a request where the worker pays a share, the running total its contribution was
   * computed on; the write is allowed only while the stored counters are still these. Undefined for
   * an R-CHQ-4 request (no share, no condition on the running total).
   */
  expectedShared: { sharedCents: number; sharedContributionCents: number } | undefined;
  /** What to add to each counter. */
  add: ChequeBudget;
}

/**
 * The reservation of a decided request as a storage condition (see the module comment). Undefined when
 * the amount does not fit even an empty budget: then no write may be attempted. For any budget that
 * satisfies the invariants, `reserve(...)` succeeds exactly when `usedCents ≤ maxUsedBefore &&
 * usedOrdinaryCents ≤ maxUsedOrdinaryBefore`.
 */
export function reservationCondition(
  request: { amountCents: number; contributionCents: number },
  category: ChequeCategory,
  rules: ChequeEntitlementRules,
  budget: ChequeBudget,
): ReservationCondition | undefined {
  const delta = requestDelta(request, category, rules);
  const maxUsedBefore = rules.higherEducationCapCents - delta.usedCents;
  const maxUsedOrdinaryBefore = rules.capCents - delta.usedOrdinaryCents;
  if (maxUsedBefore < 0 || maxUsedOrdinaryBefore < 0) return undefined;
  return {
    maxUsedBefore,
    maxUsedOrdinaryBefore,
    expectedShared: isShared(category, rules)
      ? { sharedCents: budget.sharedCents, sharedContributionCents: budget.sharedContributionCents }
      : undefined,
    add: delta,
  };
}

/** Whether a stored budget still admits a reservation (the fake store and tests apply the same test). */
export function admits(current: ChequeBudget, condition: ReservationCondition): boolean {
  if (current.usedCents > condition.maxUsedBefore || current.usedOrdinaryCents > condition.maxUsedOrdinaryBefore) return false;
  const expected = condition.expectedShared;
  return expected === undefined ||
    (current.sharedCents === expected.sharedCents && current.sharedContributionCents === expected.sharedContributionCents);
}

function assertAmount(amountCents: number): void {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw new RangeError(`amount must be a positive whole number of cents: ${amountCents}`);
  }
}
