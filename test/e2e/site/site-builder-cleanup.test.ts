/**
 * The local build service gets rid of old builds off the path to a live site: after a swap the previous
 * build (and a failed build) is moved to `site/trash/` and deleted in the background, so `builds/`
 * holds only the live build and nothing piles up. Self-contained: its own S3 emulator and a fake build.
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3 } from '../../../infra/local/emulators/s3';
import { freePort } from '../../../infra/local/ports';
import { currentSiteDir, siteDir, startSiteBuilder } from '../../../infra/local/site-builder';
import type { BuildSiteOptions } from '../../../site/build';
import { labelOf, publishLabel } from '../../integration/catalogue/support';

let dataDir: string;
let s3Server: Awaited<ReturnType<typeof startS3>>;
let s3: S3Client;
let builder: ReturnType<typeof startSiteBuilder>;
const bucket = 'catalogue';
const failFor = '2026-01-01T00:00:02.000Z';
/** How long a superseded build stays readable (short here; 2 minutes by default). */
const GRACE_MS = 3_000;

/** Fake build: a few hundred files, so deleting a build is not instant. */
async function fakeBuild({ cataloguePath, outDir }: BuildSiteOptions) {
  const publishedAt = await labelOf(cataloguePath);
  for (let i = 0; i < 300; i++) {
    await mkdir(join(outDir, 'opleidingen', String(i)), { recursive: true });
    await writeFile(join(outDir, 'opleidingen', String(i), 'index.html'), `<p>${publishedAt}</p>`);
  }
  if (publishedAt === failFor) throw new Error('astro build failed: bad snapshot');
  await writeFile(join(outDir, 'index.html'), `<p>${publishedAt}</p>`);
  return { pages: 301, ms: 1 };
}

/** Publishes a catalogue labelled `label` and waits until its build is live or failed. */
async function publishAndWait(label: string): Promise<void> {
  const { seq } = await publishLabel(bucket, s3, label);
  await expect.poll(() => {
    const status = builder.status();
    return status.current?.seq === seq || status.lastError !== null && status.building === null
      ? status.current?.seq ?? null : undefined;
  }, { timeout: 20_000, interval: 50 }).not.toBeUndefined();
  await builder.idle();
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'site-builder-cleanup-'));
  s3Server = await startS3({ port: await freePort() });
  s3 = new S3Client({ endpoint: s3Server.endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  builder = startSiteBuilder({ dataDir, bucket, s3, log: () => undefined, pollIntervalMs: 50, build: fakeBuild, supersededGraceMs: GRACE_MS });
}, 30_000);

afterAll(async () => {
  await builder?.stop();
  await s3Server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const builds = () => readdirSync(join(siteDir(dataDir), 'builds')).sort();
const trash = () => (existsSync(join(siteDir(dataDir), 'trash')) ? readdirSync(join(siteDir(dataDir), 'trash')) : []);
const liveBuild = async () => basename(dirname(await realpath(currentSiteDir(dataDir))));

describe('local site builder: old builds', () => {
  it('a superseded build stays readable for the grace period, then only the live build is left and the trash is emptied', async () => {
    // Prepare / Act
    await publishAndWait('2026-01-01T00:00:00.000Z');
    const first = await liveBuild();
    await publishAndWait('2026-01-01T00:00:01.000Z');

    // Assess: right after the swap the previous build is still there (a request that resolved it reads on)…
    expect(builds()).toContain(first);
    expect(readFileSync(join(siteDir(dataDir), 'builds', first, 'out', 'index.html'), 'utf8')).toContain('2026-01-01T00:00:00.000Z');
    // …and after it only the live build is left.
    await expect.poll(builds, { timeout: 10_000, interval: 100 }).toEqual([await liveBuild()]);
    await expect.poll(trash, { timeout: 10_000 }).toEqual([]);
    expect(await readFile(join(currentSiteDir(dataDir), 'index.html'), 'utf8')).toContain('2026-01-01T00:00:01.000Z');
    // The test's budget covers its waits (two publishes of up to 20 s each, then 10 s + 10 s): 30 s timed
    // out at load ~16 although it takes ~11 s on a quiet machine.
  }, 60_000);

  it('a failed build is discarded too, and the previous site stays live', async () => {
    // Prepare
    const live = await liveBuild();

    // Act
    await publishAndWait(failFor);

    // Assess
    expect(builder.status().lastError).not.toBeNull();
    await expect.poll(builds, { timeout: 10_000, interval: 100 }).toEqual([live]);
    await expect.poll(trash, { timeout: 10_000 }).toEqual([]);
    expect(await readFile(join(currentSiteDir(dataDir), 'index.html'), 'utf8')).toContain('2026-01-01T00:00:01.000Z');
  }, 30_000);
});
