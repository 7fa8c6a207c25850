import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { applicationBody as applicationSchema, documentBody, organisationBody as organisationSchema } from '../../../shared/api/provider';
import { httpEvent, testContext } from '../../support/events';
import { uniqueKbo } from '../../support/ids';
import { stack } from '../../support/stack';
import { applicationBody, applicationsOf, organisationBody, storedApplication, storedOrganisation } from './support';

/**
 * Junk in, 4xx out, nothing stored: ≥ 1,000 bodies per route, through the real handler chain IN PROCESS
 * (fast) against the stack's DynamoDB. Every generated body is invalid for the route's schema.
 */
const RUNS = 1_000;

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
let handler: Handler;

const claimsOf = (kbo: string) => ({ sub: `fuzz-${kbo}`, roles: '[provider]', org: kbo });

/** What the handler will see after JSON transport. */
const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

/** Bodies that are never valid for `schema`: raw non-JSON, JSON that is no object, and objects with a bad or unknown field. */
function invalidBodies(schema: z.ZodType, valid: Record<string, unknown>): fc.Arbitrary<{ raw: string } | { json: unknown }> {
  const keys = Object.keys(valid);
  const isInvalid = (value: unknown) => !schema.safeParse(roundTrip(value)).success;
  const rawJunk = fc.string({ minLength: 1 }).filter((text) => {
    try { JSON.parse(text); return false; } catch { return true; }
  }).map((raw) => ({ raw }));
  const notAnObject = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue()))
    .map((json) => ({ json }));
  const mutated = fc.tuple(fc.constantFrom(...keys, 'unknownField', 'status', 'id'), fc.jsonValue())
    .map(([key, value]) => ({ ...valid, [key]: value }))
    .filter(isInvalid)
    .map((json) => ({ json }));
  const randomObject = fc.dictionary(fc.constantFrom(...keys, 'x', '__proto__', 'constructor'), fc.jsonValue(), { minKeys: 1 })
    .filter(isInvalid)
    .map((json) => ({ json }));
  return fc.oneof(rawJunk, notAnObject, mutated, randomObject);
}

async function invoke(routeKey: string, kbo: string, body: { raw: string } | { json: unknown }, pathParameters?: Record<string, string>) {
  const event = httpEvent({
    routeKey,
    claims: claimsOf(kbo),
    ...('raw' in body ? { rawBody: body.raw, headers: { 'content-type': 'application/json' } } : { body: body.json }),
    ...(pathParameters ? { pathParameters, path: (routeKey.split(' ')[1] ?? '').replace(/\{(\w+)\}/g, (_m, name: string) => pathParameters[name] ?? '') } : {}),
  });
  return handler(event, testContext());
}

function expectProblem(response: APIGatewayProxyStructuredResultV2) {
  expect(response.statusCode).toBeGreaterThanOrEqual(400);
  expect(response.statusCode).toBeLessThan(500);
  expect(response.headers?.['content-type']).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(response.body as string);
  expect(problem).toMatchObject({ type: expect.any(String), title: expect.any(String), status: response.statusCode, detail: expect.any(String) });
  if (response.statusCode === 400) expect(problem.errors.length).toBeGreaterThan(0);
  expect(response.body).not.toMatch(/at .*\.ts:\d+|Error:/);
}

describe('fuzzing the provider request bodies (fast-check, in process)', () => {
  let draftOwner: string;
  let draftId: string;
  let draftVersion: unknown;
  let orgWithProfile: string;
  let orgVersion: unknown;

  beforeAll(async () => {
    Object.assign(process.env, stack().env);
    ({ handler } = (await import('../../../functions/api/provider')) as unknown as { handler: Handler });
    draftOwner = uniqueKbo();
    const created = await handler(httpEvent({ routeKey: 'POST /v1/applications', claims: claimsOf(draftOwner), body: applicationBody() }), testContext());
    expect(created.statusCode).toBe(201);
    draftId = JSON.parse(created.body as string).id;
    draftVersion = (await storedApplication(draftId))?.version;
    orgWithProfile = uniqueKbo();
    const org = await handler(httpEvent({ routeKey: 'PUT /v1/organisation', claims: claimsOf(orgWithProfile), body: organisationBody() }), testContext());
    expect(org.statusCode).toBe(200);
    orgVersion = (await storedOrganisation(orgWithProfile))?.version;
  });

  it('POST /v1/applications: never a 5xx, always problem+json, nothing written', { timeout: 180_000 }, async () => {
    const kbo = uniqueKbo();
    await fc.assert(fc.asyncProperty(invalidBodies(applicationSchema, applicationBody() as Record<string, unknown>), async (body) => {
      expectProblem(await invoke('POST /v1/applications', kbo, body));
    }), { numRuns: RUNS });
    expect(await applicationsOf(kbo)).toHaveLength(0);
  });

  it('PUT /v1/applications/{id}: never a 5xx, always problem+json, nothing written', { timeout: 180_000 }, async () => {
    await fc.assert(fc.asyncProperty(invalidBodies(applicationSchema, applicationBody() as Record<string, unknown>), async (body) => {
      expectProblem(await invoke('PUT /v1/applications/{id}', draftOwner, body, { id: draftId }));
    }), { numRuns: RUNS });
    expect((await storedApplication(draftId))?.version).toBe(draftVersion);
  });

  it('PUT /v1/organisation: never a 5xx, always problem+json, nothing written', { timeout: 180_000 }, async () => {
    const kbo = uniqueKbo();
    await fc.assert(fc.asyncProperty(invalidBodies(organisationSchema, organisationBody() as unknown as Record<string, unknown>), async (body) => {
      expectProblem(await invoke('PUT /v1/organisation', kbo, body));
    }), { numRuns: RUNS });
    expect(await storedOrganisation(kbo)).toBeUndefined();
  });

  const validDocument = { name: 'brochure.pdf', contentType: 'application/pdf', size: 1000, kind: 'brochure' };

  it('POST /v1/applications/{id}/documents: never a 5xx, always problem+json, nothing written', { timeout: 180_000 }, async () => {
    await fc.assert(fc.asyncProperty(invalidBodies(documentBody, validDocument), async (body) => {
      expectProblem(await invoke('POST /v1/applications/{id}/documents', draftOwner, body, { id: draftId }));
    }), { numRuns: RUNS });
    expect((await storedApplication(draftId))?.version).toBe(draftVersion);
  });

  it('POST /v1/organisation/lms-document: never a 5xx, always problem+json, nothing written', { timeout: 180_000 }, async () => {
    await fc.assert(fc.asyncProperty(invalidBodies(documentBody, validDocument), async (body) => {
      expectProblem(await invoke('POST /v1/organisation/lms-document', orgWithProfile, body));
    }), { numRuns: RUNS });
    expect((await storedOrganisation(orgWithProfile))?.version).toBe(orgVersion);
  });

  it('path parameters: junk ids are 400 problem+json, never a 5xx', { timeout: 180_000 }, async () => {
    await fc.assert(fc.asyncProperty(fc.string(), fc.constantFrom('GET /v1/applications/{id}', 'POST /v1/applications/{id}/check', 'POST /v1/applications/{id}/submit', 'DELETE /v1/applications/{id}'), async (id, routeKey) => {
      const response = await handler(httpEvent({ routeKey, claims: claimsOf(draftOwner), pathParameters: { id } }), testContext());
      expectProblem(response);
      // a junk id is bad input (400), not "not found" or any other 4xx
      expect(response.statusCode).toBe(400);
    }), { numRuns: RUNS });
    expect((await storedApplication(draftId))?.version).toBe(draftVersion);
  });
});
