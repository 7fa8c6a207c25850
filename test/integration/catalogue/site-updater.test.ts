/**
 * The per-change site updater as it runs in AWS (functions/catalogue/site-updater.ts: the use case with
 * its S3 adapters, site-updater-s3.ts) against the stack's S3 emulator: its state in the catalogue
 * bucket under `site-updater/`, the site bucket as the output. The renderer and the indexer are small
 * fakes here (the real Astro and Pagefind: test/e2e/site/incremental-update.test.ts); what is tested is
 * what reaches S3 and CloudFront: one change uploads only the changed files, a superseded delta index
 * file stays for the grace period, only changed paths are invalidated, and without a state the build
 * service is started instead.
 */
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SITE_UPDATER_STATE_KEY } from '../../../functions/catalogue/keys';
import { publishTrainings } from '../../../functions/catalogue/publish';
import { s3CatalogueStore } from '../../../functions/catalogue/s3-store';
import { updateSiteInAws } from '../../../functions/catalogue/site-updater';
import { s3SiteOutput, s3UpdaterStateStore } from '../../../functions/catalogue/site-updater-s3';
import { demoCatalogue } from '../../../infra/local/seed/demo-trainings';
import type { PublishedTraining } from '../../../shared/catalogue/published-training';
import { stateAfterFullBuild, UpdaterState, type CatalogueMemory, type DeltaIndexer } from '../../../site/update';
import type { PageRenderer } from '../../../site/update-renderer';
import { isolatedCatalogue, type IsolatedCatalogue } from './support';

let catalogue: IsolatedCatalogue;
let siteBucket: string;
const trainings = demoCatalogue(40, 3, '2026-01-15T06:00:00.000Z').trainings;
const mainPages = Object.fromEntries(trainings.map((t, i) => [t.odbNumber, `nl_main${i}`]));

const renderer: PageRenderer = {
  async render(snapshot, paths) {
    const byOdb = new Map(snapshot.trainings.map((t) => [t.odbNumber, t]));
    return new Map(paths.map((path) => [path, `<h1>${byOdb.get(/^\/opleidingen\/(.+)\/$/.exec(path)?.[1] ?? '')?.title ?? path} ${snapshot.trainings.length}</h1>`]));
  },
  close: async () => undefined,
};
/** Names its files after their content, as Pagefind does. */
const indexer: DeltaIndexer = async (pages) => [
  ...pages.map((p) => ({ path: `fragment/nl_${createHash('sha256').update(p.html).digest('hex').slice(0, 12)}.pf_fragment`, content: new TextEncoder().encode(p.html) })),
  { path: 'pagefind-entry.json', content: new TextEncoder().encode(JSON.stringify(pages.map((p) => p.url))) },
];

async function siteObjects(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let token: string | undefined;
  do {
    const page = await catalogue.s3.send(new ListObjectsV2Command({ Bucket: siteBucket, ...(token ? { ContinuationToken: token } : {}) }));
    for (const o of page.Contents ?? []) out.set(o.Key as string, o.ETag as string);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}

let memory: CatalogueMemory | undefined;
const invalidations: string[][] = [];
const fullBuilds: string[] = [];
let clock = Date.parse('2026-01-16T06:00:00Z');

async function update() {
  const result = await updateSiteInAws({
    store: s3CatalogueStore(catalogue.bucket, catalogue.s3),
    state: s3UpdaterStateStore(catalogue.s3, catalogue.bucket, SITE_UPDATER_STATE_KEY),
    output: s3SiteOutput(catalogue.s3, siteBucket),
    renderer, indexer, now: () => clock,
    invalidate: async (paths) => { invalidations.push(paths); },
    startFullBuild: async (reason) => { fullBuilds.push(reason); },
    ...(memory === undefined ? {} : { memory }),
  });
  memory = result.memory;
  return result;
}

const readState = async () => {
  const object = await catalogue.s3.send(new GetObjectCommand({ Bucket: catalogue.bucket, Key: SITE_UPDATER_STATE_KEY }));
  return UpdaterState.parse(JSON.parse(await object.Body!.transformToString('utf-8')));
};

let published: PublishedTraining[] = trainings;
const republish = (next: PublishedTraining[]) => { published = next; return publishTrainings(s3CatalogueStore(catalogue.bucket, catalogue.s3), next, new Date()); };

beforeAll(async () => {
  catalogue = await isolatedCatalogue();
  siteBucket = `site-test-${randomUUID().slice(0, 8)}`;
  await catalogue.s3.send(new CreateBucketCommand({ Bucket: siteBucket }));
  // "A full build": every page in the site bucket.
  for (const t of trainings) await catalogue.s3.send(new PutObjectCommand({ Bucket: siteBucket, Key: `opleidingen/${t.odbNumber}/index.html`, Body: `<h1>${t.title}</h1>` }));
  await catalogue.s3.send(new PutObjectCommand({ Bucket: siteBucket, Key: 'pagefind/pagefind-entry.json', Body: '{}' }));
}, 60_000);

afterAll(() => {
  vi.unstubAllEnvs();
});

describe('site updater in AWS (S3 emulator)', () => {
  it('without a state it starts the full build and writes nothing to the site', async () => {
    const { seq } = await republish(trainings);
    const before = await siteObjects();

    const result = await update();

    expect(result.status).toBe('full-build');
    expect(fullBuilds).toHaveLength(1);
    expect(await siteObjects()).toEqual(before);
    // The build service's handover writes the state for what it built (site/update-handover.ts).
    await s3UpdaterStateStore(catalogue.s3, catalogue.bucket, SITE_UPDATER_STATE_KEY).write(stateAfterFullBuild(seq, trainings, mainPages));
  });

  it('one change uploads only the changed files, invalidates only their paths, and keeps its state in S3', async () => {
    const target = trainings[7] as PublishedTraining;
    const before = await siteObjects();

    await republish(published.map((t) => (t.odbNumber === target.odbNumber ? { ...t, description: `${t.description} Nieuw.` } : t)));
    const result = await update();

    expect(result.status).toBe('updated');
    if (result.status !== 'updated') return;
    const after = await siteObjects();
    const changed = [...after].filter(([key, etag]) => before.get(key) !== etag).map(([key]) => key).sort();
    expect(changed).toEqual([...result.written].sort());
    expect(changed.filter((k) => k.startsWith('opleidingen/'))).toEqual([`opleidingen/${target.odbNumber}/index.html`]);
    expect(changed).toEqual(expect.arrayContaining(['index.html', '404.html', 'pagefind-delta/state.json', 'pagefind-delta/pagefind-entry.json']));
    // The main index and every other page untouched.
    expect(after.get('pagefind/pagefind-entry.json')).toBe(before.get('pagefind/pagefind-entry.json'));
    expect(invalidations.at(-1)).toContain(`/opleidingen/${target.odbNumber}/`);
    expect(invalidations.at(-1)?.some((p) => p.endsWith('.pf_fragment'))).toBe(false);
    const state = await readState();
    expect(state.seq).toBe(result.seq);
    expect(state.delta).toEqual([target.odbNumber]);
    expect(state.superseded).toEqual([mainPages[target.odbNumber]]);
  });

  it('the next change keeps the superseded delta index file for the grace period and removes a stopped training at once', async () => {
    const target = trainings[7] as PublishedTraining;
    const stopped = trainings[12] as PublishedTraining;
    const firstFragment = (await readState()).deltaFiles.find((k) => k.endsWith('.pf_fragment')) as string;
    expect((await siteObjects()).has(firstFragment)).toBe(true);
    clock += 1000;

    await republish(published.filter((t) => t.odbNumber !== stopped.odbNumber).map((t) => (t.odbNumber === target.odbNumber ? { ...t, title: `${t.title} herzien` } : t)));
    const result = await update();

    expect(result.status).toBe('updated');
    const after = await siteObjects();
    expect(after.has(`opleidingen/${stopped.odbNumber}/index.html`)).toBe(false);
    expect(after.has(firstFragment)).toBe(true);
    const state = await readState();
    expect(Object.keys(state.retired)).toContain(firstFragment);
    expect(state.superseded).toEqual([mainPages[target.odbNumber], mainPages[stopped.odbNumber]].sort());
    expect(invalidations.at(-1)).toContain(`/opleidingen/${stopped.odbNumber}/`);

    // After the grace period (an hour) the superseded file goes with the next change.
    clock += 60 * 60 * 1000;
    await republish(published.map((t, i) => (i === 0 ? { ...t, title: `${t.title} ook` } : t)));
    await update();
    expect((await siteObjects()).has(firstFragment)).toBe(false);
  });
});
