import * as z from 'zod';
import {
  ChequeRequestBodySchema,
  ChequeRequestListSchema,
  ChequeRequestSchema,
  ChequeRequestStatusSchema,
  EntitlementQuerySchema,
  EntitlementSchema,
} from '../cheques/cheque-request';
import { ProofCodeParamsSchema, ProofVerificationSchema } from '../cheques/proof';
import { QUOTAS } from '../quotas/quota';
import { defineOperation } from './operation';

/** Worker routes (api.md "Workers") and the issuer's webhook (api.md "Issuer"). */

export const getEntitlement = defineOperation({
  id: 'getChequeEntitlement',
  method: 'GET',
  path: '/v1/cheques/entitlement',
  fn: 'cheques',
  auth: { kind: 'jwt', roles: ['worker'] },
  summary: "Used and remaining cheque budget of the token's worker in a school year (default: the current one)",
  tags: ['cheques'],
  query: EntitlementQuerySchema,
  responses: { 200: { description: 'The budget', schema: EntitlementSchema } },
});

export const createChequeRequest = defineOperation({
  id: 'createChequeRequest',
  method: 'POST',
  path: '/v1/cheque-requests',
  fn: 'cheques',
  auth: { kind: 'jwt', roles: ['worker'] },
  summary:
    'Request training cheques (R-CHQ-1…6). Decided at once: approved, awaiting-contribution, or rejected with every reason. ' +
    'The national register number comes from the token.',
  tags: ['cheques'],
  body: ChequeRequestBodySchema,
  idempotent: true,
  quotas: [QUOTAS.chequeRequests, QUOTAS.workerMails],
  responses: {
    201: { description: 'The request with its decision (a rejection is a created request too)', schema: ChequeRequestSchema },
  },
});

const NoQuery = z.strictObject(
  {},
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Onbekende parameter: ${issue.keys.join(', ')}.` : undefined) },
);

export const listChequeRequests = defineOperation({
  id: 'listChequeRequests',
  method: 'GET',
  path: '/v1/cheque-requests',
  fn: 'cheques',
  auth: { kind: 'jwt', roles: ['worker'] },
  summary: "The token's worker's own requests, newest first",
  tags: ['cheques'],
  query: NoQuery,
  responses: { 200: { description: 'Own requests', schema: ChequeRequestListSchema } },
});

export const ChequeRequestParamsSchema = z.object({
  id: z.string().min(1).max(100).meta({ description: 'Id van de aanvraag.' }),
});

export const getChequeRequest = defineOperation({
  id: 'getChequeRequest',
  method: 'GET',
  path: '/v1/cheque-requests/{id}',
  fn: 'cheques',
  auth: { kind: 'jwt', roles: ['worker'] },
  summary: "One of the worker's own requests (another worker's request is 404)",
  tags: ['cheques'],
  params: ChequeRequestParamsSchema,
  responses: {
    200: { description: 'The request', schema: ChequeRequestSchema },
    404: { description: 'No such request, or not yours' },
  },
});

export const cancelChequeRequest = defineOperation({
  id: 'cancelChequeRequest',
  method: 'POST',
  path: '/v1/cheque-requests/{id}/cancel',
  fn: 'cheques',
  auth: { kind: 'jwt', roles: ['worker'] },
  summary:
    'The worker cancels an own request that is not issued yet (R-CHQ-7): the amount goes back to the budget at once, ' +
    'the issuer is sent a cancellation when an order went out, and a mail confirms it. Issued, expired, rejected or cancelled: 409.',
  tags: ['cheques'],
  params: ChequeRequestParamsSchema,
  quotas: [QUOTAS.workerMails],
  responses: {
    200: { description: 'The cancelled request', schema: ChequeRequestSchema },
    404: { description: 'No such request, or not yours' },
    409: { description: 'The request cannot be cancelled in its state' },
  },
});

export const getChequeProof = defineOperation({
  id: 'getChequeProof',
  method: 'GET',
  path: '/v1/cheque-requests/{id}/proof',
  fn: 'cheques',
  auth: { kind: 'jwt', roles: ['worker'] },
  summary:
    'The proof of an own request and its decision, as a PDF in Dutch (R-CHQ-8): request date, training (title, provider, ODB number), ' +
    "amount, the worker's and the government's share, the decision with every reason, and a verification code.",
  tags: ['cheques'],
  params: ChequeRequestParamsSchema,
  responses: {
    200: { description: 'The proof (application/pdf)', contentType: 'application/pdf' },
    404: { description: 'No such request, or not yours' },
  },
});

export const verifyChequeProof = defineOperation({
  id: 'verifyChequeProof',
  method: 'GET',
  path: '/v1/cheque-requests/proofs/{code}',
  fn: 'cheques',
  auth: { kind: 'public' },
  summary:
    'Public: is the proof with this verification code genuine (R-CHQ-8)? Answers what the proof states about the training, the amounts and ' +
    'the decision, and whether the request is still in that state; never personal data. Unknown code: 404.',
  tags: ['cheques'],
  params: ProofCodeParamsSchema,
  responses: {
    200: { description: 'Genuine', schema: ProofVerificationSchema },
    404: { description: 'No proof with this code' },
  },
});

export const IssuerEventResultSchema = z
  .object({
    eventId: z.string(),
    requestId: z.string(),
    status: ChequeRequestStatusSchema,
  })
  .meta({ id: 'IssuerEventResult', description: 'Het verwerkte event en de nieuwe status van de aanvraag.' });

/**
 * The body (`IssuerEvent` in shared/cheques/issuer-events.ts: contribution-paid, cheques-delivered with
 * `expiryDate`, cheques-expired with `unusedCents`) is deliberately not declared here: the handler must
 * verify the signature over the raw bytes BEFORE it parses anything, so an unsigned caller learns nothing.
 */
export const postIssuerEvent = defineOperation({
  id: 'postIssuerEvent',
  method: 'POST',
  path: '/v1/issuer/events',
  fn: 'issuer',
  auth: { kind: 'signature' },
  summary:
    'Issuer event (R-CHQ-7): JSON { eventId, requestId, occurredAt, type: contribution-paid | cheques-delivered (expiryDate) | ' +
    'cheques-expired (unusedCents) }. Headers x-issuer-timestamp (epoch seconds) and x-issuer-signature ' +
    '(hex HMAC-SHA256 of `${timestamp}.${rawBody}` with the shared secret). Stale (> 5 min) or badly signed: 401; replayed eventId: 409.',
  tags: ['issuer'],
  responses: {
    200: { description: 'Applied', schema: IssuerEventResultSchema },
    400: { description: 'Malformed event' },
    401: { description: 'Missing, wrong or stale signature' },
    404: { description: 'Unknown request' },
    409: { description: 'Replayed event id, or the event does not fit the request status' },
  },
});

export const chequeOperations = [
  getEntitlement, createChequeRequest, listChequeRequests, verifyChequeProof, getChequeRequest, cancelChequeRequest, getChequeProof, postIssuerEvent,
];
