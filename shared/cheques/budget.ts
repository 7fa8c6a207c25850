/**
 * A worker's cheque budget for one school year, as pure functions (R-CHQ-3, R-CHQ-5).
 *
 * Stored item shape (one item per worker per school year; the key is the storage layer's choice):
 *   `usedCents`         – total of the worker's live requests in that school year (all categories);
 *   `usedOrdinaryCents` – the part of `usedCents` for trainings that are NOT higher education.
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
 * amount does not even fit an empty budget). A release subtracts `budgetDelta(...)` with the condition
 * `usedCents >= :addUsed AND usedOrdinaryCents >= :addOrdinary`, in the same transaction as the request's
 * status change so that it happens exactly once.
 */
import type { Problem } from '../http/problem';
import type { ChequeCategory } from './cheque-category';
import { isHigherEducation, type ChequeEntitlementRules } from './entitlement-rules';
import { formatEuro } from './money';

export interface ChequeBudget {
  usedCents: number;
  usedOrdinaryCents: number;
}

export const EMPTY_BUDGET: ChequeBudget = Object.freeze({ usedCents: 0, usedOrdinaryCents: 0 });

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

/** How much a request of this amount and category adds to (or, released, takes from) each counter. */
export function budgetDelta(amountCents: number, category: ChequeCategory, rules: ChequeEntitlementRules): ChequeBudget {
  assertAmount(amountCents);
  return {
    usedCents: amountCents,
    usedOrdinaryCents: isHigherEducation(category, rules) ? 0 : amountCents,
  };
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
  const delta = budgetDelta(amountCents, category, rules);
  const next: ChequeBudget = {
    usedCents: budget.usedCents + delta.usedCents,
    usedOrdinaryCents: budget.usedOrdinaryCents + delta.usedOrdinaryCents,
  };
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
 * Gives an amount back (a cancelled request, or the unused part of expired cheques). Throws when more
 * is released than was reserved: that is a bookkeeping error, never a user error.
 */
export function release(
  budget: ChequeBudget,
  amountCents: number,
  category: ChequeCategory,
  rules: ChequeEntitlementRules,
): ChequeBudget {
  if (amountCents === 0) return budget;
  const delta = budgetDelta(amountCents, category, rules);
  const next: ChequeBudget = {
    usedCents: budget.usedCents - delta.usedCents,
    usedOrdinaryCents: budget.usedOrdinaryCents - delta.usedOrdinaryCents,
  };
  if (next.usedCents < 0 || next.usedOrdinaryCents < 0 || next.usedOrdinaryCents > next.usedCents) {
    throw new RangeError(`cannot release ${amountCents} cents of ${category}: more than was reserved`);
  }
  return next;
}

export interface ReservationCondition {
  /** The reservation is allowed iff the stored `usedCents` ≤ this before adding. */
  maxUsedBefore: number;
  /** … and the stored `usedOrdinaryCents` ≤ this before adding. */
  maxUsedOrdinaryBefore: number;
  /** What to add to `usedCents`. */
  addUsedCents: number;
  /** What to add to `usedOrdinaryCents` (0 for higher education). */
  addUsedOrdinaryCents: number;
}

/**
 * The cap as a storage condition (see the module comment). Undefined when the amount does not fit
 * even an empty budget: then no write may be attempted. For any budget that satisfies the invariants,
 * `reserve(...)` succeeds exactly when `usedCents ≤ maxUsedBefore && usedOrdinaryCents ≤ maxUsedOrdinaryBefore`.
 */
export function reservationCondition(
  amountCents: number,
  category: ChequeCategory,
  rules: ChequeEntitlementRules,
): ReservationCondition | undefined {
  const delta = budgetDelta(amountCents, category, rules);
  const maxUsedBefore = rules.higherEducationCapCents - delta.usedCents;
  const maxUsedOrdinaryBefore = rules.capCents - delta.usedOrdinaryCents;
  if (maxUsedBefore < 0 || maxUsedOrdinaryBefore < 0) return undefined;
  return {
    maxUsedBefore,
    maxUsedOrdinaryBefore,
    addUsedCents: delta.usedCents,
    addUsedOrdinaryCents: delta.usedOrdinaryCents,
  };
}

function assertAmount(amountCents: number): void {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw new RangeError(`amount must be a positive whole number of cents: ${amountCents}`);
  }
}
