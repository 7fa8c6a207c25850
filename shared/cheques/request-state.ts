/**
 * The life of a cheque request (R-CHQ-7):
 *
 *   submitted ──approve──────────────▶ approved ──cheques-delivered──▶ issued ──cheques-expired──▶ expired
 *       │     ──require-contribution─▶ awaiting-contribution ──contribution-paid──▶ approved
 *       │                                 │  ──contribution-overdue──▶ cancelled   (unpaid after the period)
 *       └──reject──▶ rejected             └──cancel──▶ cancelled     approved ──cancel──▶ cancelled
 *
 * `transition` throws a 409 `conflict` (shared/http/problem.ts) listing the allowed events when an event
 * does not fit the current status. Pure.
 */
import { conflict } from '../http/problem';
import type { ChequeRequestStatus } from './cheque-request';

export const chequeRequestEvents = [
  'approve',
  'require-contribution',
  'reject',
  'contribution-paid',
  'contribution-overdue',
  'cheques-delivered',
  'cheques-expired',
  'cancel',
] as const;
export type ChequeRequestEvent = (typeof chequeRequestEvents)[number];

const transitions: Record<ChequeRequestStatus, Partial<Record<ChequeRequestEvent, ChequeRequestStatus>>> = {
  submitted: { approve: 'approved', 'require-contribution': 'awaiting-contribution', reject: 'rejected' },
  'awaiting-contribution': { 'contribution-paid': 'approved', 'contribution-overdue': 'cancelled', cancel: 'cancelled' },
  approved: { 'cheques-delivered': 'issued', cancel: 'cancelled' },
  issued: { 'cheques-expired': 'expired' },
  rejected: {},
  expired: {},
  cancelled: {},
};

const statusLabels: Record<ChequeRequestStatus, string> = {
  submitted: 'ingediend',
  approved: 'goedgekeurd',
  rejected: 'geweigerd',
  'awaiting-contribution': 'wacht op de persoonlijke bijdrage',
  issued: 'cheques geleverd',
  expired: 'vervallen',
  cancelled: 'geannuleerd',
};

/** The events allowed from a status (empty for a final status). */
export function allowedEvents(status: ChequeRequestStatus): ChequeRequestEvent[] {
  return chequeRequestEvents.filter((event) => transitions[status][event] !== undefined);
}

export function canTransition(status: ChequeRequestStatus, event: ChequeRequestEvent): boolean {
  return transitions[status][event] !== undefined;
}

/** The next status; throws `conflict` (409) with `allowed` when the event does not fit. */
export function transition(status: ChequeRequestStatus, event: ChequeRequestEvent): ChequeRequestStatus {
  const next = transitions[status][event];
  if (next === undefined) {
    const allowed = allowedEvents(status);
    throw conflict(
      `Een aanvraag met status "${statusLabels[status]}" kan "${event}" niet verwerken.` +
        (allowed.length > 0 ? ` Mogelijk: ${allowed.join(', ')}.` : ' Deze aanvraag is afgesloten.'),
      { allowed },
    );
  }
  return next;
}

/** The event that records a decision (decide.ts) on a submitted request. */
export function decisionEvent(status: 'approved' | 'awaiting-contribution' | 'rejected'): ChequeRequestEvent {
  switch (status) {
    case 'approved':
      return 'approve';
    case 'awaiting-contribution':
      return 'require-contribution';
    case 'rejected':
      return 'reject';
  }
}

/**
 * What an event gives back to the worker's budget (R-CHQ-7): a cancellation the whole amount, an
 * expiry the unused amount; nothing otherwise.
 */
export function budgetReleaseOn(event: ChequeRequestEvent): 'amount' | 'unused' | 'none' {
  if (event === 'cancel' || event === 'contribution-overdue') return 'amount';
  if (event === 'cheques-expired') return 'unused';
  return 'none';
}

export const DEFAULT_CONTRIBUTION_PERIOD_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When an unpaid contribution is overdue: `createdAt` (ISO UTC) plus `days` × 24 hours, as ISO UTC.
 * The period length is not in the sources; 30 days is this product's default.
 */
export function unpaidContributionDue(createdAt: string, days = DEFAULT_CONTRIBUTION_PERIOD_DAYS): string {
  const start = Date.parse(createdAt);
  if (Number.isNaN(start)) throw new RangeError(`not an ISO timestamp: ${createdAt}`);
  return new Date(start + days * DAY_MS).toISOString();
}

/** True when, at `now` (ISO UTC), the contribution of a request created at `createdAt` is overdue. */
export function isContributionOverdue(createdAt: string, now: string, days = DEFAULT_CONTRIBUTION_PERIOD_DAYS): boolean {
  return Date.parse(now) >= Date.parse(unpaidContributionDue(createdAt, days));
}
