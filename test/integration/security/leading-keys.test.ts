/**
 * Issue 12 (least privilege): the issuer webhook's IAM grant on the main table is limited by
 * `dynamodb:LeadingKeys` (infra/cdk/function-access.ts). IAM is not emulated locally, so this test runs
 * the issuer handler in this process against DynamoDB Local, records the partition key of every item
 * it reads or writes (the SDK's own middleware), and checks each against the granted patterns — so a
 * change that touches another item kind fails here instead of being refused by IAM in AWS only.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '../../../functions/adapters/aws-clients';
import { dynamoChequeStore } from '../../../functions/cheques/dynamo-store';
import { issuerRoutes } from '../../../functions/cheques/routes';
import { apiHandler } from '../../../functions/http/api-handler';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { idempotencyKeyPrefix } from '../../../functions/http/idempotency';
import { idempotencyTable, mainTable, quotaTable } from '../../../functions/storage/definitions';
import { operations } from '../../../shared/api/contract';
import { accessFor } from '../../../infra/cdk/function-access';
import { ISSUER_SIGNATURE_HEADER, ISSUER_TIMESTAMP_HEADER } from '../../../shared/cheques/issuer-events';
import { signIssuerEvent } from '../../../shared/cheques/signature';
import { httpEvent, testContext } from '../../support/events';
import { uniqueRrn } from '../../support/ids';
import { api, expectStatus, stack, workerToken } from '../../support/stack';
import { requestBody, seedRegistration, uniqueEmail } from '../cheques/support';
import { applicationBody, providerWithOrganisation } from '../provider/support';
import { uniqueKbo } from '../../support/ids';

const saved: Record<string, string | undefined> = {};
const touched: string[] = [];
const queries: string[] = [];

beforeAll(() => {
  // the functions' own client factory, pointed at the stack's DynamoDB Local
  const env = { AWS_ENDPOINT_URL_DYNAMODB: stack().endpoints.dynamodb, AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };
  for (const [name, value] of Object.entries(env)) { saved[name] = process.env[name]; process.env[name] = value; }
  dynamo().middlewareStack.add((next) => async (args) => {
    const input = args.input as Record<string, any>;
    const keyOf = (item: Record<string, unknown> | undefined) => { if (item && typeof item.pk === 'string') touched.push(item.pk); };
    keyOf(input.Key);
    keyOf(input.Item);
    for (const entry of input.TransactItems ?? []) keyOf(entry.Put?.Item ?? entry.Update?.Key ?? entry.Delete?.Key ?? entry.ConditionCheck?.Key);
    for (const request of Object.values(input.RequestItems ?? {}) as Array<Record<string, any>>) {
      for (const key of request.Keys ?? []) keyOf(key);
      if (Array.isArray(request)) for (const write of request) keyOf(write.PutRequest?.Item ?? write.DeleteRequest?.Key);
    }
    if (input.KeyConditionExpression) queries.push(`${input.IndexName ?? 'table'}: ${JSON.stringify(input.ExpressionAttributeValues)}`);
    return next(args);
  }, { step: 'initialize', name: 'recordLeadingKeys' });
});
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) { if (value === undefined) delete process.env[name]; else process.env[name] = value; }
});

describe('issue 12: the issuer webhook touches only the item kinds its LeadingKeys grant names', () => {
  it('contribution paid → delivered → expired (budget released) → a replay: every partition key matches the grant, and every pattern is needed', async () => {
    const { odbNumber } = await seedRegistration({ chequeCategory: 'standard' });
    const created = await api('POST', '/v1/cheque-requests', { token: await workerToken(uniqueRrn()), body: requestBody(odbNumber, 20_000, uniqueEmail()) });
    expectStatus(created, 201);
    const requestId = created.body.id as string;

    const issuer = apiHandler(issuerRoutes({ store: dynamoChequeStore(stack().env.TABLE_NAME as string), webhookSecret: stack().env.ISSUER_WEBHOOK_SECRET as string, now: () => new Date() }));
    const post = async (event: Record<string, unknown>) => {
      const rawBody = JSON.stringify({ eventId: randomUUID(), occurredAt: new Date().toISOString(), requestId, ...event });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = signIssuerEvent(stack().env.ISSUER_WEBHOOK_SECRET as string, timestamp, rawBody);
      const result = (await issuer(httpEvent({
        routeKey: 'POST /v1/issuer/events', rawBody,
        headers: { 'content-type': 'application/json', [ISSUER_TIMESTAMP_HEADER]: timestamp, [ISSUER_SIGNATURE_HEADER]: signature },
      }), testContext())) as APIGatewayProxyStructuredResultV2;
      return { status: result.statusCode, body: JSON.parse(result.body as string) as Record<string, unknown>, rawBody };
    };

    expect((await post({ type: 'contribution-paid' })).body.status).toBe('approved');
    const delivered = await post({ type: 'cheques-delivered', expiryDate: '2027-11-30' });
    expect(delivered.body.status).toBe('issued');
    expect((await post({ type: 'cheques-expired', unusedCents: 5_000 })).body.status).toBe('expired');
    const replayed = JSON.parse(delivered.rawBody) as Record<string, unknown>;
    expect((await post({ ...replayed })).status).toBe(409);

    const patterns = accessFor('api', 'issuer').leadingKeys[mainTable.id]!;
    const regexes = patterns.map((pattern) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`));
    expect(touched.length).toBeGreaterThan(0);
    for (const pk of touched) expect(regexes.some((regex) => regex.test(pk)), `${pk} is outside ${patterns.join(', ')}`).toBe(true);
    // no index Query (its LeadingKeys would be the index's partition key)
    expect(queries).toEqual([]);
    // and the grant is no broader than the flow needs: each pattern was used
    for (const [index, regex] of regexes.entries()) expect(touched.some((pk) => regex.test(pk)), `${patterns[index]} unused`).toBe(true);
  });
});

describe('issue 12: the keys the idempotency and quota LeadingKeys grants rely on', () => {
  it('every stored idempotency record starts with its area\'s prefix, every quota counter with its quota id (after idempotent, quota-counted calls)', async () => {
    const provider = await providerWithOrganisation(uniqueKbo());
    const created = await api('POST', '/v1/applications', { token: provider.token, body: applicationBody(), headers: { 'idempotency-key': randomUUID() } });
    expectStatus(created, 201);
    const scan = async (table: string, key: string) => {
      const found: string[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await dynamo().send(new ScanCommand({ TableName: table, ProjectionExpression: '#k', ExpressionAttributeNames: { '#k': key }, ...(start ? { ExclusiveStartKey: start } : {}) }));
        found.push(...(page.Items ?? []).map((item) => String(item[key])));
        start = page.LastEvaluatedKey;
      } while (start);
      return found;
    };
    const prefixes = [...new Set(operations.filter((op) => op.idempotent).map((op) => `${idempotencyKeyPrefix(op.fn)}#`))];
    const records = await scan(stack().env[idempotencyTable.envVar] as string, idempotencyTable.partitionKey);
    expect(records.some((id) => id.startsWith(`${idempotencyKeyPrefix('provider')}#`))).toBe(true);
    // test/integration/platform/idempotency.test.ts runs an operation of its own (area `test`, not in the
    // contract) on this shared stack's table; its records are that test's, not an area's.
    const testOnly = `${idempotencyKeyPrefix('test')}#`;
    for (const id of records.filter((record) => !record.startsWith(testOnly))) expect(prefixes.some((prefix) => id.startsWith(prefix)), id).toBe(true);
    const quotaIds = [...new Set(operations.flatMap((op) => (op.quotas ?? []).map((quota) => `${quota.id}#`)))];
    const counters = await scan(stack().env[quotaTable.envVar] as string, quotaTable.partitionKey);
    expect(counters.some((pk) => pk.startsWith('drafts#'))).toBe(true);
    for (const pk of counters) expect(quotaIds.some((prefix) => pk.startsWith(prefix)), pk).toBe(true);
  });
});
