/**
 * The site deployment (site/s3-deploy.ts) against this file's own bucket in the shared stack's S3 emulator:
 * a second deployment uploads only what changed, keeps a file that left the build for the grace period
 * and deletes it after it, and leaves the open-data downloads alone (issue 13).
 */
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEPLOY_STATE_KEY, deploySite } from '../../../site/s3-deploy';
import { isolatedCatalogue, type IsolatedCatalogue } from './support';

let bucket: IsolatedCatalogue;
let work: string;
const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-01T12:00:00Z');

async function site(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(work, name);
  for (const [key, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, key)), { recursive: true });
    await writeFile(join(dir, key), text);
  }
  return dir;
}
const keys = async () => ((await bucket.s3.send(new ListObjectsV2Command({ Bucket: bucket.bucket }))).Contents ?? []).map((o) => o.Key).sort();
const text = async (key: string) => (await bucket.s3.send(new GetObjectCommand({ Bucket: bucket.bucket, Key: key }))).Body?.transformToString('utf-8');

beforeAll(async () => {
  bucket = await isolatedCatalogue();
  work = await mkdtemp(join(tmpdir(), 'site-deploy-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('site deployment', () => {
  it('uploads only changed files, keeps a removed one for the grace period, then deletes it; open data stays', async () => {
    // Prepare: a first deployment and an open-data download another process wrote.
    await bucket.s3.send(new PutObjectCommand({ Bucket: bucket.bucket, Key: 'open-data/catalogus.json', Body: '{}' }));
    const first = await deploySite({ client: bucket.s3, bucket: bucket.bucket, now: NOW, dir: await site('one', {
      'index.html': 'home 1', 'opleidingen/ODB-A000001/index.html': 'een', 'opleidingen/ODB-A000002/index.html': 'twee', 'pagefind/pagefind-entry.json': '{"v":1}',
    }) });
    expect(first.upload).toHaveLength(4);
    // Act: the next build changes the home page and removes training 2.
    const second = await deploySite({ client: bucket.s3, bucket: bucket.bucket, now: NOW + 1000, dir: await site('two', {
      'index.html': 'home 2', 'opleidingen/ODB-A000001/index.html': 'een', 'pagefind/pagefind-entry.json': '{"v":1}',
    }) });
    // Assess: one upload, nothing deleted yet, two paths to invalidate.
    expect(second.upload).toEqual(['index.html']);
    expect(second.delete).toEqual([]);
    expect(second.invalidate).toEqual(['/', '/index.html']);
    expect(await text('index.html')).toBe('home 2');
    expect(await keys()).toContain('opleidingen/ODB-A000002/index.html');
    // After the grace period the removed page goes; the open-data download and the deployer's state stay.
    const third = await deploySite({ client: bucket.s3, bucket: bucket.bucket, now: NOW + 2 * HOUR, dir: join(work, 'two') });
    expect(third.upload).toEqual([]);
    expect(third.delete).toEqual(['opleidingen/ODB-A000002/index.html']);
    expect(await keys()).toEqual([DEPLOY_STATE_KEY, 'index.html', 'open-data/catalogus.json', 'opleidingen/ODB-A000001/index.html', 'pagefind/pagefind-entry.json']);
  });
});
