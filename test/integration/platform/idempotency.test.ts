import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineOperation } from '../../../shared/api/operation';
import { httpEvent, testContext } from '../../support/events';
import { stack } from '../../support/stack';

const createThing = defineOperation({
  id: 'createThing', method: 'POST', path: '/v1/things', fn: 'test', auth: { kind: 'jwt', roles: ['provider'] },
  summary: 'test', body: z.object({ title: z.string() }), idempotent: true, responses: { 201: { description: 'created' } },
});

describe('Idempotency-Key (Powertools idempotency on DynamoDB Local)', () => {
  let invoke: (body: unknown, key?: string, sub?: string) => Promise<APIGatewayProxyStructuredResultV2>;
  let created = 0;

  beforeAll(async () => {
    Object.assign(process.env, stack().env);
    const { apiHandler, implement } = await import('../../../functions/http/api-handler');
    const handler = apiHandler([
      implement(createThing, async ({ body }) => {
        created++;
        await new Promise((r) => setTimeout(r, 150)); // long enough for parallel duplicates to overlap
        return { status: 201, body: { id: `thing-${created}`, title: body.title } };
      }),
    ], { idempotencyTable: 'idempotency' });
    invoke = async (body, key, sub = 'p-idem') => (await handler(httpEvent({
      routeKey: 'POST /v1/things', body, claims: { sub, roles: '[provider]' }, ...(key ? { headers: { 'idempotency-key': key } } : {}),
    }), testContext())) as APIGatewayProxyStructuredResultV2;
  });

  it('a replay with the same key returns the same status and body and creates nothing new', async () => {
    const before = created;
    const first = await invoke({ title: 'a' }, 'key-replay');
    const second = await invoke({ title: 'a' }, 'key-replay');
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.body).toBe(first.body);
    expect(created - before).toBe(1);
  });

  it('10 parallel duplicates create exactly one; the others are refused while it runs or replay it', async () => {
    const before = created;
    const responses = await Promise.all(Array.from({ length: 10 }, () => invoke({ title: 'p' }, 'key-parallel')));
    expect(created - before).toBe(1);
    const ok = responses.filter((r) => r.statusCode === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => r.body)).size).toBe(1);
    for (const r of responses.filter((x) => x.statusCode !== 201)) expect(r.statusCode).toBe(409);
  });

  it('the same key with another body gives 422', async () => {
    await invoke({ title: 'x' }, 'key-body');
    const other = await invoke({ title: 'y' }, 'key-body');
    expect(other.statusCode).toBe(422);
    expect(JSON.parse(other.body as string).type).toMatch(/idempotency-key-reused/);
  });

  it('keys are scoped per caller: the same key from another user is a new request', async () => {
    const before = created;
    await invoke({ title: 'z' }, 'key-scope', 'user-1');
    await invoke({ title: 'z' }, 'key-scope', 'user-2');
    expect(created - before).toBe(2);
  });

  it('without a key every POST runs', async () => {
    const before = created;
    await invoke({ title: 'n' });
    await invoke({ title: 'n' });
    expect(created - before).toBe(2);
  });
});
