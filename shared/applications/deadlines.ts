import type { RuleFinding } from '../http/problem';
import { addDays, addMonths, brusselsDate, compareDates, type IsoDate } from '../time/calendar';
import type { Question } from './application';
import { correctableErrors } from './submission';

/** R-BO-1: the provider has one month to answer a question. */
export const QUESTION_ANSWER_MONTHS = 1;
/** R-BO-2: the decision period is three months. */
export const DECISION_PERIOD_MONTHS = 3;
/** R-BO-2: how many days before the end of the decision period the forced forward to the VOC is due. */
export const DEFAULT_FORCED_FORWARD_MARGIN_DAYS = 14;
/** R-REG-2: a changed training is applied for at least three months before it starts. */
export const REREGISTRATION_LEAD_MONTHS = 3;

/**
 * R-BO-1: the last day on which the provider can answer a question asked at `askedAt`
 * (a date or ISO timestamp; the Brussels date counts). One calendar month later.
 */
export function questionDeadline(askedAt: string): IsoDate {
  return addMonths(brusselsDate(askedAt), QUESTION_ANSWER_MONTHS);
}

/** R-BO-1: the question went unanswered: `today` is after the last day to answer. */
export function isQuestionDeadlinePassed(askedAt: string, today: IsoDate): boolean {
  return compareDates(today, questionDeadline(askedAt)) > 0;
}

/** R-BO-2: the end of the 3-month decision period that starts at `start` (date or timestamp). */
export function decisionPeriodEnd(start: string): IsoDate {
  return addMonths(brusselsDate(start), DECISION_PERIOD_MONTHS);
}

/** R-BO-2: the date from which the application is forwarded to the VOC anyway, with negative advice. */
export function forcedForwardDate(start: string, marginDays: number = DEFAULT_FORCED_FORWARD_MARGIN_DAYS): IsoDate {
  if (!Number.isInteger(marginDays) || marginDays < 0) throw new RangeError('marginDays must be a whole number ≥ 0');
  return addDays(decisionPeriodEnd(start), -marginDays);
}

/** R-BO-2: is the forced forward due on `today`? */
export function isForcedForwardDue(
  start: string,
  today: IsoDate,
  marginDays: number = DEFAULT_FORCED_FORWARD_MARGIN_DAYS,
): boolean {
  return compareDates(today, forcedForwardDate(start, marginDays)) >= 0;
}

/** R-REG-2: the earliest start date of a changed training applied for on `today`. */
export function earliestReregistrationStart(today: IsoDate): IsoDate {
  return addMonths(today, REREGISTRATION_LEAD_MONTHS);
}

/** All deadlines of a submitted application, for storing alongside it. */
export interface DecisionDeadlines {
  decisionPeriodEnd: IsoDate;
  forcedForwardDate: IsoDate;
}

export function decisionDeadlines(start: string, marginDays: number = DEFAULT_FORCED_FORWARD_MARGIN_DAYS): DecisionDeadlines {
  return { decisionPeriodEnd: decisionPeriodEnd(start), forcedForwardDate: forcedForwardDate(start, marginDays) };
}

/** R-BO-2: is the forced forward due on `today`, from the stored deadlines (whose clock may have started late, R-ORG-3)? */
export function isForcedForwardDueFor(
  deadlines: Pick<DecisionDeadlines, 'decisionPeriodEnd'> | null,
  today: IsoDate,
  marginDays: number = DEFAULT_FORCED_FORWARD_MARGIN_DAYS,
): boolean {
  if (deadlines === null) return false;
  return compareDates(today, addDays(deadlines.decisionPeriodEnd, -marginDays)) >= 0;
}

/**
 * R-BO-2 (reading in domain.md): the forced forward carries a negative advice "for lack of
 * information" only when information is in fact lacking — a question of the back office is still
 * unanswered (open, or closed by its deadline without an answer), or the file is incomplete (the
 * stored findings still hold an error to correct). An application that only waited on the back
 * office is forwarded without advice: the provider is not punished for the department's delay.
 */
export function forcedForwardAdvice(app: { questions: ReadonlyArray<Pick<Question, 'closedBy'>>; problems: readonly RuleFinding[] }): 'negative' | null {
  const unanswered = app.questions.some((q) => q.closedBy === null || q.closedBy === 'deadline');
  const incomplete = correctableErrors(app.problems).length > 0;
  return unanswered || incomplete ? 'negative' : null;
}
