import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { chequeRoutes, issuerRoutes } from '../../../functions/cheques/routes';
import { cancelUnpaidContributions } from '../../../functions/cheques/unpaid';
import { apiHandler } from '../../../functions/http/api-handler';
import type { ChequeTraining } from '../../../shared/cheques/decide';
import { ISSUER_SIGNATURE_HEADER, ISSUER_TIMESTAMP_HEADER } from '../../../shared/cheques/issuer-events';
import { signIssuerEvent } from '../../../shared/cheques/signature';
import { httpEvent, testContext } from '../../support/events';
import { assertOnContractByRoute } from '../../support/contract-check';
import { chequeRequestBody } from '../../support/fixtures/cheques';
import { memoryQuotaStore } from '../../support/memory-quota-store';
import { memoryStore, memoryTrainings } from './memory-store';
import type { ApiResponse, OperationOfRoute, ResponseOf } from '../../support/api-types';

/** A response of the harness, typed from the contract by route key (a union by status; narrow with `expectStatus`). */
export type HarnessResponse<K extends string> = [OperationOfRoute<K>] extends [never] ? ApiResponse<unknown, number, Record<string, string>> : ResponseOf<OperationOfRoute<K>, Record<string, string>>;

export const RRN_SECRET = 'unit-test-rrn-secret-0123456789';
export const ISSUER_SECRET = 'unit-test-issuer-secret-0123456789';

/** Valid national register numbers (mod-97), one born before and one after 2000. */
export const RRN_A = '85073003328';
export const RRN_B = '05010100113';

export const TRAININGS: ChequeTraining[] = [
  { odbNumber: 'ODB-A000001', active: true, chequeCategory: 'standard', title: 'Heftruckchauffeur', providerName: 'Vormingscentrum Noord' },
  { odbNumber: 'ODB-A000002', active: true, chequeCategory: 'nt2', title: 'Nederlands op de werkvloer', providerName: 'Taalhuis Gent' },
  { odbNumber: 'ODB-A000003', active: true, chequeCategory: 'higherEducation', title: 'Bachelor verpleegkunde', providerName: 'Hogeschool Oost' },
  { odbNumber: 'ODB-A000004', active: false, chequeCategory: 'standard', title: 'Oude cursus boekhouden', providerName: 'Vormingscentrum Noord' },
];


/** A valid request body (test/support/fixtures/cheques.ts). */
export const body = chequeRequestBody;

/** The cheque and issuer routes over an in-memory store, invoked as API Gateway would (payload 2.0). */
export function harness(start = '2026-11-23T10:00:00.000Z') {
  const store = memoryStore();
  let clock = new Date(start);
  let counter = 0;
  const deps = {
    store,
    trainings: memoryTrainings(TRAININGS),
    rrnHmacSecret: RRN_SECRET,
    contributionPeriodDays: 30,
    now: () => clock,
    newId: () => `req-${++counter}`,
  };
  const cheques = apiHandler(chequeRoutes(deps), { idempotencyTable: 'idempotency', quotaStore: memoryQuotaStore(), rrnHmacSecret: RRN_SECRET, now: () => clock });
  const issuer = apiHandler(issuerRoutes({ store, webhookSecret: ISSUER_SECRET, now: () => clock }));

  /** Invokes a route; the response is typed from the contract by its route key, as `api` types it by method and path. */
  const invoke = async <const K extends string>(handler: typeof cheques, options: Parameters<typeof httpEvent>[0] & { routeKey: K }): Promise<HarnessResponse<K>> => {
    const result = (await handler(httpEvent(options), testContext())) as APIGatewayProxyStructuredResultV2;
    const text = typeof result.body === 'string' ? result.body : '';
    const response = { status: result.statusCode ?? 0, body: text ? JSON.parse(text) as unknown : undefined, headers: (result.headers ?? {}) as Record<string, string>, text };
    // issues 12 + 15: every response as the contract documents it for this operation and status
    assertOnContractByRoute(options.routeKey, { ...response, contentType: response.headers['content-type'] ?? null, retryAfter: response.headers['retry-after'] ?? null });
    // the run-time check above is what makes this the response's type
    return response as HarnessResponse<K>;
  };
  const workerClaims = (rrn: string) => ({ sub: `worker-${rrn.slice(-4)}`, roles: '[worker]', rrn });

  return {
    store,
    setNow: (iso: string) => { clock = new Date(iso); },
    request: (rrn: string, requestBody: unknown, extraClaims: Record<string, string> = {}) =>
      invoke(cheques, { routeKey: 'POST /v1/cheque-requests', body: requestBody, claims: { ...workerClaims(rrn), ...extraClaims } }),
    entitlement: (rrn: string, query?: Record<string, string>) =>
      invoke(cheques, { routeKey: 'GET /v1/cheques/entitlement', claims: workerClaims(rrn), ...(query ? { query } : {}) }),
    list: (rrn: string) => invoke(cheques, { routeKey: 'GET /v1/cheque-requests', claims: workerClaims(rrn) }),
    get: (rrn: string, id: string, claims?: Record<string, string>) =>
      invoke(cheques, { routeKey: 'GET /v1/cheque-requests/{id}', path: `/v1/cheque-requests/${id}`, pathParameters: { id }, claims: claims ?? workerClaims(rrn) }),
    raw: (options: Parameters<typeof httpEvent>[0]) => invoke(cheques, options),
    cancel: (rrn: string, id: string) =>
      invoke(cheques, { routeKey: 'POST /v1/cheque-requests/{id}/cancel', path: `/v1/cheque-requests/${id}/cancel`, pathParameters: { id }, claims: workerClaims(rrn) }),
    /** The proof: the raw result, the body as bytes when it is a PDF. */
    proof: async (rrn: string, id: string) => {
      const result = (await cheques(httpEvent({
        routeKey: 'GET /v1/cheque-requests/{id}/proof', path: `/v1/cheque-requests/${id}/proof`, pathParameters: { id }, claims: workerClaims(rrn),
      }), testContext())) as APIGatewayProxyStructuredResultV2;
      const text = typeof result.body === 'string' ? result.body : '';
      const headers = (result.headers ?? {}) as Record<string, string>;
      assertOnContractByRoute('GET /v1/cheque-requests/{id}/proof', {
        status: result.statusCode ?? 0, text: result.isBase64Encoded ? '(bytes)' : text, contentType: headers['content-type'] ?? null,
        body: result.isBase64Encoded ? undefined : text ? JSON.parse(text) : undefined, retryAfter: headers['retry-after'] ?? null,
      });
      return {
        status: result.statusCode ?? 0,
        headers: (result.headers ?? {}) as Record<string, string>,
        bytes: result.isBase64Encoded ? new Uint8Array(Buffer.from(text, 'base64')) : undefined,
        body: result.isBase64Encoded ? undefined : text ? JSON.parse(text) as unknown : undefined,
        text: result.isBase64Encoded ? '(bytes)' : text,
      };
    },
    verify: (code: string) =>
      invoke(cheques, { routeKey: 'GET /v1/cheque-requests/proofs/{code}', path: `/v1/cheque-requests/proofs/${code}`, pathParameters: { code } }),
    /** Posts an issuer event signed as the issuer does; `sign` lets a test tamper. */
    issuerEvent: (event: Record<string, unknown>, sign: { secret?: string; timestamp?: number; rawBody?: string; signature?: string } = {}) => {
      const rawBody = sign.rawBody ?? JSON.stringify({ occurredAt: clock.toISOString(), ...event });
      const timestamp = String(sign.timestamp ?? Math.floor(clock.getTime() / 1000));
      const signature = sign.signature ?? signIssuerEvent(sign.secret ?? ISSUER_SECRET, timestamp, rawBody);
      return invoke(issuer, {
        routeKey: 'POST /v1/issuer/events', rawBody,
        headers: { 'content-type': 'application/json', [ISSUER_TIMESTAMP_HEADER]: timestamp, [ISSUER_SIGNATURE_HEADER]: signature },
      });
    },
    runUnpaidJob: (nowIso: string) => cancelUnpaidContributions({ store }, new Date(nowIso)),
  };
}
