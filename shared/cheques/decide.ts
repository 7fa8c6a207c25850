/**
 * The decision on a cheque request (R-CHQ-1…6), taken when the request is submitted. Pure: the
 * training, the worker's budget for the school year and today's date are passed in.
 *
 * Every reason is reported at once. The outcome:
 * - `rejected` when there is any reason (then contribution and government are both 0);
 * - `awaiting-contribution` when the worker has a personal contribution to pay (R-CHQ-3, R-CHQ-5, R-CHQ-7);
 * - `approved` when the government pays everything (R-CHQ-4).
 * For an accepted request `contributionCents + governmentCents = amountCents` exactly; the worker's
 * share is computed on the school year's running total and rounded up (R-CHQ-3, budget.ts `splitAmount`).
 *
 * The school year is the one `today` falls in. The caller reads the budget of that school year
 * (`schoolYearOf(today)`) and must reserve the amount atomically (budget.ts `reservationCondition`);
 * when that conditional write fails, it decides again with the fresh budget.
 */
import type { Problem } from '../http/problem';
import { reserve, remaining, splitAmount, type ChequeBudget } from './budget';
import type { ChequeCategory } from './cheque-category';
import type { ChequeRequestBody } from './cheque-request';
import { rulesFor as defaultRulesFor, type ChequeEntitlementRules } from './entitlement-rules';
import { formatEuro } from './money';
import { schoolYearOf } from '../time/calendar';

/** What the decision needs to know about the training (from the catalogue). */
export interface ChequeTraining {
  odbNumber: string;
  /** Registered and not stopped/removed (R-CHQ-1). */
  active: boolean;
  /**
   * The category the department GRANTED with its decision (R-CHQ-4, R-CHQ-5): the registration's
   * `chequeCategory`. The provider's proposal on the application never reaches this field.
   */
  chequeCategory: ChequeCategory;
  /** For mails and the proof: the training's title and its provider's name. */
  title: string;
  providerName: string;
}

export interface ChequeDecisionInput {
  request: ChequeRequestBody;
  /** Undefined when no training has this ODB number. */
  training: ChequeTraining | undefined;
  /** The worker's budget for the school year of `today`. */
  budget: ChequeBudget;
  /** `YYYY-MM-DD`, Europe/Brussels. */
  today: string;
  /** Rules lookup; defaults to the configured table. */
  rulesFor?: (schoolYear: string) => ChequeEntitlementRules | undefined;
}

export type ChequeDecisionStatus = 'approved' | 'awaiting-contribution' | 'rejected';

export interface ChequeDecision {
  status: ChequeDecisionStatus;
  schoolYear: string;
  /** The training's category, or null when the training is unknown. */
  chequeCategory: ChequeCategory | null;
  contributionCents: number;
  governmentCents: number;
  reasons: Problem[];
  /** For an accepted request: the budget after reserving the amount (the value the storage layer writes). */
  budgetAfter: ChequeBudget | undefined;
}

/** Code of the reason given when no rules are configured for the school year. */
export const NO_RULES_CODE = 'R-CHQ-3';

export function decideChequeRequest(input: ChequeDecisionInput): ChequeDecision {
  const { request, training, budget, today } = input;
  const schoolYear = schoolYearOf(today);
  const rules = (input.rulesFor ?? defaultRulesFor)(schoolYear);
  const reasons: Problem[] = [];

  // R-CHQ-1: only registered, active trainings qualify.
  if (!training) {
    reasons.push({
      path: 'odbNumber',
      code: 'R-CHQ-1',
      message: `Er is geen opleiding met ODB-registratienummer ${request.odbNumber} in de opleidingsdatabank.`,
    });
  } else if (!training.active) {
    reasons.push({
      path: 'odbNumber',
      code: 'R-CHQ-1',
      message: `De opleiding ${training.odbNumber} is niet (meer) actief in de opleidingsdatabank.`,
    });
  }

  if (!rules) {
    reasons.push({
      path: '',
      code: NO_RULES_CODE,
      message: `Voor schooljaar ${schoolYear} kunnen nog geen opleidingscheques aangevraagd worden.`,
    });
  } else {
    reasons.push(...eligibilityReasons(request, rules));
    reasons.push(...capReasons(request.amountCents, training?.chequeCategory, budget, rules));
  }

  if (reasons.length > 0 || !rules || !training) {
    return {
      status: 'rejected',
      schoolYear,
      chequeCategory: training?.chequeCategory ?? null,
      contributionCents: 0,
      governmentCents: 0,
      reasons,
      budgetAfter: undefined,
    };
  }

  const reservation = reserve(budget, request.amountCents, training.chequeCategory, rules);
  const { contributionCents, governmentCents } = splitAmount(request.amountCents, training.chequeCategory, rules, budget);
  return {
    status: contributionCents > 0 ? 'awaiting-contribution' : 'approved',
    schoolYear,
    chequeCategory: training.chequeCategory,
    contributionCents,
    governmentCents,
    reasons,
    budgetAfter: reservation.ok ? reservation.budget : undefined,
  };
}

/** R-CHQ-2, R-CHQ-6: the worker's eligibility, as configured for the school year. */
function eligibilityReasons(request: ChequeRequestBody, rules: ChequeEntitlementRules): Problem[] {
  const reasons: Problem[] = [];
  const { worker } = request;
  // R-CHQ-2: the worker works in Flanders.
  if (rules.eligibility.requiresWorksInFlanders && !worker.worksInFlanders) {
    reasons.push({
      path: 'worker.worksInFlanders',
      code: 'R-CHQ-2',
      message: 'Opleidingscheques zijn er alleen voor werknemers die in Vlaanderen werken.',
    });
  }
  // R-CHQ-6: with a higher-education degree, only for a training in the worker's POP.
  if (
    rules.eligibility.higherEducationDegreeRequiresPop &&
    worker.educationLevel === 'higher' &&
    !worker.hasPersonalDevelopmentPlan
  ) {
    reasons.push({
      path: 'worker.hasPersonalDevelopmentPlan',
      code: 'R-CHQ-6',
      message:
        'Met een diploma hoger onderwijs hebt u alleen recht op opleidingscheques voor een opleiding uit uw persoonlijk ontwikkelingsplan (POP) na loopbaanbegeleiding.',
    });
  }
  return reasons;
}

/**
 * R-CHQ-3, R-CHQ-5: the amount must fit the remaining budget. With an unknown training the category is
 * unknown, so only the school year's total (the most that any category allows) is checked.
 */
function capReasons(
  amountCents: number,
  category: ChequeCategory | undefined,
  budget: ChequeBudget,
  rules: ChequeEntitlementRules,
): Problem[] {
  if (category) {
    const result = reserve(budget, amountCents, category, rules);
    return result.ok ? [] : [result.reason];
  }
  const { remainingHigherEducationCents } = remaining(budget, rules);
  if (amountCents <= remainingHigherEducationCents) return [];
  return [
    {
      path: 'amountCents',
      code: 'R-CHQ-5',
      message:
        `U vraagt ${formatEuro(amountCents)}, maar in schooljaar ${rules.schoolYear} kunt u nog maximaal ` +
        `${formatEuro(remainingHigherEducationCents)} aanvragen (maximum ${formatEuro(rules.higherEducationCapCents)} per schooljaar).`,
    },
  ];
}
