/**
 * The outbox messages a cheque request causes (R-CHQ-7). Ids are deterministic per request and cause,
 * so a retried use case can never send a second mail or order.
 */
import { chequeApprovedMail } from '../mail/templates/cheque-approved';
import { chequeCancelledMail } from '../mail/templates/cheque-cancelled';
import { chequeDeliveredMail } from '../mail/templates/cheque-delivered';
import { chequeRejectedMail } from '../mail/templates/cheque-rejected';
import { chequeSubmittedMail } from '../mail/templates/cheque-submitted';
import type { OutboxEntry } from './store';
import type { StoredChequeRequest } from './stored-request';

const common = (request: StoredChequeRequest) => ({
  to: request.worker.email,
  firstName: request.worker.firstName,
  requestId: request.id,
  odbNumber: request.odbNumber,
  training: request.training,
  amountCents: request.amountCents,
});

/** The issue order the issuer reads (an S3 file per request, and the webhook): no national register number. */
export function issueOrder(request: StoredChequeRequest): Record<string, unknown> {
  return {
    requestId: request.id,
    schoolYear: request.schoolYear,
    odbNumber: request.odbNumber,
    chequeCategory: request.chequeCategory,
    amountCents: request.amountCents,
    contributionCents: request.contributionCents,
    governmentCents: request.governmentCents,
    contributionDueAt: request.contributionDueAt,
    worker: { firstName: request.worker.firstName, lastName: request.worker.lastName, email: request.worker.email },
    orderedAt: request.createdAt,
  };
}

/** A new, decided request: confirmation, then approval (+ issue order) or rejection. */
export function messagesOnSubmit(request: StoredChequeRequest): OutboxEntry[] {
  const entries: OutboxEntry[] = [
    {
      id: `cheque-submitted:${request.id}`,
      message: { kind: 'mail', mail: chequeSubmittedMail({ ...common(request), schoolYear: request.schoolYear }) },
    },
  ];
  if (request.status === 'rejected') {
    entries.push({
      id: `cheque-decision:${request.id}`,
      message: { kind: 'mail', mail: chequeRejectedMail({ ...common(request), reasons: request.reasons }) },
    });
    return entries;
  }
  entries.push(
    {
      id: `cheque-decision:${request.id}`,
      message: {
        kind: 'mail',
        mail: chequeApprovedMail({
          ...common(request),
          contributionCents: request.contributionCents,
          governmentCents: request.governmentCents,
          contributionDueAt: request.contributionDueAt,
        }),
      },
    },
    { id: `cheque-order:${request.id}`, message: { kind: 'issuer-order', order: issueOrder(request) } },
  );
  return entries;
}

export function deliveredMessage(request: StoredChequeRequest, expiryDate: string): OutboxEntry {
  return {
    id: `cheque-delivered:${request.id}`,
    message: { kind: 'mail', mail: chequeDeliveredMail({ ...common(request), expiryDate }) },
  };
}

/** Did an issue order go out for this request? (Every accepted request orders at once, R-CHQ-7.) */
export function orderWentOut(request: StoredChequeRequest): boolean {
  return request.status !== 'rejected' && request.status !== 'submitted';
}

/**
 * A cancelled request: the mail, and when an issue order had gone out, a cancellation order to the
 * issuer (its own file and webhook call, `action: 'cancel'`).
 */
export function cancelledMessages(before: StoredChequeRequest, cancelled: StoredChequeRequest, cause: 'unpaid' | 'worker'): OutboxEntry[] {
  const issuerTold = orderWentOut(before);
  const entries: OutboxEntry[] = [{
    id: `cheque-cancelled:${cancelled.id}`,
    message: {
      kind: 'mail',
      mail: chequeCancelledMail({ ...common(cancelled), contributionCents: cancelled.contributionCents, cause, issuerTold }),
    },
  }];
  if (issuerTold) {
    entries.push({
      id: `cheque-order-cancel:${cancelled.id}`,
      message: {
        kind: 'issuer-order',
        order: { action: 'cancel', requestId: cancelled.id, schoolYear: cancelled.schoolYear, odbNumber: cancelled.odbNumber, cancelledAt: cancelled.updatedAt, cause },
      },
    });
  }
  return entries;
}
