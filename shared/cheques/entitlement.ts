/** The worker's entitlement view (`GET /v1/cheques/entitlement`) from a budget and the year's rules. Pure. */
import { remaining, type ChequeBudget } from './budget';
import type { Entitlement } from './cheque-request';
import type { ChequeEntitlementRules } from './entitlement-rules';

/**
 * Without rules for the school year (none configured) nothing can be requested: remaining is 0. With
 * borrowed rules (R-CHQ-5) the view says `provisional: true`.
 */
export function entitlementOf(
  schoolYear: string,
  budget: ChequeBudget,
  rules: ChequeEntitlementRules | undefined,
): Entitlement {
  const left = rules ? remaining(budget, rules) : { remainingCents: 0, remainingHigherEducationCents: 0 };
  return { schoolYear, usedCents: budget.usedCents, ...left, provisional: rules?.provisional !== undefined };
}
