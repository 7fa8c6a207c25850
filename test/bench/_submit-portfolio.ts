import { mkdtempSync, rmSync } from 'node:fs';
import { randomInt, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack } from '../../infra/local/stack';
import { apiCaller } from './_api-call';
import { validApplication } from '../unit/applications/application-fixture';

/**
 * `npm run bench -- submit --portfolio 2000 [--rounds 15]`: does check and submit cost the same for a
 * provider with 10 and with 2,000 applications (issue 10: uniqueness by a conditional write, not a read
 * of the portfolio)? Starts its own local stack, gives one provider 10 and another `--portfolio` stored
 * applications (mixed statuses), then for each provider times `--rounds` rounds of POST …/check + POST
 * …/submit of a fresh draft, one after the other, and sums the DynamoDB capacity every call of the
 * process consumed while the round ran (ReturnConsumedCapacity: TOTAL on the shared client). Prints the
 * medians per portfolio and their ratio (target ≤ 1.1). A measurement, not a test.
 */
const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : NaN;
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const PORTFOLIO = arg('portfolio', 2000);
const BASELINE = 10;
const ROUNDS = arg('rounds', 15);
const WARM_UP = 3;

process.env.LOG_LEVEL = 'SILENT';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

function kbo(): string {
  const base = randomInt(4_000_000, 9_999_999);
  return `${String(base).padStart(8, '0')}${String(97 - (base % 97)).padStart(2, '0')}`;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

const dataDir = mkdtempSync(join(tmpdir(), 'bench-portfolio-'));
const stack = await startLocalStack({
  dataDir, inMemory: true, schedules: false, ports: { api: 0, site: 0, dynamodb: 0, s3: 0, ses: 0 }, log: () => undefined,
});
try {
  const { dynamoClient } = await import('../../functions/adapters/aws-clients');
  const { createApplication } = await import('../../functions/applications/dynamo-store');
  let capacity = 0;
  dynamoClient().middlewareStack.add((next) => async (args) => {
    const input = args.input as { ReturnConsumedCapacity?: string };
    input.ReturnConsumedCapacity ??= 'TOTAL';
    const result = await next(args);
    const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
    for (const entry of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) capacity += entry.CapacityUnits ?? 0;
    return result;
  }, { step: 'initialize', name: 'benchConsumedCapacity' });

  const call = apiCaller(stack.apiUrl);

  const table = stack.env.TABLE_NAME as string;
  const STATUSES = ['draft', 'screening', 'approved', 'rejected', 'forwarded'] as const;
  async function provider(size: number) {
    const org = kbo();
    const token = await stack.localIssuer.sign({ sub: `bench-${org}`, roles: ['provider'], org }, 3600);
    await call('PUT', '/v1/organisation', token, {
      name: `Opleider ${org}`, contact: { name: 'Bench', email: `bench-${org}@opleider.test`, phone: '+32 2 553 00 00' }, kind: 'general', lms: null,
    });
    // the portfolio: stored applications of ~300 words each, written straight through the adapter
    const content = Array.from({ length: 300 }, (_, i) => `woord${i % 50}`).join(' ');
    for (let i = 0; i < size; i += 25) {
      await Promise.all(Array.from({ length: Math.min(25, size - i) }, (_, j) => {
        const n = i + j;
        const at = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
        const status = STATUSES[n % STATUSES.length] ?? 'draft';
        return createApplication(table, {
          ...validApplication({ ownReference: `P-${n}`, content }), id: randomUUID(), orgKbo: org, status, createdAt: at, updatedAt: at,
          submittedAt: status === 'draft' ? null : at, referenceVersion: null, documents: [], problems: [], questions: [], deadlines: null,
          forwarding: null, decision: null, odbNumbers: null,
        });
      }));
    }
    return { org, token };
  }

  interface Figures { size: number; token: string; checkMs: number[]; submitMs: number[]; units: number[] }

  async function round(figures: Figures, index: number, measured: boolean) {
    const draft = await call('POST', '/v1/applications', figures.token, validApplication({ ownReference: `NEW-${index}`, plannedStart: '2027-09-01', plannedEnd: '2028-06-30' }));
    await stack.streamsIdle();
    capacity = 0;
    const t0 = performance.now();
    await call('POST', `/v1/applications/${draft.id}/check`, figures.token);
    const t1 = performance.now();
    const submitted = await call('POST', `/v1/applications/${draft.id}/submit`, figures.token);
    const t2 = performance.now();
    const used = capacity;
    if (submitted.status !== 'waiting-for-quality-registration') throw new Error(`unexpected status ${submitted.status}`);
    if (!measured) return;
    figures.checkMs.push(t1 - t0);
    figures.submitMs.push(t2 - t1);
    figures.units.push(used);
  }

  // Prepare both providers, then alternate their rounds so both meet the same (warm) emulator
  const providers: Figures[] = [];
  for (const size of [BASELINE, PORTFOLIO]) providers.push({ size, token: (await provider(size)).token, checkMs: [], submitMs: [], units: [] });
  for (let index = 0; index < WARM_UP + ROUNDS; index++) {
    for (const figures of providers) await round(figures, index, index >= WARM_UP);
  }
  const result = (figures: Figures) => ({ size: figures.size, check: median(figures.checkMs), submit: median(figures.submitMs), units: median(figures.units) });
  const small = result(providers[0] as Figures);
  const large = result(providers[1] as Figures);
  const row = (r: typeof small) =>
    `portfolio ${String(r.size).padStart(5)}: check ${r.check.toFixed(1)} ms, submit ${r.submit.toFixed(1)} ms, capacity ${r.units.toFixed(1)} units per check + submit (medians of ${ROUNDS})`;
  console.log(row(small));
  console.log(row(large));
  console.log(`ratio ${PORTFOLIO}/${BASELINE}: check time ${(large.check / small.check).toFixed(2)}, submit time ${(large.submit / small.submit).toFixed(2)}, capacity ${(large.units / small.units).toFixed(2)}`);
  console.log('target: ratio ≤ 1.1');
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
