/**
 * `npm run bench -- catalogue-publish [--trainings 1000,10000] [--words 300]`: the per-change work of the
 * catalogue's publication (issue 13), at each size, in one process against a real S3 emulator (fauxqs):
 *
 * 1. full publish of N trainings into the shards (publishTrainings: what a rebuild writes).
 * 2. five single changes through the REAL stream consumer (functions/streams/republish.ts) with the
 *    registration's new image: DynamoDB calls and S3 reads/writes counted on the functions' own SDK
 *    clients (middleware), and the handler's time. DynamoDB's endpoint is a closed port: a call would fail.
 * 3. the API's search (functions/catalogue/search-index.ts): cold start (every shard read and indexed)
 *    with its heap growth, and the refresh after one change (only the changed shard).
 *
 * Prints medians per size and the ratios of the largest size to the smallest.
 */
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { parseArgs } from 'node:util';
import { startS3 } from '../../infra/local/emulators/s3';
import { freePort } from '../../infra/local/ports';
import { demoTrainings } from '../../infra/local/seed/demo-trainings';
import { registrationFromDemo } from '../../infra/local/seed/registrations';
import { buildCatalogue } from '../../shared/catalogue/from-registration';

const { values } = parseArgs({ options: { trainings: { type: 'string', default: '1000,10000' }, words: { type: 'string', default: '300' }, seed: { type: 'string', default: '1' } } });
const sizes = (values.trainings ?? '').split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 10)) {
  console.error('usage: npm run bench -- catalogue-publish [--trainings 1000,10000] [--words 300]');
  process.exit(2);
}

const s3Server = await startS3({ port: await freePort() });
Object.assign(process.env, {
  AWS_ENDPOINT_URL_S3: s3Server.endpoint, S3_FORCE_PATH_STYLE: 'true', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_REGION: 'eu-west-1',
  AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9', TABLE_NAME: 'bench-no-table', CATALOGUE_BUCKET: 'bench-catalogue', LOG_LEVEL: 'SILENT', POWERTOOLS_LOG_LEVEL: 'SILENT',
});
const { s3, dynamo } = await import('../../functions/adapters/aws-clients');
const { publishTrainings } = await import('../../functions/catalogue/publish');
const { s3CatalogueStore } = await import('../../functions/catalogue/s3-store');
const { catalogueSearch } = await import('../../functions/catalogue/search-index');
const { toRegistrationItem } = await import('../../functions/registrations/items');
const { handler } = await import('../../functions/streams/republish');

const counts = { dynamo: 0, s3Read: 0, s3Write: 0 };
dynamo().middlewareStack.add((next) => async (args) => { counts.dynamo++; return next(args); }, { step: 'initialize', name: 'benchCount' });
s3().middlewareStack.add((next, context) => async (args) => {
  if (/^(Put|CreateMultipart|UploadPart|CompleteMultipart|Delete|Copy)/.test(context.commandName ?? '')) counts.s3Write++;
  else counts.s3Read++;
  return next(args);
}, { step: 'initialize', name: 'benchCount' });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const heapMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

interface Row { size: number; published: number; fullMs: number; dynamo: number; s3Read: number; s3Write: number; changeMs: number; coldMs: number; coldHeapMb: number; refreshMs: number; refreshShards: number }
const rows: Row[] = [];
let sequence = 0;

// One bucket (the handler reads CATALOGUE_BUCKET once, at import): each size replaces the whole catalogue.
const bucket = 'bench-catalogue';
await s3().send(new CreateBucketCommand({ Bucket: bucket }));
for (const size of sizes) {
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const registrations = demoTrainings(size, Number(values.seed), Number(values.words)).map((t, i) => registrationFromDemo(t, i, today, Number.MAX_SAFE_INTEGER));
  const { snapshot } = buildCatalogue(registrations, now.toISOString(), today);
  const store = s3CatalogueStore(bucket);
  let started = performance.now();
  await publishTrainings(store, snapshot.trainings, now);
  const fullMs = performance.now() - started;

  // The API, cold: every shard read and indexed.
  const heapBefore = heapMb();
  const api = catalogueSearch(s3CatalogueStore(bucket));
  started = performance.now();
  await api.refresh();
  api.search({ q: 'jeugd zorg' });
  const coldMs = performance.now() - started;
  const coldHeapMb = heapMb() - heapBefore;

  // The stream consumer handles five single changes.
  const perChange: Array<{ dynamo: number; s3Read: number; s3Write: number; ms: number }> = [];
  const refreshes: Array<{ ms: number; shards: number }> = [];
  const published = snapshot.trainings.map((t) => t.odbNumber);
  for (let round = 0; round < 5; round++) {
    const odb = published[Math.floor(published.length / (2 + round))] as string;
    const reg = registrations.find((r) => r.odbNumber === odb);
    if (reg === undefined) throw new Error(`no registration ${odb}`);
    const changedAt = new Date();
    const item = toRegistrationItem({ ...reg, applicationId: 'bench', stopReason: null, evaluations: [], title: `${reg.title} gewijzigd ${round}` }, 2, changedAt.toISOString(), changedAt);
    const event: DynamoDBStreamEvent = { Records: [{ eventName: 'MODIFY', dynamodb: { Keys: { pk: { S: item.pk }, sk: { S: item.sk } }, NewImage: marshall(item, { removeUndefinedValues: true }) as never, SequenceNumber: String(++sequence) } }] };
    Object.assign(counts, { dynamo: 0, s3Read: 0, s3Write: 0 });
    started = performance.now();
    await handler(event);
    perChange.push({ ...counts, ms: performance.now() - started });
    started = performance.now();
    const refreshed = await api.refresh();
    refreshes.push({ ms: performance.now() - started, shards: refreshed.reindexed });
  }
  rows.push({
    size, published: snapshot.trainings.length, fullMs,
    dynamo: median(perChange.map((c) => c.dynamo)), s3Read: median(perChange.map((c) => c.s3Read)), s3Write: median(perChange.map((c) => c.s3Write)),
    changeMs: median(perChange.map((c) => c.ms)), coldMs, coldHeapMb,
    refreshMs: median(refreshes.map((r) => r.ms)), refreshShards: median(refreshes.map((r) => r.shards)),
  });
  console.error(`  ${size}: done`);
}
await s3Server.stop();

const header = ['trainings (published)', 'full publish', 'DynamoDB calls/change', 'S3 reads/change', 'S3 writes/change', 'handler ms/change', 'API cold start', 'API heap', 'API refresh/change (shards)'];
console.log(`\nbench catalogue-publish — medians of 5 changes (${values.words} words per training)\n`);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const r of rows) {
  console.log(`| ${r.size} (${r.published}) | ${(r.fullMs / 1000).toFixed(1)} s | ${r.dynamo} | ${r.s3Read} | ${r.s3Write} | ${Math.round(r.changeMs)} ms | ${Math.round(r.coldMs)} ms | ${Math.round(r.coldHeapMb)} MB | ${Math.round(r.refreshMs)} ms (${r.refreshShards}) |`);
}
const [small, large] = [rows[0], rows.at(-1)];
if (small !== undefined && large !== undefined && small !== large) {
  const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? '1.00 (0/0)' : '∞') : (a / b).toFixed(2));
  console.log(`\nratio ${large.size}/${small.size}: DynamoDB calls ${ratio(large.dynamo, small.dynamo)}, S3 reads ${ratio(large.s3Read, small.s3Read)}, S3 writes ${ratio(large.s3Write, small.s3Write)}, handler time ${ratio(large.changeMs, small.changeMs)}, API refresh ${ratio(large.refreshMs, small.refreshMs)}`);
}
process.exit(0);
