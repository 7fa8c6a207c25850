/**
 * `npm run bench -- site [--trainings 10000] [--words 300] [--large]`: the public catalogue at scale
 * (`--words`: words of content per training, ~300 as in real records).
 *
 * 1. map + validate: N demo registrations → the published snapshot (shared/catalogue/from-registration).
 * 2. full republish: the local build service (infra/local/site-builder.ts, the real Astro + Pagefind
 *    build) picks up the snapshot from a real S3 emulator (fauxqs) and swaps the site in; wall time and
 *    peak memory (RSS of this process and, summed, of its child processes: Astro worker, Pagefind),
 *    sampled from /proc every 200 ms.
 * 3. one change → live (median of 5): one registration gets a new title, published as the stream consumer
 *    does (its new image → its shard → the head); time from the change to the detail page AND Pagefind
 *    search showing it on the served site. Per-change DynamoDB/S3 work: `npm run bench -- catalogue-publish`.
 * 4. Chromium (Debian's): first query on a fresh profile and the next query — time from the last
 *    keystroke (Enter) to the results on screen, measured in the page, and bytes fetched (CDP).
 *
 * The catalogue API search is timed too (in process, index build and a query). More than 20 000
 * trainings needs --large (it takes minutes and GBs).
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { applyRegistrationChanges, publishTrainings } from '../../functions/catalogue/publish';
import { s3CatalogueStore } from '../../functions/catalogue/s3-store';
import { startS3 } from '../../infra/local/emulators/s3';
import { freePort } from '../../infra/local/ports';
import { demoTrainings } from '../../infra/local/seed/demo-trainings';
import { registrationFromDemo } from '../../infra/local/seed/registrations';
import { startSiteBuilder } from '../../infra/local/site-builder';
import { startSiteServer } from '../../infra/local/site-server';
import { buildCatalogue } from '../../shared/catalogue/from-registration';
import { buildSearchIndex, search } from '../../shared/catalogue/search';
import { launchBrowser } from '../e2e/site/support';
import { breakdown, recordRequests, timedQuery } from './_site-query';

const { values } = parseArgs({
  options: {
    trainings: { type: 'string', default: '10000' },
    large: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    words: { type: 'string', default: '300' },
  },
});
const words = Number(values.words);
const count = Number(values.trainings);
if (!Number.isInteger(count) || count < 10) {
  console.error('usage: npm run bench -- site [--trainings 10000] [--large]');
  process.exit(2);
}
if (count > 20_000 && !values.large) {
  console.error(`${count} trainings takes minutes and several GB: add --large to run it.`);
  process.exit(2);
}

// ── memory sampling (/proc) ───────────────────────────────────────────────────────────────────────
function rssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch { /* gone */ }
  }
  const out: number[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** What a child process is, for the memory split: the Astro worker, Pagefind's binary, or something else. */
function processKind(pid: number): 'astro' | 'pagefind' | 'other' {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('build-worker.mjs')) return 'astro';
    if (cmdline.includes('pagefind')) return 'pagefind';
  } catch { /* gone */ }
  return 'other';
}

function memorySampler() {
  let peakSelf = 0;
  let peakChildren = 0;
  let peakTotal = 0;
  const peakKind = { astro: 0, pagefind: 0, other: 0 };
  const sample = () => {
    const self = rssKb(process.pid);
    const perKind = { astro: 0, pagefind: 0, other: 0 };
    for (const pid of descendants(process.pid)) perKind[processKind(pid)] += rssKb(pid);
    const kids = perKind.astro + perKind.pagefind + perKind.other;
    peakSelf = Math.max(peakSelf, self);
    peakChildren = Math.max(peakChildren, kids);
    peakTotal = Math.max(peakTotal, self + kids);
    for (const k of ['astro', 'pagefind', 'other'] as const) peakKind[k] = Math.max(peakKind[k], perKind[k]);
  };
  const timer = setInterval(sample, 200);
  sample();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return {
        selfMb: peakSelf / 1024, childrenMb: peakChildren / 1024, totalMb: peakTotal / 1024,
        astroMb: peakKind.astro / 1024, pagefindMb: peakKind.pagefind / 1024, otherMb: peakKind.other / 1024,
      };
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmtMs = (ms: number) => `${Math.round(ms)} ms`;
const fmtMb = (mb: number) => (mb >= 1024 ? `${(mb / 1024).toFixed(2)} GB` : `${Math.round(mb)} MB`);
const fmtKb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

async function until(probe: () => Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms`);
}

// ── 1. map + validate ─────────────────────────────────────────────────────────────────────────────
console.error(`bench site: ${count} trainings`);
const publishedAt = new Date().toISOString();
const today = publishedAt.slice(0, 10);
const demo = demoTrainings(count, Number(values.seed), words);
const registrations = demo.map((t, i) => registrationFromDemo(t, i, today, Number.MAX_SAFE_INTEGER));
let started = performance.now();
const { snapshot } = buildCatalogue(registrations, publishedAt, today);
const mapMs = performance.now() - started;
const snapshotJson = JSON.stringify(snapshot);
console.error(`  mapped + validated ${snapshot.trainings.length} records in ${fmtMs(mapMs)} (${fmtKb(snapshotJson.length)} JSON)`);

// API search (in process)
started = performance.now();
const index = buildSearchIndex(snapshot.trainings);
const indexMs = performance.now() - started;
started = performance.now();
const apiHits = search(index, { q: 'jeugd zorg' }).length;
const apiQueryMs = performance.now() - started;

// ── 2. full republish through the local build service ────────────────────────────────────────────
const work = await mkdtemp(join(tmpdir(), 'bench-site-'));
const s3Server = await startS3({ port: await freePort() });
const s3 = new S3Client({ endpoint: s3Server.endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, forcePathStyle: true });
const bucket = 'catalogue';
await s3.send(new CreateBucketCommand({ Bucket: bucket }));
const server = await startSiteServer({ dataDir: work, port: await freePort() });
const builds: string[] = [];
const builder = startSiteBuilder({
  dataDir: work, bucket, s3, pollIntervalMs: 1000,
  log: (line) => { if (process.env.BENCH_DEBUG || !line.startsWith('site:   ')) console.error(`  ${line}`); builds.push(line); },
});
const store = s3CatalogueStore(bucket, new S3Client({ endpoint: s3Server.endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, forcePathStyle: true }));

const memory = memorySampler();
started = performance.now();
const full = await publishTrainings(store, snapshot.trainings, new Date());
await until(async () => builder.status().current?.seq === full.seq, 60 * 60_000, 200);
const fullMs = performance.now() - started;
const fullMemory = memory.stop();

// ── 3. one change → page and search live (five changes in a row: from the third build on, the
//    builder also has an old build to get rid of, as it has in steady use) ────────────────────────
const browser = await launchBrowser();
const page: Page = await browser.context.newPage();
const changes: Array<{ pageLiveMs: number; oneChangeMs: number; found: boolean; mode: string }> = [];
for (let round = 0; round < 5; round++) {
  const word = `benchwoord${Date.now().toString(36).replace(/\d/g, '')}${'abc'[round] ?? ''}`;
  const changed = snapshot.trainings[Math.floor(snapshot.trainings.length / (2 + round))] ?? snapshot.trainings[0];
  if (changed === undefined) throw new Error('empty catalogue');
  const reg = registrations.find((r) => r.odbNumber === changed.odbNumber);
  if (reg === undefined) throw new Error(`no registration ${changed.odbNumber}`);
  started = performance.now();
  const now = new Date();
  await applyRegistrationChanges(store, [{ odbNumber: reg.odbNumber, registration: { ...reg, title: `${reg.title} ${word}` }, sourceAt: now.toISOString() }], now);
  let pageLiveMs = 0;
  await until(async () => {
    const html = await (await fetch(`${server.url}/opleidingen/${changed.odbNumber}/`)).text();
    if (!html.includes(word)) return false;
    pageLiveMs ||= performance.now() - started;
    return true;
  }, 60 * 60_000, 250);
  await page.goto(`${server.url}/?q=${word}`);
  await page.locator('#result-count').filter({ hasText: /gevonden/ }).waitFor({ timeout: 60_000 });
  const oneChangeMs = performance.now() - started;
  const found = (await page.locator('#results .odb').allTextContents()).includes(changed.odbNumber);
  changes.push({ pageLiveMs, oneChangeMs, found, mode: builder.status().current?.mode ?? '?' });
  await builder.idle();
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const pageLiveMs = median(changes.map((c) => c.pageLiveMs));
const oneChangeMs = median(changes.map((c) => c.oneChangeMs));
const searchFound = changes.every((c) => c.found);
const eachChange = changes.map((c) => `${fmtS(c.oneChangeMs)} (${c.mode})`).join(', ');

// ── 4. first and next query in Chromium (test/bench/_site-query.ts: time, bytes, every request) ──────
const fresh = await browser.context.browser()?.newContext() ?? browser.context;
const queryPage = await (fresh === browser.context ? browser.context.newPage() : fresh.newPage());
const requests = recordRequests(queryPage.context());
await queryPage.goto(`${server.url}/`, { waitUntil: 'networkidle' });
const homeBytes = (await requests.take()).reduce((sum, f) => sum + f.bytes, 0);
const first = await timedQuery(queryPage, 'jeugd', requests);
const second = await timedQuery(queryPage, 'heftruck', requests);

await browser.close();
await builder.stop();
await server.stop();
await s3Server.stop();
await rm(work, { recursive: true, force: true });

// ── report ────────────────────────────────────────────────────────────────────────────────────────
const rows: Array<[string, string, string]> = [
  ['trainings (published records)', String(snapshot.trainings.length), ''],
  ['map + validate registrations → snapshot', fmtMs(mapMs), `${fmtKb(snapshotJson.length)} snapshot`],
  ['full republish: shards → site live (Astro + Pagefind + swap)', fmtS(fullMs), 'target —'],
  ['  peak RSS, child processes (Astro worker + Pagefind)', fmtMb(fullMemory.childrenMb), 'target ≤ 2 GB total'],
  ['    of which Astro worker (its own peak)', fmtMb(fullMemory.astroMb), ''],
  ['    of which Pagefind (its own peak)', fmtMb(fullMemory.pagefindMb), ''],
  ['    of which other child processes', fmtMb(fullMemory.otherMb), ''],
  ['  peak RSS, builder process', fmtMb(fullMemory.selfMb), ''],
  ['  peak RSS, total', fmtMb(fullMemory.totalMb), ''],
  ['one change → detail page live (median of 5)', fmtS(pageLiveMs), ''],
  ['one change → page and search live (median of 5)', fmtS(oneChangeMs), `target ≤ 10 s; each: ${eachChange}; found in search: ${searchFound ? 'yes' : 'NO'}`],
  ['home page, bytes', fmtKb(homeBytes), ''],
  ['first query "jeugd": last key → results', fmtMs(first.ms), `target ≤ 300 ms; ${first.results}`],
  ['first query: bytes fetched', fmtKb(first.bytes), `target ≤ 250 KB; ${fmtKb(first.wireBytes)} with CloudFront's gzip of text files`],
  ['next query "heftruck": last key → results', fmtMs(second.ms), second.results],
  ['next query: bytes fetched', fmtKb(second.bytes), `${fmtKb(second.wireBytes)} gzip`],
  ['API: one index over the whole catalogue (reference)', fmtMs(indexMs), 'the API now indexes per shard: npm run bench -- catalogue-publish'],
  ['API: query "jeugd zorg"', fmtMs(apiQueryMs), `${apiHits} hits`],
];
const width = Math.max(...rows.map((r) => r[0].length));
const valueWidth = Math.max(...rows.map((r) => r[1].length));
console.log(`\nbench site — ${count} trainings (Enter after typing; typing without Enter adds the page's 300 ms debounce)\n`);
console.log(`| ${'measure'.padEnd(width)} | ${'value'.padEnd(valueWidth)} | note`);
console.log(`|${'-'.repeat(width + 2)}|${'-'.repeat(valueWidth + 2)}|------`);
for (const [what, value, note] of rows) console.log(`| ${what.padEnd(width)} | ${value.padEnd(valueWidth)} | ${note}`);
for (const q of [first, second]) {
  console.log(`\nrequests of the query "${q.query}" (${q.files.length}; page timings: ${Object.entries(q.timings).map(([k, v]) => `${k} ${Math.round(v)} ms`).join(', ') || '—'}):`);
  for (const line of breakdown(q.files)) console.log(`  ${line}`);
}
process.exit(0);
