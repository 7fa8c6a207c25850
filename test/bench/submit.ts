import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { submittedOutboxId } from '../../functions/applications/submit';
import { shortDossierReference } from '../../functions/mail/templates/dossier-reference';
import { keys } from '../../functions/storage/keys';
import { startLocalStack } from '../../infra/local/stack';
import { apiCaller } from './_api-call';

/**
 * `npm run bench -- submit [--providers 20] [--per-provider 10]`: starts its own local stack (in memory,
 * free ports), lets N providers each prepare drafts, then has them submit concurrently, each provider
 * one submit after the other. Prints p50/p95/p99 of the submit latency (HTTP round trip through the
 * local gateway), the throughput, and the submit → mail latency: from sending the submit to the outbox
 * row's `sentAt` (the SES emulator has accepted the confirmation), with a check that every submit's
 * mail arrived exactly once. A measurement, not a test.
 */
// `--portfolio N`: check and submit at portfolio 10 vs N (issue 10), in its own file
if (process.argv.includes('--portfolio')) {
  await import('./_submit-portfolio');
  process.exit(0);
}

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : NaN;
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const PROVIDERS = arg('providers', 20);
const PER_PROVIDER = arg('per-provider', 10);
/** Unmeasured submits per provider first: loads the handler module and warms DynamoDB Local's JVM. */
const WARM_UP = arg('warm-up', 3);

process.env.LOG_LEVEL = 'SILENT';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

function kbo(): string {
  const base = randomInt(4_000_000, 9_999_999);
  return `${String(base).padStart(8, '0')}${String(97 - (base % 97)).padStart(2, '0')}`;
}

const application = (reference: string) => ({
  title: 'Excel voor gevorderden', ownReference: reference, targetGroup: 'Werknemers', websiteUrl: 'https://www.voorbeeld.be/excel',
  content: 'Draaitabellen en formules.', structure: 'integral', contactHours: 40, workplaceHours: 0, blended: null,
  finalAssessment: true, leadsToQualification: false, separatelyAssessedParts: false, modules: [], language: null,
  competences: { basic: ['basicIct'], professionSpecific: [], generalPillars: [] }, decisionBody: { kind: 'VOC' },
  chequeCategory: 'standard', plannedStart: '2027-09-01', plannedEnd: '2028-06-30', replacesOdbNumber: null,
});

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const dataDir = mkdtempSync(join(tmpdir(), 'bench-submit-'));
const stack = await startLocalStack({
  dataDir, inMemory: true, schedules: false, ports: { api: 0, site: 0, dynamodb: 0, s3: 0, ses: 0 }, log: () => undefined,
});
try {
  const call = apiCaller(stack.apiUrl);

  // Prepare (not measured): organisations and drafts, then a concurrent warm-up round.
  const providers = await Promise.all(Array.from({ length: PROVIDERS }, async (_, p) => {
    const org = kbo();
    const token = await stack.localIssuer.sign({ sub: `bench-${p}`, roles: ['provider'], org }, 3600);
    await call('PUT', '/v1/organisation', token, {
      name: `Opleider ${p}`, contact: { name: 'Bench', email: `bench-${p}@opleider.test`, phone: '+32 2 553 00 00' }, kind: 'general', lms: null,
    });
    const drafts: string[] = [];
    for (let i = 0; i < PER_PROVIDER + WARM_UP; i++) drafts.push((await call('POST', '/v1/applications', token, application(`B-${p}-${i}`))).id);
    return { token, drafts };
  }));
  await Promise.all(providers.map(async ({ token, drafts }) => {
    for (const id of drafts.splice(0, WARM_UP)) await call('POST', `/v1/applications/${id}/submit`, token);
  }));
  await stack.streamsIdle(); // the warm-up's confirmation mails are out; measure submits, not their backlog

  // Act: every provider submits its drafts, the providers concurrently.
  const latencies: number[] = [];
  const submittedAt = new Map<string, number>();
  const started = performance.now();
  await Promise.all(providers.map(async ({ token, drafts }) => {
    for (const id of drafts) {
      const t0 = performance.now();
      submittedAt.set(id, Date.now());
      const result = await call('POST', `/v1/applications/${id}/submit`, token);
      latencies.push(performance.now() - t0);
      if (result.status !== 'waiting-for-quality-registration') throw new Error(`unexpected status ${result.status}`);
    }
  }));
  const seconds = (performance.now() - started) / 1000;

  // Assess
  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`submit: ${PROVIDERS} concurrent providers × ${PER_PROVIDER} submits = ${latencies.length} submits`);
  console.log(`latency p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1) ?? NaN)}`);
  console.log(`throughput ${(latencies.length / seconds).toFixed(1)} submits/s (${seconds.toFixed(2)} s)`);
  console.log('target: p95 ≤ 50 ms');

  // Submit → mail: every confirmation is out once the stream consumers are idle.
  await stack.streamsIdle();
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  const ids = [...submittedAt.keys()];
  const rows: Array<Record<string, unknown>> = [];
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100).map((id) => keys.outbox(submittedOutboxId(id)));
    const got = await doc.send(new BatchGetCommand({ RequestItems: { [stack.env.TABLE_NAME as string]: { Keys: chunk } } }));
    rows.push(...(got.Responses?.[stack.env.TABLE_NAME as string] ?? []));
  }
  const mailLatencies = rows
    .filter((row) => row.status === 'sent')
    .map((row) => new Date(String(row.sentAt)).getTime() - (submittedAt.get(String(row.id).replace('application-submitted:', '')) ?? NaN))
    .sort((a, b) => a - b);
  const store = (await (await fetch(`${stack.endpoints.ses}/store`)).json()) as { emails: Array<{ subject: string; body: { text?: string } }> };
  const mailsPerApplication = ids.map((id) => store.emails.filter((m) => m.body.text?.includes(shortDossierReference(id))).length);
  console.log(`submit → mail (outbox sentAt): p50 ${ms(percentile(mailLatencies, 50))}  p95 ${ms(percentile(mailLatencies, 95))}  max ${ms(mailLatencies.at(-1) ?? NaN)}  (${mailLatencies.length}/${ids.length} sent)`);
  console.log(`mails per submit: exactly once ${mailsPerApplication.filter((n) => n === 1).length}, missing ${mailsPerApplication.filter((n) => n === 0).length}, duplicated ${mailsPerApplication.filter((n) => n > 1).length}`);
  console.log('target: submit → mail p95 ≤ 5 s at 20 concurrent submitters');
  doc.destroy();
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
