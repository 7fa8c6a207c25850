/**
 * `npm run bench -- cheques [--requests 2000] [--workers 200] [--parallel 32]`: the opening-day burst.
 * Starts its own in-memory local stack (DynamoDB Local, S3 and SES emulators, gateway, stream poller),
 * seeds two registrations, then fires the requests of many workers through the real HTTP gateway with a
 * fixed number in flight. Prints requests lost (must be 0), workers over a cap (must be 0) and latency.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { toRegistrationItem } from '../../functions/registrations/items';
import { readSiteStatus } from '../../infra/local/site-builder';
import { startLocalStack } from '../../infra/local/stack';
import { uniqueRrn } from '../support/ids';
import { registration } from '../unit/catalogue/registration-fixture';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '200' },
    parallel: { type: 'string', default: '32' },
  },
});
const totalRequests = Number(values.requests);
const workerCount = Number(values.workers);
const parallel = Number(values.parallel);

process.env.LOG_LEVEL ??= 'ERROR';
process.env.DEMO_SEED = 'off';
const dataDir = mkdtempSync(join(tmpdir(), 'bench-cheques-'));
const stack = await startLocalStack({
  dataDir, inMemory: true, schedules: false, log: () => undefined,
  ports: { api: 0, site: 0, dynamodb: 0, s3: 0, ses: 0 },
});

// Let the stack's first site build finish, so it does not share the CPU with the burst.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const settleBy = Date.now() + 90_000;
await sleep(1_000);
while (Date.now() < settleBy && readSiteStatus(stack.dataDir)?.state === 'building') await sleep(250);

try {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({
    endpoint: stack.endpoints.dynamodb, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  }));
  const trainings = [
    { odbNumber: 'ODB-A900001', chequeCategory: 'standard' },
    { odbNumber: 'ODB-A900002', chequeCategory: 'higherEducation' },
  ] as const;
  for (const training of trainings) {
    await db.send(new PutCommand({
      TableName: stack.env.TABLE_NAME,
      Item: toRegistrationItem(
        registration({ odbNumber: training.odbNumber, title: 'Bench', validFrom: '2024-09-01', chequeCategory: training.chequeCategory }),
        1, '2024-06-01T10:00:00.000Z', new Date('2024-06-01T10:00:00.000Z'),
      ),
    }));
  }

  const workers = await Promise.all(Array.from({ length: workerCount }, async (_, index) => {
    const rrn = uniqueRrn();
    return { index, token: await stack.localIssuer.sign({ sub: `bench-${index}`, roles: ['worker'], rrn }) };
  }));

  // Round-robin over the workers, so each worker's requests overlap with each other in the burst.
  const jobs = Array.from({ length: totalRequests }, (_, n) => {
    const worker = workers[n % workerCount] as (typeof workers)[number];
    const training = trainings[n % 5 === 0 ? 1 : 0];
    const amountCents = 2_000 + ((n * 7919) % 8) * 1_000; // €20 … €90
    return { worker, odbNumber: training.odbNumber, amountCents };
  });

  interface Outcome { worker: number; status: number; body: { id?: string; status?: string; amountCents?: number; chequeCategory?: string } | undefined; ms: number }
  const outcomes: Outcome[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < jobs.length) {
      const job = jobs[next++] as (typeof jobs)[number];
      const t0 = performance.now();
      let status = 0;
      let body: Outcome['body'];
      try {
        const response = await fetch(`${stack.apiUrl}/v1/cheque-requests`, {
          method: 'POST',
          headers: { authorization: `Bearer ${job.worker.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            odbNumber: job.odbNumber, amountCents: job.amountCents,
            worker: { firstName: 'Bench', lastName: `W${job.worker.index}`, email: `bench-${job.worker.index}@example.be`, educationLevel: 'secondary', worksInFlanders: true, hasPersonalDevelopmentPlan: false },
          }),
        });
        status = response.status;
        body = (await response.json()) as Outcome['body'];
      } catch {
        status = -1;
      }
      outcomes.push({ worker: job.worker.index, status, body, ms: performance.now() - t0 });
    }
  }));
  const seconds = (performance.now() - started) / 1000;

  // Lost: not answered 201, or answered but not in the worker's own list afterwards.
  let lost = outcomes.filter((o) => o.status !== 201).length;
  let overCap = 0;
  let budgetMismatch = 0;
  for (const worker of workers) {
    const mine = outcomes.filter((o) => o.worker === worker.index && o.status === 201);
    const headers = { authorization: `Bearer ${worker.token}` };
    const list = (await (await fetch(`${stack.apiUrl}/v1/cheque-requests`, { headers })).json()) as { items: Array<{ id: string }> };
    const stored = new Set(list.items.map((item) => item.id));
    lost += mine.filter((o) => !stored.has(o.body?.id ?? '')).length;
    const accepted = mine.filter((o) => o.body?.status === 'approved' || o.body?.status === 'awaiting-contribution');
    const total = accepted.reduce((sum, o) => sum + (o.body?.amountCents ?? 0), 0);
    const ordinary = accepted.filter((o) => o.body?.chequeCategory !== 'higherEducation').reduce((sum, o) => sum + (o.body?.amountCents ?? 0), 0);
    if (total > 50_000 || ordinary > 25_000) overCap++;
    const entitlement = (await (await fetch(`${stack.apiUrl}/v1/cheques/entitlement`, { headers })).json()) as { usedCents: number };
    if (entitlement.usedCents !== total) budgetMismatch++;
  }

  const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
  const count = (status: string) => outcomes.filter((o) => o.body?.status === status).length;
  console.log([
    `cheques opening-day burst: ${totalRequests} requests from ${workerCount} workers, ${parallel} in parallel`,
    `  duration              ${seconds.toFixed(1)} s (${(totalRequests / seconds).toFixed(0)} requests/s)`,
    `  decisions             approved ${count('approved')}, awaiting-contribution ${count('awaiting-contribution')}, rejected ${count('rejected')}`,
    `  requests lost         ${lost}   (must be 0)`,
    `  workers over cap      ${overCap}   (must be 0)`,
    `  budget ≠ sum accepted ${budgetMismatch}   (must be 0)`,
    `  latency               p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms, max ${(latencies.at(-1) ?? 0).toFixed(0)} ms (target p95 ≤ 200 ms)`,
  ].join('\n'));
  process.exitCode = lost === 0 && overCap === 0 && budgetMismatch === 0 ? 0 : 1;
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit();
