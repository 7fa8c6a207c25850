/**
 * `npm run bench -- worklist [--small 1000] [--mid 10000] [--large 50000] [--runs 5]`
 *
 * The back office's worklist must cost what its page costs, not what the table holds (issue 11).
 * Starts DynamoDB Local in memory with the main table of functions/storage/definitions.ts, seeds
 * `--small` submitted applications (~300 words of content each, 40 organisations, the usual mix of
 * statuses and deadlines) by batch writes of the application store's own item mapping (application
 * item + search-token items), and times the first page and the next page (limit 50) of every
 * filter and sort through the use case and its DynamoDB adapter; then grows the table to `--mid`
 * and to `--large` and measures again. Prints per scenario the dossiers shown, the median time of
 * `--runs` runs, the items DynamoDB read (ScannedCount + BatchGet items) and the consumed read
 * capacity (ReturnConsumedCapacity), and the large/small and large/mid ratios. Target ≤ 1.1. Where
 * the small table cannot fill both pages of a scenario (fewer dossiers shown), its ratio compares
 * different amounts of work; the large/mid ratio compares two tables that both fill them.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseArgs } from 'node:util';
import type { Application } from '../../shared/applications/application';
import { addDays, addMonths } from '../../shared/time/calendar';
import { startDynamo } from '../../infra/local/emulators/dynamodb';
import { freePort } from '../../infra/local/ports';
import { provisionTables } from '../../infra/local/provision';
import { mainTable } from '../../functions/storage/definitions';
import { validApplication } from '../unit/applications/application-fixture';

const { values } = parseArgs({ options: { small: { type: 'string', default: '1000' }, mid: { type: 'string', default: '10000' }, large: { type: 'string', default: '50000' }, runs: { type: 'string', default: '5' } } });
const SMALL = Number(values.small);
const MID = Number(values.mid);
const LARGE = Number(values.large);
const RUNS = Number(values.runs);
if (![SMALL, MID, LARGE, RUNS].every((n) => Number.isInteger(n) && n > 0) || LARGE < MID || MID < SMALL || SMALL < 200) {
  console.error('usage: npm run bench -- worklist [--small 1000] [--mid 10000] [--large 50000] [--runs 5]  (small ≥ 200, small ≤ mid ≤ large)');
  process.exit(2);
}

const port = await freePort();
console.log(`starting DynamoDB Local in memory on port ${port} …`);
const dynamoLocal = await startDynamo({ port });
Object.assign(process.env, {
  AWS_ENDPOINT_URL_DYNAMODB: dynamoLocal.endpoint, AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local',
  AWS_CLIENT_REQUEST_TIMEOUT_MS: '60000',
});
const rawClient = new DynamoDBClient({ endpoint: dynamoLocal.endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
await provisionTables(rawClient, [mainTable]);
const table = mainTable.id;
const db = DynamoDBDocumentClient.from(rawClient, { marshallOptions: { removeUndefinedValues: true } });

const { applicationItems } = await import('../../functions/applications/dynamo-store');
const { dynamoWorklistIndex } = await import('../../functions/backoffice/worklist-store');
const { listWorklist } = await import('../../functions/backoffice/worklist');
const { dynamo } = await import('../../functions/adapters/aws-clients');

// Every read of the adapter asks DynamoDB for its consumed capacity; the bench sums it and the items read.
const meter = { capacity: 0, read: 0, reported: false };
dynamo().middlewareStack.add((next) => async (args) => {
  (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
  const result = await next(args);
  const output = result.output as { ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }>; ScannedCount?: number; Responses?: Record<string, unknown[]> };
  const consumed = Array.isArray(output.ConsumedCapacity) ? output.ConsumedCapacity : output.ConsumedCapacity ? [output.ConsumedCapacity] : [];
  for (const c of consumed) if (typeof c.CapacityUnits === 'number') { meter.capacity += c.CapacityUnits; meter.reported = true; }
  meter.read += output.ScannedCount ?? Object.values(output.Responses ?? {}).reduce((n, items) => n + items.length, 0);
  return result;
}, { step: 'initialize', name: 'benchCapacityMeter' });

const kboOf = (i: number) => {
  const base = 2_000_000 + i;
  return `${String(base).padStart(8, '0')}${String(97 - (base % 97)).padStart(2, '0')}`;
};
const ORGS = Array.from({ length: 40 }, (_, i) => ({ kbo: kboOf(i), name: `${['Vormingscentrum', 'Opleidingshuis', 'Academie', 'Leerpunt'][i % 4]} ${['Noord', 'Zuid', 'Oost', 'West', 'Centrum'][i % 5]} ${i}` }));
const SUBJECTS = ['Heftruck', 'Excel', 'Veiligheid', 'Lassen', 'Boekhouding', 'Nederlands', 'Leidinggeven', 'Elektriciteit', 'Zorg', 'Logistiek', 'Onthaal', 'Marketing'];
const LEVELS = ['basis', 'gevorderden', 'opfrissing', 'praktijk', 'module'];
const FILLER = 'De cursisten leren in kleine groepen met veel oefeningen op de werkvloer en krijgen na elke les feedback van een ervaren lesgever die het vak zelf uitoefent en de deelnemers begeleidt bij de toepassing in hun eigen job'.split(' ');
const content = (i: number) => Array.from({ length: 300 }, (_, k) => FILLER[(i + k) % FILLER.length]).join(' ');
const base = validApplication();

/** Application i: statuses and dates spread over two years; the same i always gives the same application. */
function application(i: number): Application {
  // a quarter of all applications are one large provider's (2,000+ of them at 10k)
  const org = ORGS[i % 4 === 0 ? 0 : 1 + (i % (ORGS.length - 1))] as (typeof ORGS)[number];
  const submittedOn = addDays('2025-01-01', i % 700);
  const end = addMonths(submittedOn, 3);
  const roll = (i * 37) % 100;
  const status: Application['status'] = roll < 40 ? 'screening' : roll < 50 ? 'question-open' : roll < 70 ? 'forwarded' : roll < 75 ? 'waiting-for-quality-registration' : roll < 92 ? 'approved' : 'rejected';
  const at = `${submittedOn}T09:00:00.000Z`;
  return {
    ...base, id: `bench-${String(i).padStart(6, '0')}`, orgKbo: org.kbo, organisationName: org.name, status,
    title: `${SUBJECTS[i % SUBJECTS.length]} voor ${LEVELS[(i >> 2) % LEVELS.length]} ${i}`, ownReference: `REF-${i}`, content: content(i),
    createdAt: at, updatedAt: at, submittedAt: at, referenceVersion: '2026.1', documents: [], problems: [],
    questions: status === 'question-open' ? [{ question: 'Welke lesgevers?', askedAt: at, deadline: addMonths(submittedOn, 1), answer: null, answeredAt: null, closedBy: null }] : [],
    deadlines: status === 'waiting-for-quality-registration' ? null : { decisionPeriodEnd: end, forcedForwardDate: addDays(end, -14) },
    forwarding: null, decision: null,
    odbNumbers: status === 'approved' ? { training: `ODB-A${String(100000 + i)}`, modules: [] } : null,
  };
}

async function seed(from: number, to: number) {
  const started = performance.now();
  const items = Array.from({ length: to - from }, (_, k) => applicationItems(application(from + k))).flat();
  let next = 0;
  let written = 0;
  const worker = async () => {
    while (next < items.length) {
      const batch = items.slice(next, next + 25);
      next += 25;
      let requests = batch.map((item) => ({ PutRequest: { Item: item } }));
      while (requests.length > 0) {
        const result = await db.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
        const unprocessed = (result.UnprocessedItems?.[table] ?? []) as typeof requests;
        written += requests.length - unprocessed.length;
        requests = unprocessed;
      }
      if (written % 5000 < 25) process.stdout.write(`\r  seeding applications ${from}–${to}: ${written}/${items.length} items (${(written / ((performance.now() - started) / 1000)).toFixed(0)}/s)   `);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  process.stdout.write(`\r  seeded applications ${from}–${to}: ${items.length} items in ${((performance.now() - started) / 1000).toFixed(0)} s            \n`);
}

const SCENARIOS: Array<{ name: string; query: Parameters<typeof listWorklist>[1] }> = [
  { name: 'open work, by deadline', query: {} },
  { name: 'open work, by submission', query: { sort: 'submitted' } },
  { name: 'status=screening, deadline', query: { status: 'screening' } },
  { name: 'status=forwarded, submitted', query: { status: 'forwarded', sort: 'submitted' } },
  { name: 'deadlineBefore=2026-01-01', query: { deadlineBefore: '2026-01-01' } },
  { name: 'q=gevorderden (title word)', query: { q: 'gevorderden' } },
  { name: 'q=<KBO of the large provider>', query: { q: ORGS[0]?.kbo ?? '' } },
  { name: 'q=<KBO>, status=forwarded', query: { q: ORGS[0]?.kbo ?? '', status: 'forwarded' } },
  { name: 'q=heftruck gevorderden', query: { q: 'heftruck gevorderden' } },
  { name: 'q=vormingscentrum, submitted', query: { q: 'vormingscentrum', sort: 'submitted' } },
];

interface Measurement { ms: number; read: number; capacity: number | null; items: number }

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

async function measure(): Promise<Record<string, Measurement>> {
  const index = dynamoWorklistIndex(table);
  const out: Record<string, Measurement> = {};
  for (const scenario of SCENARIOS) {
    const times: number[] = [];
    let last: Measurement = { ms: 0, read: 0, capacity: null, items: 0 };
    for (let run = 0; run < RUNS; run++) {
      meter.capacity = 0; meter.read = 0; meter.reported = false;
      const started = performance.now();
      const first = await listWorklist(index, { ...scenario.query, limit: 50 });
      const second = first.nextCursor ? await listWorklist(index, { ...scenario.query, limit: 50, cursor: first.nextCursor }) : { items: [] };
      times.push(performance.now() - started);
      last = { ms: 0, read: meter.read, capacity: meter.reported ? meter.capacity : null, items: first.items.length + second.items.length };
    }
    out[scenario.name] = { ...last, ms: median(times) };
  }
  return out;
}

const print = (label: string, m: Record<string, Measurement>) => {
  console.log(`\n${label} — first page + next page, limit 50, median of ${RUNS}`);
  console.log('  scenario                        shown  items read  read capacity     time');
  for (const [name, r] of Object.entries(m)) {
    console.log(`  ${name.padEnd(30)}  ${String(r.items).padStart(5)}  ${String(r.read).padStart(10)}  ${(r.capacity === null ? 'n/a' : r.capacity.toFixed(1)).padStart(13)}  ${r.ms.toFixed(1).padStart(6)} ms`);
  }
};

const ratioTable = (label: string, small: Record<string, Measurement>, large: Record<string, Measurement>) => {
  console.log(`\nratio ${label} (target ≤ 1.1)`);
  console.log('  scenario                        shown      items read  read capacity  capacity per dossier shown   time');
  const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? 'n/a' : (a / b).toFixed(2));
  const perShown = (m: Measurement) => (m.capacity === null || m.items === 0 ? null : m.capacity / m.items);
  for (const name of Object.keys(small)) {
    const s = small[name] as Measurement;
    const l = large[name] as Measurement;
    const shown = `${s.items} → ${l.items}`;
    console.log(`  ${name.padEnd(30)}  ${shown.padEnd(9)}  ${ratio(l.read, s.read).padStart(10)}  ${ratio(l.capacity, s.capacity).padStart(13)}  ${ratio(perShown(l), perShown(s)).padStart(26)}  ${ratio(l.ms, s.ms).padStart(6)}`);
  }
};

try {
  await seed(0, SMALL);
  await measure(); // warm-up: module loading, connections, JIT
  const small = await measure();
  print(`${SMALL} applications`, small);
  let mid = small;
  if (MID > SMALL) {
    await seed(SMALL, MID);
    mid = await measure();
    print(`${MID} applications`, mid);
  }
  let large = mid;
  if (LARGE > MID) {
    await seed(MID, LARGE);
    large = await measure();
    print(`${LARGE} applications`, large);
  }
  ratioTable(`${LARGE}/${SMALL}`, small, large);
  if (MID > SMALL && LARGE > MID) ratioTable(`${LARGE}/${MID}`, mid, large);
} finally {
  db.destroy();
  dynamo().destroy();
  await dynamoLocal.stop();
}
process.exit(0);
