import { ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { isDependencyUnavailable } from '../../../functions/adapters/dependency-errors';
import { clientConfig } from '../../../functions/adapters/aws-clients';
import { apiHandler, implement } from '../../../functions/http/api-handler';
import { defineOperation } from '../../../shared/api/operation';
import { httpEvent, testContext } from '../../support/events';

const meta = { $metadata: {} };
const throttled = new ProvisionedThroughputExceededException({ message: 'Rate exceeded', ...meta });
const conflict = new TransactionCanceledException({ message: 'Transaction cancelled', CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }], ...meta });
const conditionFailed = new TransactionCanceledException({ message: 'Transaction cancelled', CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }], ...meta });
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
const timeout = Object.assign(new Error('a request has exceeded the configured 5000 ms requestTimeout.'), { name: 'TimeoutError', code: 'ETIMEDOUT' });

describe('a dependency down or throttling is a 503 with Retry-After, a bug stays a 500 (issue 14.3)', () => {
  it('classifies throttling, transaction conflicts, timeouts and refused connections as unavailable; a failed condition or a bug is not', () => {
    expect([throttled, conflict, refused, timeout, new AggregateError([refused])].map((e) => isDependencyUnavailable(e))).toEqual([true, true, true, true, true]);
    expect([conditionFailed, new TypeError("Cannot read properties of undefined (reading 'id')"), undefined].map((e) => isDependencyUnavailable(e))).toEqual([false, false, false]);
  });

  it('answers 503 problem+json with Retry-After for a dependency, and 500 internal for a bug', async () => {
    const op = (id: string, path: string) => defineOperation({ id, method: 'GET', path, fn: 'test', auth: { kind: 'public' }, summary: id, responses: {} });
    const down = op('down', '/v1/down');
    const bug = op('bug', '/v1/bug');
    const handler = apiHandler([
      implement(down, async () => { throw throttled; }),
      implement(bug, async () => { throw new TypeError('undefined is not a function'); }),
    ]);
    const invoke = async (routeKey: string) => (await handler(httpEvent({ routeKey }), testContext())) as APIGatewayProxyStructuredResultV2;

    const unavailable = await invoke('GET /v1/down');
    const internal = await invoke('GET /v1/bug');

    expect(unavailable.statusCode).toBe(503);
    expect(unavailable.headers).toMatchObject({ 'content-type': expect.stringMatching(/application\/problem\+json/), 'retry-after': '5' });
    expect(JSON.parse(unavailable.body as string)).toMatchObject({ status: 503, type: expect.stringContaining('dependency-unavailable'), detail: expect.not.stringContaining('Rate exceeded') });
    expect(internal.statusCode).toBe(500);
    expect(internal.headers?.['retry-after']).toBeUndefined();
  });

  it('every AWS client gets connection and request timeouts that throw, and bounded retries', () => {
    expect(clientConfig()).toEqual({
      maxAttempts: 3, retryMode: 'standard',
      requestHandler: { connectionTimeout: 3000, requestTimeout: 5000, throwOnRequestTimeout: true },
    });
  });
});
