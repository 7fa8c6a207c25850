import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { apiHandler, implement } from '../../../functions/http/api-handler';
import { envOriginVerify, ORIGIN_VERIFY_HEADER } from '../../../functions/http/origin-verify';
import { defineOperation } from '../../../shared/api/operation';
import { httpEvent, testContext } from '../../support/events';

// Issue 12: the execute-api address bypasses CloudFront's WAF; API functions answer only requests
// that carry the origin-verify value CloudFront adds.
const search = defineOperation({
  id: 'searchThings', method: 'GET', path: '/v1/things', fn: 'test', auth: { kind: 'public' }, summary: 'public read', responses: { 200: { description: 'ok' } },
});
const SECRET = 'a-long-random-origin-verify-value';

describe('issue 12: requests that did not come through CloudFront', () => {
  const run = vi.fn(async () => ({ status: 200, body: { ok: true } }));
  const handler = apiHandler([implement(search, run)], { originVerify: async () => SECRET });
  const invoke = async (headers: Record<string, string>) =>
    (await handler(httpEvent({ routeKey: 'GET /v1/things', headers }), testContext())) as APIGatewayProxyStructuredResultV2;

  it('are refused with 403 problem+json before the implementation runs: no header, a wrong value, a prefix of the value', async () => {
    for (const headers of [{}, { [ORIGIN_VERIFY_HEADER.toLowerCase()]: 'guess' }, { [ORIGIN_VERIFY_HEADER.toLowerCase()]: SECRET.slice(0, -1) }]) {
      const response = await invoke(headers);
      expect(response.statusCode).toBe(403);
      expect(response.headers?.['content-type']).toMatch(/application\/problem\+json/);
      const problem = JSON.parse(response.body as string);
      expect(problem.type).toMatch(/not-through-edge$/);
      expect(problem.detail).not.toContain(SECRET);
    }
    expect(run).not.toHaveBeenCalled();
  });

  it('with the value CloudFront adds, the request is served', async () => {
    const response = await invoke({ [ORIGIN_VERIFY_HEADER.toLowerCase()]: SECRET });
    expect(response.statusCode).toBe(200);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('is checked only where the function is configured with the secret (the CDK app always is; the local stack has no CloudFront)', () => {
    expect(envOriginVerify({})).toBeUndefined();
    expect(envOriginVerify({ ORIGIN_VERIFY_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:1:secret:x' })).toBeTypeOf('function');
    expect(envOriginVerify({ ORIGIN_VERIFY_SECRET: SECRET })).toBeTypeOf('function');
  });
});
