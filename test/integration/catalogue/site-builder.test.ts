/**
 * The local build service (infra/local/site-builder.ts) and the site server, against the shared stack's
 * S3 emulator with this file's own bucket and data directory. The build itself is replaced by a fake
 * that writes one page (and can be held or made to fail), so the scheduling is tested in milliseconds;
 * the real Astro build runs in test/e2e/catalogue.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSiteBuilder } from '../../../infra/local/site-builder';
import { survivedRequestErrors } from '../../../infra/local/request-guard';
import { startSiteServer, type SiteServer } from '../../../infra/local/site-server';
import type { BuildSiteOptions } from '../../../site/build';
import { eventually } from '../../support/stack';
import { isolatedCatalogue, labelOf, publishLabel, type IsolatedCatalogue } from './support';

let catalogue: IsolatedCatalogue;
let dataDir: string;
let server: SiteServer;
const built: string[] = [];
const log: string[] = [];
let hold: Promise<void> | undefined;
let failFor: string | undefined;

/** Fake build: one index.html naming the catalogue's label (its one training's title). */
async function fakeBuild({ cataloguePath, outDir }: BuildSiteOptions) {
  const publishedAt = await labelOf(cataloguePath);
  built.push(publishedAt);
  if (hold) await hold;
  if (publishedAt === failFor) throw new Error(`astro build failed: bad snapshot ${publishedAt}`);
  await mkdir(join(outDir, 'pagefind'), { recursive: true });
  await writeFile(join(outDir, 'index.html'), `<p>${publishedAt}</p>`);
  await writeFile(join(outDir, '404.html'), 'weg');
  await writeFile(join(outDir, 'pagefind', 'wasm.nl.pagefind'), 'x');
  return { pages: 1, ms: 1 };
}

const publish = (label: string) => publishLabel(catalogue.bucket, catalogue.s3, label);
const home = async () => {
  const response = await fetch(`${server.url}/`);
  return { status: response.status, text: await response.text() };
};

let builder: ReturnType<typeof startSiteBuilder>;

beforeAll(async () => {
  catalogue = await isolatedCatalogue();
  dataDir = await mkdtemp(join(tmpdir(), 'site-builder-'));
  server = await startSiteServer({ dataDir, port: 0, openData: { s3: catalogue.s3, bucket: catalogue.bucket } });
  builder = startSiteBuilder({ dataDir, bucket: catalogue.bucket, s3: catalogue.s3, log: (l) => log.push(l), pollIntervalMs: 100, build: fakeBuild });
});

afterAll(async () => {
  await builder?.stop();
  await server?.stop();
  vi.unstubAllEnvs();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('local site builder and server', () => {
  it('serves a Dutch "being built" page until the first build is live', async () => {
    const { status, text } = await home();
    expect(status).toBe(503);
    expect(text).toContain('lang="nl"');
    expect(text).toContain('De site wordt gebouwd');
    expect(text).toContain('http-equiv="refresh"');
  });

  it('builds a new snapshot and swaps it in', async () => {
    await publish('v1');
    await eventually(async () => (await home()).text === '<p>v1</p>', 10_000, 50);
    const pagefind = await fetch(`${server.url}/pagefind/wasm.nl.pagefind`);
    expect(pagefind.headers.get('content-type')).toBe('application/octet-stream');
    expect((await fetch(`${server.url}/nergens/`)).status).toBe(404);
    expect((await fetch(`${server.url}/pagefind`, { redirect: 'manual' })).status).toBe(301);
  });

  it('exports the open-data downloads once the first build is live, then not again within the interval', async () => {
    await eventually(async () => builder.status().openData?.seq === builder.status().current?.seq, 10_000, 50);
    const first = builder.status().openData;
    const download = await (await fetch(`${server.url}/open-data/catalogus.json`)).json() as { trainings: Array<{ title: string }> };
    expect(download.trainings.map((t) => t.title)).toEqual(['v1']);
    // A next change is live at once; its downloads wait for the interval (default five minutes).
    await publish('v1b');
    await eventually(async () => (await home()).text === '<p>v1b</p>', 10_000, 50);
    await builder.idle();
    expect(builder.status().openData).toEqual(first);
    // Back to v1 for the next cases.
    await publish('v1');
    await eventually(async () => (await home()).text === '<p>v1</p>', 10_000, 50);
  });

  it('a snapshot that arrives during a build triggers exactly one next build, with the latest snapshot', async () => {
    // Prepare: hold the next build.
    let release = () => {};
    hold = new Promise<void>((resolve) => { release = resolve; });
    const start = built.length;
    await publish('v2');
    await eventually(async () => built.at(-1) === 'v2', 10_000, 20);
    // Act: two snapshots while v2 is building.
    await publish('v3');
    await publish('v4');
    // v3 and v4 are in the bucket while v2 is still building: nothing is live but v1
    expect(builder.status()).toMatchObject({ state: 'building' });
    expect(built.at(-1)).toBe('v2');
    expect((await home()).text).toBe('<p>v1</p>');
    hold = undefined;
    release();
    // Assess
    await eventually(async () => (await home()).text === '<p>v4</p>', 10_000, 50);
    await builder.idle();
    expect(built.slice(start)).toEqual(['v2', 'v4']);
  });

  it('a failed build keeps the previous site online and is logged', async () => {
    failFor = 'v5';
    await publish('v5');
    await eventually(async () => builder.status().lastError?.message.includes('v5') ?? false, 10_000, 50);
    expect((await home()).text).toBe('<p>v4</p>');
    expect(log.some((line) => line.includes('build failed; the previous site stays online'))).toBe(true);
    // The next snapshot builds again.
    await publish('v6');
    await eventually(async () => (await home()).text === '<p>v6</p>', 10_000, 50);
    expect(builder.status().lastError).toBeNull();
  });

  it('keeps answering pages and missing pages whole while builds are swapped in (issue 16)', async () => {
    // Prepare: a client that asks for an existing page, a missing page and an index file in a loop.
    const survivedBefore = survivedRequestErrors();
    let stop = false;
    const answers: string[] = [];
    const client = async () => {
      while (!stop) {
        for (const [path, expected] of [['/', 200], ['/nergens/', 404], ['/pagefind/wasm.nl.pagefind', 200]] as const) {
          const response = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(5_000) }).catch((error: unknown) => ({ status: -1, text: async () => String(error) }));
          const text = await response.text();
          const whole = expected === 404 ? text === 'weg' : path === '/' ? /^<p>swap-\d+<\/p>$|^<p>v6<\/p>$/.test(text) : text === 'x';
          if (response.status !== expected || !whole) answers.push(`${path} → ${response.status}: ${text.slice(0, 80)}`);
        }
      }
    };
    const clients = Array.from({ length: 4 }, client);

    // Act: ten builds swapped in one after the other.
    for (let i = 0; i < 10; i++) {
      await publish(`swap-${i}`);
      await eventually(async () => (await home()).text === `<p>swap-${i}</p>`, 10_000, 20);
    }
    stop = true;
    await Promise.all(clients);

    // Assess: every answer was the expected one, and no request error had to be survived.
    expect(answers).toEqual([]);
    expect(survivedRequestErrors()).toBe(survivedBefore);
  });
});
