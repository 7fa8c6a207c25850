/**
 * The per-change updater (site/update.ts) end to end, through the local site builder (infra/local/
 * site-builder.ts) with its warm updater process, a real S3 emulator (fauxqs), real Astro and Pagefind:
 * after one full build, changes published as the stream consumer publishes them (their shard, then the
 * head) are applied in place to the live folder; the live site then equals a full build of the same
 * catalogue file for file (every file but the search index), only the changed files were written, and
 * Chromium's search finds the new versions and not the removed or superseded ones.
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishTrainings } from '../../../functions/catalogue/publish';
import { s3CatalogueStore } from '../../../functions/catalogue/s3-store';
import { startS3 } from '../../../infra/local/emulators/s3';
import { freePort } from '../../../infra/local/ports';
import { demoCatalogue } from '../../../infra/local/seed/demo-trainings';
import { currentSiteDir, startSiteBuilder, updaterStateFile } from '../../../infra/local/site-builder';
import type { CatalogueSnapshot, PublishedTraining } from '../../../shared/catalogue/published-training';
import { buildSearchIndex, search, siteFilterKeys, type SearchFilters } from '../../../shared/catalogue/search';
import { buildSite } from '../../../site/build';
import { UpdaterState } from '../../../site/update';
import { eventually } from '../../support/stack';
import { launchBrowser, serveStatic } from './support';

let work: string;
let s3Server: Awaited<ReturnType<typeof startS3>>;
let builder: ReturnType<typeof startSiteBuilder>;
let store: ReturnType<typeof s3CatalogueStore>;
const log: string[] = [];
let before: CatalogueSnapshot;
const changedOdb = 'ODB-A000136'; // the successor of ODB-A000135: that page shows its title too
const predecessorOdb = 'ODB-A000135';
const removedOdb = 'ODB-A000102';
const addedOdb = 'ODB-A000999';
const addedWord = 'Zeldzaamwoordopleiding';

/** Every file under `root` except the search index (main and delta) and its state, relative paths sorted. */
function files(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) { if (!['pagefind', 'pagefind-delta'].includes(relative(root, path))) walk(path); } else if (relative(root, path) !== 'search-state.json') out.push(relative(root, path));
    }
  };
  walk(root);
  return out.sort();
}

function expectSameSite(actual: string, expected: string): void {
  const names = files(expected);
  expect(files(actual)).toEqual(names);
  const different = names.filter((name) => !readFileSync(join(actual, name)).equals(readFileSync(join(expected, name))));
  expect(different).toEqual([]);
}

const live = () => currentSiteDir(work);
const page = (out: string, odb: string) => join(out, 'opleidingen', odb, 'index.html');
const readState = async () => UpdaterState.parse(JSON.parse(await readFile(updaterStateFile(work), 'utf8')));

/** The catalogue the bucket holds, as the test changes it. */
let published: PublishedTraining[] = [];

/**
 * Publishes record changes (a publication of the whole list: only the shards whose records changed are
 * written, and the head's feed names the changed ODB numbers, as for the stream consumer's changes) and
 * waits until the site is of that head.
 */
async function change(changes: Array<{ odbNumber: string; record: PublishedTraining | null }>): Promise<number> {
  const builds = builder.status().builds;
  const byOdb = new Map(published.map((t) => [t.odbNumber, t]));
  for (const c of changes) {
    if (c.record === null) byOdb.delete(c.odbNumber);
    else byOdb.set(c.odbNumber, c.record);
  }
  published = [...byOdb.values()].sort((a, b) => (a.odbNumber < b.odbNumber ? -1 : 1));
  const { seq } = await publishTrainings(store, published, new Date());
  await eventually(async () => builder.status().current?.seq === seq && builder.status().builds > builds, 120_000, 100);
  return seq;
}

/** A full build of the catalogue the bucket holds now, into its own folder (the reference). */
async function fullBuildOf(trainings: PublishedTraining[], name: string): Promise<string> {
  const cataloguePath = join(work, `${name}.json`);
  await writeFile(cataloguePath, JSON.stringify({ publishedAt: builder.status().current?.publishedAt, trainings }));
  const outDir = join(work, name);
  await buildSite({ cataloguePath, outDir });
  return outDir;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'site-update-'));
  s3Server = await startS3({ port: await freePort() });
  const s3 = new S3Client({ endpoint: s3Server.endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'catalogue' }));
  store = s3CatalogueStore('catalogue', s3);
  builder = startSiteBuilder({ dataDir: work, bucket: 'catalogue', s3, pollIntervalMs: 100, log: (line) => log.push(line) });
  before = demoCatalogue(60, 7, '2026-01-15T06:00:00.000Z');
  expect(before.trainings.find((t) => t.odbNumber === predecessorOdb)?.replacedBy).toBe(changedOdb);
  published = before.trainings;
  const { seq } = await publishTrainings(store, published, new Date());
  await eventually(async () => builder.status().current?.seq === seq, 120_000, 200);
}, 180_000);

afterAll(async () => {
  await builder?.stop();
  await s3Server?.stop();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('per-change updater', () => {
  let after: PublishedTraining[];

  it('applies a change, an addition and a removal in place: the site equals a full build, only changed files written', async () => {
    const template = before.trainings[0] as PublishedTraining;
    const changed = { ...(before.trainings.find((t) => t.odbNumber === changedOdb) as PublishedTraining) };
    changed.title = `${changed.title} vernieuwd`;
    const added: PublishedTraining = { ...template, odbNumber: addedOdb, title: `${addedWord} voor heftrucks`, replacedBy: null, status: 'active' };
    const unchangedInode = statSync(page(live(), 'ODB-A000101')).ino;
    const mainEntryInode = statSync(join(live(), 'pagefind', 'pagefind-entry.json')).ino;
    log.length = 0;

    await change([{ odbNumber: changedOdb, record: changed }, { odbNumber: addedOdb, record: added }, { odbNumber: removedOdb, record: null }]);
    after = published;

    expect(builder.status().current?.mode, log.join('\n')).toBe('update');
    const reference = await fullBuildOf(after, 'after-full');
    expectSameSite(live(), reference);
    expect(readFileSync(page(live(), predecessorOdb), 'utf8')).toContain('vernieuwd');
    // Unchanged files were not written (same inode); the main index is the full build's, untouched.
    expect(statSync(page(live(), 'ODB-A000101')).ino).toBe(unchangedInode);
    expect(statSync(join(live(), 'pagefind', 'pagefind-entry.json')).ino).toBe(mainEntryInode);
    const state = await readState();
    expect(state.delta).toEqual([addedOdb, predecessorOdb, changedOdb].sort());
    expect(state.superseded).toEqual([changedOdb, predecessorOdb, removedOdb].map((odb) => state.mainPages[odb]).sort());
    expect(log.some((l) => /rendered 3 detail pages, 1 of 1 list pages/.test(l)), log.join('\n')).toBe(true);
  }, 180_000);

  it('a change no list row shows renders no list page, and the site still equals a full build', async () => {
    const target = after[5] as PublishedTraining;
    const listInode = statSync(join(live(), 'alle-opleidingen', 'index.html')).ino;
    log.length = 0;

    await change([{ odbNumber: target.odbNumber, record: { ...target, description: `${target.description} Extra uitleg.` } }]);

    expect(log.some((l) => /rendered 1 detail pages, 0 of 1 list pages/.test(l)), log.join('\n')).toBe(true);
    expect(statSync(join(live(), 'alle-opleidingen', 'index.html')).ino).toBe(listInode);
    after = published;
    expectSameSite(live(), await fullBuildOf(after, 'description-full'));
    // The previous delta index's files that left it are kept for the grace period (an open search fetches them).
    const state = await readState();
    expect(Object.keys(state.retired).length).toBeGreaterThan(0);
    for (const key of Object.keys(state.retired)) expect(statSync(join(live(), key)).isFile()).toBe(true);
  }, 180_000);

  it('search in Chromium finds the added and the changed training once, in their new version, and not the removed one', async () => {
    const server = await serveStatic(live());
    const browser = await launchBrowser();
    try {
      const tab = await browser.context.newPage();
      await tab.goto(`${server.url}/`);
      const searchFor = async (query: string) => {
        await tab.getByLabel('Zoekterm of ODB-nummer').fill(query);
        await tab.getByRole('button', { name: 'Zoeken', exact: true }).click();
        await expect.poll(() => tab.locator('#result-count').textContent(), { timeout: 20_000 }).toMatch(new RegExp(`gevonden.*${query}`));
      };
      await searchFor(addedWord.toLowerCase());
      await expect.poll(() => tab.locator('#results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([`/opleidingen/${addedOdb}/`]);
      expect((await fetch(`${server.url}/opleidingen/${removedOdb}/`)).status).toBe(404);
      await searchFor(changedOdb);
      await expect.poll(() => tab.locator('#results li h3').allTextContents()).toEqual([expect.stringContaining('vernieuwd')]);
      await searchFor(`${addedWord.toLowerCase()} heftrucks`);
      await expect.poll(() => tab.locator('#results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([`/opleidingen/${addedOdb}/`]);
      await searchFor(removedOdb);
      expect(await tab.locator('#results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([]);
      expect(await tab.locator('#result-count').textContent()).toMatch(/^Geen opleidingen gevonden/);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);

  it('search on the updated site (main + delta index) finds what GET /v1/trainings finds, for single words, several words and filters (issue 13)', async () => {
    // A change back to the main index's version (the successor's title as it was): its page and its
    // predecessor's are again byte-identical to their main-index versions, so the delta holds fragments
    // with the same ids as the hidden (superseded) ones — they must still be found, once.
    const original = before.trainings.find((t) => t.odbNumber === changedOdb) as PublishedTraining;
    await change([{ odbNumber: changedOdb, record: original }]);
    after = published;
    const state = await readState();
    expect(state.delta).toEqual(expect.arrayContaining([changedOdb, predecessorOdb]));
    expect(state.superseded).toEqual(expect.arrayContaining([state.mainPages[changedOdb], state.mainPages[predecessorOdb]]));
    const index = buildSearchIndex(after);
    const table: Array<[string, SearchFilters]> = [
      // one word only in the delta, only in the main index, in both; words split over the two indexes;
      // a word found nowhere; the same with filters (the status filter is always there).
      [addedWord.toLowerCase(), {}], ['boekhouden', {}], ['veiligheid', {}], ['heftrucks', {}], ['vernieuwd', {}],
      [`${addedWord.toLowerCase()} heftrucks`, {}], ['heftrucks boekhouden', {}], ['vernieuwd veiligheid', {}],
      ['heftrucks zzzzqqq', {}], ['zzzzqqq', {}], [addedWord.toLowerCase(), { group: (after.find((t) => t.odbNumber === addedOdb) as PublishedTraining).competenceGroup }],
      ['opleiding', { group: 'basic' }], ['', { group: 'basic' }], ['heftruckchauffeur', {}], ['heftrucks heftruckchauffeur', {}],
      [changedOdb, {}], [predecessorOdb, {}], [original.title, {}],
    ];
    // Known limit (decision 0019): a word the delta index lacks while it holds a shorter word the query
    // word starts with ("heftruckchauffeur" vs the added page's "heftrucks"): Pagefind then matches that
    // shorter word in the delta (its find_word_extensions fallback), so the site also shows those delta
    // pages. The API's hits must be a subset, and the extra hits delta pages only.
    const knownFallback = new Set(['heftruckchauffeur', 'heftrucks heftruckchauffeur']);
    const deltaPages = state.delta;
    const server = await serveStatic(live());
    const browser = await launchBrowser();
    const differences: string[] = [];
    let nonEmpty = 0;
    try {
      const tab = await browser.context.newPage();
      for (const [q, filters] of table) {
        const params = new URLSearchParams(q === '' ? {} : { q });
        if (filters.group !== undefined) params.set(siteFilterKeys.group, filters.group);
        await tab.goto(`${server.url}/?${params.toString()}`);
        await expect.poll(() => tab.locator('#result-count').textContent(), { timeout: 20_000 }).toMatch(/gevonden/);
        // Every page of results ("Toon meer resultaten" until it goes).
        await expect.poll(async () => (await tab.locator('#results li').count()) > 0 || /^Geen/.test((await tab.locator('#result-count').textContent()) ?? '')).toBe(true);
        while (await tab.locator('#more').isVisible()) {
          const shown = await tab.locator('#results li').count();
          await tab.locator('#more').click();
          await expect.poll(() => tab.locator('#results li').count()).toBeGreaterThan(shown);
        }
        const site = (await tab.locator('#results .odb').allTextContents()).sort();
        const api = search(index, { q, ...filters }).map((doc) => index.trainings[doc]!.odbNumber).sort();
        if (api.length > 0) nonEmpty++;
        if (knownFallback.has(q)) {
          expect(api.every((o) => site.includes(o)), q).toBe(true);
          expect(site.filter((o) => !api.includes(o)).every((o) => deltaPages.includes(o)), q).toBe(true);
          continue;
        }
        if (JSON.stringify(site) !== JSON.stringify(api)) differences.push(`${JSON.stringify(q)} ${JSON.stringify(filters)}: site ${site.join(',')}; api ${api.join(',')}`);
      }
    } finally {
      await browser.close();
      await server.close();
    }
    expect(differences).toEqual([]);
    // Not vacuous: most queries find something.
    expect(nonEmpty).toBeGreaterThanOrEqual(table.length - 4);
  }, 120_000);

  it('without an updater state (as a crash between a full build swaps the site in and writes its state leaves it), a change is a full build, and the updater takes over after it', async () => {
    const many = after.slice(0, 30).map((t) => ({ odbNumber: t.odbNumber, record: { ...t, title: `${t.title} herzien` } }));
    log.length = 0;
    await rm(updaterStateFile(work), { force: true });

    await change(many);

    expect(builder.status().current?.mode).toBe('full');
    expect((await readState()).delta).toEqual([]);
    after = published;
    const one = after[1] as PublishedTraining;
    await change([{ odbNumber: one.odbNumber, record: { ...one, title: `${one.title} weer` } }]);
    expect(builder.status().current?.mode).toBe('update');
  }, 240_000);
});
