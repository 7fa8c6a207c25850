/**
 * `npm run bench -- jobs [--small 1000] [--large 50000] [--due 100]`
 *
 * Jobs must scale with what is due, not with the catalogue (issue 4). Starts its own in-memory local
 * stack, seeds `--small` registrations (and a tenth as many organisations) of which `--due` are due
 * for each job, runs each job, then grows the table to `--large` with the SAME due items re-armed and
 * runs them again. `evaluation-overdue` (R-BO-5) reads its own reminder items: every registration has
 * one, `--due` of them overdue. Prints per job: items examined (read from the due index), read capacity consumed
 * (when the emulator reports it) and time, and the ratio large/small. Target: ≤ 1.1.
 */
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalStack } from '../../infra/local/stack';
import type { Organisation } from '../../shared/organisations/organisation';
import { registrationFromApproval, type Registration } from '../../shared/registrations/registration';
import type { Application } from '../../shared/applications/application';
import type { JobResult } from '../../functions/jobs/job-event';

const { values } = parseArgs({ options: { small: { type: 'string', default: '1000' }, large: { type: 'string', default: '50000' }, due: { type: 'string', default: '100' } } });
const SMALL = Number(values.small);
const LARGE = Number(values.large);
const DUE = Number(values.due);
if (![SMALL, LARGE, DUE].every((n) => Number.isInteger(n) && n > 0) || LARGE < SMALL || SMALL < DUE * 3) {
  console.error('usage: npm run bench -- jobs [--small 1000] [--large 50000] [--due 100]  (small ≥ 3 × due, large ≥ small)');
  process.exit(2);
}

const NOW = new Date('2030-06-01T00:05:00+02:00');
const dataDir = mkdtempSync(join(tmpdir(), 'oi-bench-jobs-'));
console.log(`starting an in-memory local stack (${dataDir}) …`);
process.env.DEMO_SEED = 'off';
const stack = await startLocalStack({ dataDir, inMemory: true, schedules: false, ports: { api: 0, site: 0, dynamodb: 0, s3: 0, ses: 0 }, log: () => undefined });
const table = stack.env.TABLE_NAME as string;
const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));

const { evaluationReminderItem, toRegistrationItem } = await import('../../functions/registrations/items');
const { contactCheckDue } = await import('../../shared/organisations/contact-check');
const jobs: Array<{ name: string; handler: (event: unknown) => Promise<JobResult> }> = [
  { name: 'stop-dates', handler: (await import('../../functions/jobs/stop-dates')).handler },
  { name: 'evaluation-removals', handler: (await import('../../functions/jobs/evaluation-removals')).handler },
  { name: 'contact-check', handler: (await import('../../functions/jobs/contact-check')).handler },
  { name: 'evaluation-overdue', handler: (await import('../../functions/jobs/evaluation-overdue')).handler },
];

const kboOf = (i: number) => {
  const base = 1_000_000 + i;
  return `${String(base).padStart(8, '0')}${String(97 - (base % 97)).padStart(2, '0')}`;
};

const template = registrationFromApproval(
  { id: 'bench', orgKbo: kboOf(0), status: 'forwarded', createdAt: '', updatedAt: '', submittedAt: null, referenceVersion: null, documents: [], problems: [], questions: [], deadlines: null, forwarding: null, decision: null, odbNumbers: null, title: 'Bench', ownReference: 'B', contactHours: 40, targetGroup: 'Iedereen', content: 'Inhoud', websiteUrl: 'https://example.be' } satisfies Application,
  { training: 'ODB-A000001', modules: [] }, '2029-01-01', { kbo: kboOf(0), name: 'Bench' }, { chequeCategory: 'standard' },
);

/**
 * Registration i: the first DUE are due for stop-dates, the next DUE for evaluation-removals, the third
 * DUE have an overdue annual evaluation (R-BO-5; their organisations exist, so each is mailed; `round`
 * gives a new due date when they are re-armed); a third of the rest have a stop date in the future (in
 * the due index, not yet due), the others none. Each registration comes with its evaluation reminder.
 */
function registrationItems(i: number, round = 0) {
  const odbNumber = `ODB-A${String(i + 1).padStart(6, '0')}`;
  const overdue = i >= 2 * DUE && i < 3 * DUE;
  const reg: Registration = {
    ...template, odbNumber, applicationId: `bench-${i}`, provider: { kbo: kboOf(overdue ? i % DUE : i % 1000), name: 'Bench' },
    evaluationDue: overdue ? `2030-05-0${1 + round}` : '2031-01-01',
  };
  if (i < DUE) reg.stopDate = '2030-05-01';
  else if (i < 2 * DUE) reg.removalDate = '2029-12-31';
  else if (i % 3 === 0) reg.stopDate = `${2031 + (i % 5)}-01-01`;
  return [toRegistrationItem(reg, 1, '2029-01-01T00:00:00.000Z', new Date('2029-01-01T00:00:00Z')), evaluationReminderItem(reg)];
}

/** Organisation i: the first DUE are due for contact-check (`round` re-arms them); the others confirmed recently. */
function organisationItem(i: number, round = 0) {
  const kbo = kboOf(i);
  const contactConfirmedAt = i < DUE ? `2029-01-0${1 + round}T09:00:00.000Z` : '2030-03-01T09:00:00.000Z';
  const org: Organisation = {
    kbo, name: `Organisatie ${i}`, contact: { name: 'Contact', email: `contact-${i}@bench.test`, phone: '+32 2 553 00 00' },
    generalContact: { name: 'Contact', email: `contact-${i}@bench.test`, phone: '+32 2 553 00 00' }, chequesContact: null, kind: 'general', lms: null,
    qualityRegistration: { registered: true, since: '2020-01-01' }, lmsDocument: { status: 'missing', fileName: null, uploadedAt: null }, contactConfirmedAt, updatedAt: contactConfirmedAt,
  };
  return { pk: `ORG#${kbo}`, sk: 'PROFILE', type: 'organisation', gsi1pk: 'ORGS', gsi1sk: kbo, ...org, version: 1, ...contactCheckDue(org) };
}

async function writeAll(label: string, items: readonly object[]) {
  const started = performance.now();
  let written = 0;
  let next = 0;
  const batches: object[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  const worker = async () => {
    while (next < batches.length) {
      let requests = (batches[next++] ?? []).map((item) => ({ PutRequest: { Item: item as Record<string, unknown> } }));
      while (requests.length > 0) {
        const result = await db.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
        const unprocessed = result.UnprocessedItems?.[table] ?? [];
        written += requests.length - unprocessed.length;
        requests = unprocessed as typeof requests;
      }
      if (written % 2500 < 25 || written === items.length) {
        const rate = written / ((performance.now() - started) / 1000);
        process.stdout.write(`\r  seeding ${label}: ${written}/${items.length} (${rate.toFixed(0)} items/s)   `);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  process.stdout.write('\n');
}

/**
 * Lets the stream consumers (catalogue republish, mail delivery) catch up before a measurement, for
 * at most 20 s: after seeding tens of thousands of registrations the republish backlog can take far
 * longer, and the job's reads do not depend on it (only its time does, through the shared emulator).
 */
async function settle(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const idle = await Promise.race([
    stack.streamsIdle().then(() => true),
    new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), 20_000); }),
  ]);
  clearTimeout(timer);
  if (!idle) console.log('  (stream consumers still busy in the background; time may include their load)');
}

interface Measurement { examined: number; changed: number; capacity: number | null; ms: number }

async function runJobs(): Promise<Record<string, Measurement>> {
  const out: Record<string, Measurement> = {};
  for (const job of jobs) {
    await settle();
    const started = performance.now();
    const result = await job.handler({ job: job.name, time: NOW.toISOString() });
    const ms = performance.now() - started;
    const capacity = (result.details?.consumedReadCapacity ?? null) as number | null;
    out[job.name] = { examined: result.examined, changed: result.changed, capacity, ms };
    const again = await job.handler({ job: job.name, time: NOW.toISOString() });
    if (again.changed !== 0) console.warn(`  ! second run of ${job.name} changed ${again.changed}`);
  }
  return out;
}

const print = (label: string, m: Record<string, Measurement>) => {
  console.log(`\n${label}`);
  console.log('  job                   examined  changed  read capacity   time');
  for (const [name, r] of Object.entries(m)) {
    console.log(`  ${name.padEnd(20)}  ${String(r.examined).padStart(8)}  ${String(r.changed).padStart(7)}  ${(r.capacity === null ? 'n/a' : r.capacity.toFixed(1)).padStart(13)}  ${r.ms.toFixed(0).padStart(5)} ms`);
  }
};

try {
  const orgCount = (n: number) => Math.max(DUE * 2, Math.floor(n / 10));
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

  // warm-up (module loading, connections, JIT): a run in the past finds nothing due
  for (const job of jobs) await job.handler({ job: job.name, time: '2000-01-01T00:00:00.000Z' });
  await writeAll(`${SMALL} registrations with their evaluation reminders`, range(0, SMALL).flatMap((i) => registrationItems(i)));
  await writeAll(`${orgCount(SMALL)} organisations`, range(0, orgCount(SMALL)).map((i) => organisationItem(i)));
  const small = await runJobs();
  print(`${SMALL} registrations, ${orgCount(SMALL)} organisations, ${DUE} due per job`, small);

  await writeAll(`${LARGE - SMALL} more registrations with their evaluation reminders`, range(SMALL, LARGE).flatMap((i) => registrationItems(i)));
  await writeAll(`${orgCount(LARGE) - orgCount(SMALL)} more organisations`, range(orgCount(SMALL), orgCount(LARGE)).map((i) => organisationItem(i)));
  // re-arm the SAME due items (the first run acted on them)
  await writeAll(`the same ${DUE} due items per job, re-armed`, [...range(0, 3 * DUE).flatMap((i) => registrationItems(i, 1)), ...range(0, DUE).map((i) => organisationItem(i, 1))]);
  const large = await runJobs();
  print(`${LARGE} registrations, ${orgCount(LARGE)} organisations, ${DUE} due per job`, large);

  console.log(`\nratio ${LARGE}/${SMALL} (target ≤ 1.1)`);
  console.log('  job                   examined   read capacity   time');
  for (const name of Object.keys(small)) {
    const s = small[name] as Measurement;
    const l = large[name] as Measurement;
    const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? 'n/a' : (a / b).toFixed(2));
    console.log(`  ${name.padEnd(20)}  ${ratio(l.examined, s.examined).padStart(8)}  ${ratio(l.capacity, s.capacity).padStart(14)}  ${ratio(l.ms, s.ms).padStart(6)}`);
  }
} finally {
  db.destroy();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
