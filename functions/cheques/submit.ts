/**
 * Use case: a worker requests cheques (R-CHQ-1…6). The decision is taken at once with the pure domain
 * (`decideChequeRequest`); an accepted request reserves its amount in the SAME transaction as the request
 * is written, on the condition that the budget still allows it (`reservationCondition`). When that
 * condition fails — another request of the same worker got there first — the budget is read again and
 * the request decided again: it may now be a rejection with its reason. So parallel requests can never
 * together exceed a cap.
 */
import { TRY_AGAIN, retryOptimistic } from '../../shared/concurrency/retry';
import { reservationCondition } from '../../shared/cheques/budget';
import type { ChequeRequestBody } from '../../shared/cheques/cheque-request';
import { decideChequeRequest } from '../../shared/cheques/decide';
import type { ChequeEntitlementRules } from '../../shared/cheques/entitlement-rules';
import { configuredRulesFor as defaultRulesFor } from './rules';
import { decisionEvent, transition, unpaidContributionDue } from '../../shared/cheques/request-state';
import { brusselsDate, schoolYearOf } from '../../shared/time/calendar';
import { ProblemError } from '../../shared/http/problem';
import { messagesOnSubmit } from './messages';
import type { ChequeStore } from './store';
import type { StoredChequeRequest } from './stored-request';
import type { TrainingLookup } from './training-lookup';

export interface SubmitDeps {
  store: ChequeStore;
  trainings: TrainingLookup;
  /** Days the worker has to pay the contribution (job `unpaid-contributions`). */
  contributionPeriodDays: number;
  now: () => Date;
  newId: () => string;
  rulesFor?: (schoolYear: string) => ChequeEntitlementRules | undefined;
  /** How often to decide again when the budget changed underneath (default 30). */
  maxAttempts?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function submitChequeRequest(deps: SubmitDeps, workerHash: string, body: ChequeRequestBody): Promise<StoredChequeRequest> {
  const rulesFor = deps.rulesFor ?? defaultRulesFor;
  const now = deps.now();
  const createdAt = now.toISOString();
  const today = brusselsDate(createdAt);
  const schoolYear = schoolYearOf(today);
  // The first budget read goes side by side with the training lookup; later attempts re-read only the budget.
  const [training, firstBudget] = await Promise.all([
    deps.trainings.find(body.odbNumber, today),
    deps.store.budget(workerHash, schoolYear),
  ]);
  const id = deps.newId();
  const maxAttempts = deps.maxAttempts ?? 30;

  return retryOptimistic(async (attempt) => {
    const budget = attempt === 0 ? firstBudget : await deps.store.budget(workerHash, schoolYear);
    const decision = decideChequeRequest({ request: body, training, budget, today, rulesFor });
    const status = transition('submitted', decisionEvent(decision.status));
    const rules = rulesFor(decision.schoolYear);
    const reservation = status !== 'rejected' && training && rules
      ? reservationCondition({ amountCents: body.amountCents, contributionCents: decision.contributionCents }, training.chequeCategory, rules, budget)
      : undefined;
    if (status !== 'rejected' && !reservation) throw new Error('an accepted cheque request must have a reservation');

    const request: StoredChequeRequest = {
      id,
      workerHash,
      status,
      schoolYear: decision.schoolYear,
      odbNumber: body.odbNumber,
      training: training ? { title: training.title, providerName: training.providerName } : null,
      chequeCategory: decision.chequeCategory,
      amountCents: body.amountCents,
      contributionCents: decision.contributionCents,
      governmentCents: decision.governmentCents,
      reasons: decision.reasons,
      worker: body.worker,
      createdAt,
      updatedAt: createdAt,
      contributionDueAt: status === 'awaiting-contribution' ? unpaidContributionDue(createdAt, deps.contributionPeriodDays) : null,
      expiryDate: null,
      unusedCents: null,
    };
    const result = await deps.store.create({ request, reservation, outbox: messagesOnSubmit(request) }, now);
    return result === 'created' ? request : TRY_AGAIN; // 'retry': the budget changed underneath; decide again
  }, {
    attempts: maxAttempts,
    // Full-jitter exponential backoff (capped at 0.5 s), so a burst of one worker's requests spreads out
    // instead of colliding again and again.
    pause: (attempt) => sleep(Math.random() * Math.min(500, 10 * 2 ** Math.min(attempt, 6))),
    exhausted: () => new ProblemError(503, 'busy', 'Even geduld',
      'Er worden nu te veel aanvragen tegelijk voor uw budget verwerkt. Probeer het zo dadelijk opnieuw.'),
  });
}

