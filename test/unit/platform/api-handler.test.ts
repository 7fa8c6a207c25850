import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { defineOperation } from '../../../shared/api/operation';
import { apiHandler, implement } from '../../../functions/http/api-handler';
import { httpEvent, testContext } from '../../support/events';

const body = z.strictObject({
  title: z.string().min(3, 'Geef een titel van minstens 3 tekens.'),
  hours: z.number().int().positive(),
  kind: z.enum(['a', 'b']),
});
const createThing = defineOperation({
  id: 'createThing', method: 'POST', path: '/v1/things', fn: 'test',
  auth: { kind: 'jwt', roles: ['provider'] }, summary: 'test', body,
  query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
  responses: { 201: { description: 'created' } },
});
const boom = defineOperation({
  id: 'boom', method: 'GET', path: '/v1/boom', fn: 'test', auth: { kind: 'public' }, summary: 'fails', responses: {},
});

const run = vi.fn(async ({ body: b }: { body: z.output<typeof body> }) => ({ status: 201, body: { ok: true, title: b.title } }));
const handler = apiHandler([
  implement(createThing, run),
  implement(boom, async () => { throw new Error('secret detail at /var/task/index.js:12'); }),
]);
const provider = { sub: 'p', roles: '[provider]', org: '0403170701' };
const invoke = async (event: ReturnType<typeof httpEvent>) =>
  (await handler(event, testContext())) as APIGatewayProxyStructuredResultV2;

describe('the API handler chain', () => {
  it('validates with zod and lists every problem at once as problem+json 400', async () => {
    const response = await invoke(httpEvent({ routeKey: 'POST /v1/things', body: { title: 'x', hours: -1, kind: 'c', extra: 1 }, claims: provider, query: { dryRun: 'maybe' } }));
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toMatch(/application\/problem\+json/);
    const problem = JSON.parse(response.body as string);
    expect(problem).toMatchObject({ status: 400, title: expect.any(String), detail: expect.any(String), type: expect.stringContaining('validation') });
    const paths = problem.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['', 'hours', 'kind', 'query.dryRun', 'title']);
    expect(problem.errors.find((e: { path: string }) => e.path === 'title').message).toBe('Geef een titel van minstens 3 tekens.');
    expect(run).not.toHaveBeenCalled();
  });

  it('reports a missing field in Dutch', async () => {
    const response = await invoke(httpEvent({ routeKey: 'POST /v1/things', body: { hours: 2, kind: 'a' }, claims: provider }));
    const problem = JSON.parse(response.body as string);
    expect(problem.errors).toEqual([{ path: 'title', code: 'invalid_type', message: 'Dit veld is verplicht.' }]);
  });

  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const response = await invoke(httpEvent({ routeKey: 'POST /v1/things', rawBody: '{"title": ', claims: provider }));
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body as string).errors[0].code).toBe('invalid_json');
  });

  it('answers 403 for the wrong role (the token itself was verified by the gateway)', async () => {
    const response = await invoke(httpEvent({ routeKey: 'POST /v1/things', body: { title: 'abc', hours: 1, kind: 'a' }, claims: { sub: 'w', roles: '[worker]' } }));
    expect(response.statusCode).toBe(403);
  });

  it('runs the implementation with the parsed body', async () => {
    const response = await invoke(httpEvent({ routeKey: 'POST /v1/things', body: { title: 'abc', hours: 1, kind: 'a' }, claims: provider }));
    expect(response.statusCode).toBe(201);
    expect(JSON.parse(response.body as string)).toEqual({ ok: true, title: 'abc' });
    expect(response.headers?.['x-correlation-id']).toBeTruthy();
  });

  it('never leaks a stack trace or an internal message on a 500', async () => {
    const response = await invoke(httpEvent({ routeKey: 'GET /v1/boom' }));
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toMatch(/secret detail|\/var\/task|at /);
    expect(JSON.parse(response.body as string)).toMatchObject({ status: 500, title: 'Interne fout' });
  });
});
