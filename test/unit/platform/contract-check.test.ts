import { describe, expect, expectTypeOf, it } from 'vitest';
import { getHealth, getMe } from '../../../shared/api/platform';
import { getChequeProof, verifyChequeProof } from '../../../shared/api/cheques';
import { getApplication, listApplications } from '../../../shared/api/provider';
import { call, expectStatus } from '../../support/stack';
import type { Problem, ResponseAt, ResponseOf, WithStatus } from '../../support/api-types';
import { assertOnContract, ContractViolation, operationFor, type ReceivedResponse } from '../../support/contract-check';

// Issues 12 + 15: the test HTTP helpers (api() in test/support/stack.ts, the cheques harness) refuse
// any response the contract does not document for its operation and status.
const json = (status: number, body: unknown, contentType = 'application/json; charset=utf-8'): ReceivedResponse =>
  ({ status, contentType, body, text: JSON.stringify(body) });
const problem = (status: number, extra: Record<string, unknown> = {}) =>
  json(status, { type: 'https://x/problems/p', title: 'T', status, detail: 'D', ...extra }, 'application/problem+json; charset=utf-8');
const violation = (method: string, path: string, response: ReceivedResponse) => {
  try {
    assertOnContract(method, path, response);
  } catch (error) {
    if (error instanceof ContractViolation) return error;
    throw error;
  }
  return undefined;
};

describe('issues 12 + 15: the helpers check every response against the contract', () => {
  it('routes a request as the gateway does: a literal segment wins over a path parameter; non-operations are not checked', () => {
    expect(operationFor('GET', '/v1/cheque-requests/proofs/ABCD-1234')?.id).toBe('verifyChequeProof');
    expect(operationFor('GET', '/v1/cheque-requests/3f2a?x=1')?.id).toBe('getChequeRequest');
    expect(operationFor('POST', '/v1/cheque-requests/3f2a/cancel')?.id).toBe('cancelChequeRequest');
    expect(operationFor('GET', '/local/streams/idle')).toBeUndefined();
    expect(violation('GET', '/local/streams/idle', json(204, undefined))).toBeUndefined();
  });

  it('accepts a documented response', () => {
    expect(violation('GET', '/v1/health', json(200, { status: 'ok', time: '2026-12-01T12:00:00.000Z' }))).toBeUndefined();
    expect(violation('GET', '/v1/me', json(401, { message: 'Unauthorized' }))).toBeUndefined();
    expect(violation('GET', '/v1/cheque-requests/%', json(400, { message: 'Bad Request' }))).toBeUndefined();
  });

  it('refuses a status the operation does not document', () => {
    expect(violation('GET', '/v1/health', json(404, { message: 'nope' }))?.problems[0]).toMatch(/status 404 is not documented/);
  });

  it('refuses a body off its schema, and a field the schema does not name (a leak: BOPLA)', () => {
    expect(violation('GET', '/v1/health', json(200, { status: 'down', time: 'x' }))?.problems.join()).toMatch(/status/);
    expect(violation('GET', '/v1/health', json(200, { status: 'ok', time: 'x', removalDate: '2027-01-01' }))?.problems).toEqual(['removalDate: not in the documented schema']);
    expect(violation('GET', '/v1/me', json(200, { sub: 's', roles: ['worker'], rrn: '85073003328' }))?.problems).toEqual(['rrn: not in the documented schema']);
  });

  it('refuses an error that is not problem+json, or whose status disagrees, or lacks Retry-After where documented', () => {
    expect(violation('GET', '/v1/me', json(403, { message: 'Forbidden' }))?.problems.join()).toMatch(/documented application\/problem\+json/);
    expect(violation('GET', '/v1/me', { ...problem(403), body: { ...(problem(403).body as object), status: 400 } })?.problems.join()).toMatch(/problem status 400 ≠ 403/);
    expect(violation('GET', '/v1/me', problem(503))?.problems.join()).toMatch(/Retry-After \(missing\)/);
    expect(violation('GET', '/v1/me', { ...problem(503), retryAfter: '5' })).toBeUndefined();
  });

  it('refuses a binary response with another content type', () => {
    expect(violation('GET', '/v1/cheque-requests/3f2a/proof', { status: 200, contentType: 'text/html', body: '<html>', text: '<html>' })?.problems.join()).toMatch(/documented application\/pdf/);
  });
});

describe('issues 12 + 15: call(operation) is typed from the contract', () => {
  it('the result is the success schema\'s output, the body the request schema\'s input (checked by tsc in npm test)', () => {
    expectTypeOf<WithStatus<ResponseOf<typeof getHealth>, 200>['body']>().toEqualTypeOf<{ status: 'ok'; time: string }>();
    expectTypeOf<WithStatus<ResponseOf<typeof getMe>, 200>['body']>().toEqualTypeOf<{ sub: string; roles: Array<'provider' | 'worker' | 'backoffice'>; org?: string | undefined }>();
    // an operation without a body takes none
    // @ts-expect-error getHealth has no request body
    const typed = () => call(getHealth, { body: { anything: true } });
    expect(typed).toBeTypeOf('function');
  });
});

describe('issue 15: api(method, path) is typed from the operation the path routes to', () => {
  it('routes by method and literal segments, a query string aside; off the contract the body is unknown (checked by tsc in npm test)', () => {
    type Body<R, S extends number> = WithStatus<R, S> extends { body: infer B } ? B : never;
    expectTypeOf<Body<ResponseAt<'GET', `/v1/applications/${string}`>, 200>>().toEqualTypeOf<Body<ResponseOf<typeof getApplication>, 200>>();
    expectTypeOf<Body<ResponseAt<'GET', `/v1/applications?status=draft&limit=${number}`>, 200>>().toEqualTypeOf<Body<ResponseOf<typeof listApplications>, 200>>();
    // a literal segment is not a parameter's value: `proofs/{code}` is not `{id}/proof`
    expectTypeOf<Body<ResponseAt<'GET', `/v1/cheque-requests/proofs/${string}`>, 200>>().toEqualTypeOf<Body<ResponseOf<typeof verifyChequeProof>, 200>>();
    expectTypeOf<Body<ResponseAt<'GET', `/v1/cheque-requests/${string}/proof`>, 200>>().toEqualTypeOf<Body<ResponseOf<typeof getChequeProof>, 200>>();
    expectTypeOf<Body<ResponseAt<'GET', `/v1/applications/${string}`>, 404>>().toEqualTypeOf<Problem>();
    expectTypeOf<ResponseAt<'GET', '/local/streams/idle'>['body']>().toBeUnknown();
  });

  it('expectStatus takes only a documented status, and narrows to its body', () => {
    const narrowed = (response: ResponseOf<typeof getHealth>) => {
      expectStatus(response, 200);
      return response.body.status;
    };
    expectTypeOf(narrowed).returns.toEqualTypeOf<'ok'>();
    // @ts-expect-error getHealth documents no 201
    const undocumented = (response: ResponseOf<typeof getHealth>) => expectStatus(response, 201);
    // @ts-expect-error without a status check the body may be a problem: no field is promised
    const unchecked = (response: ResponseOf<typeof getHealth>) => response.body.status;
    expect([undocumented, unchecked]).toHaveLength(2);
  });
});
