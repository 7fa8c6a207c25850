/**
 * The incremental site update (site/build.ts publishSite → updateSite): from the previous build and a
 * new snapshot with one changed, one added and one removed training, it produces the same site as a full
 * build of that snapshot (every file but the search index byte-for-byte), search finds the added
 * training, the previous (live) build is left untouched, and anything it cannot do falls back to a full
 * build. Self-contained: builds into a temp dir.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogue } from '../../../infra/local/seed/demo-trainings';
import type { CatalogueSnapshot, PublishedTraining } from '../../../shared/catalogue/published-training';
import { buildSite, publishSite } from '../../../site/build';
import { launchBrowser, serveStatic } from './support';

let work: string;
let before: CatalogueSnapshot;
let after: CatalogueSnapshot;
const changedOdb = 'ODB-A000136'; // the successor of ODB-A000135: that page shows its title too
const predecessorOdb = 'ODB-A000135';
const removedOdb = 'ODB-A000102';
const addedOdb = 'ODB-A000999';
const addedWord = 'Zeldzaamwoordopleiding';

/** Every file under `root` except the search index (main and delta), relative paths sorted. */
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

const page = (out: string, odb: string) => join(out, 'opleidingen', odb, 'index.html');
const paths = (name: string) => ({ cataloguePath: join(work, `${name}.json`), outDir: join(work, name) });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'site-update-'));
  before = demoCatalogue(60, 7, '2026-01-15T06:00:00.000Z');
  const template = before.trainings[0] as PublishedTraining;
  after = {
    publishedAt: '2026-01-16T06:00:00.000Z',
    trainings: [
      ...before.trainings
        .filter((t) => t.odbNumber !== removedOdb)
        .map((t) => (t.odbNumber === changedOdb ? { ...t, title: `${t.title} vernieuwd` } : t)),
      { ...template, odbNumber: addedOdb, title: `${addedWord} voor heftrucks`, replacedBy: null },
    ],
  };
  expect(before.trainings.find((t) => t.odbNumber === predecessorOdb)?.replacedBy).toBe(changedOdb);
  await writeFile(paths('before').cataloguePath, JSON.stringify(before));
  await writeFile(paths('after').cataloguePath, JSON.stringify(after));
  await buildSite(paths('before'));
  await buildSite({ ...paths('after'), outDir: join(work, 'after-full') });
}, 180_000);

afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('incremental update', () => {
  it('produces the same site as a full build, from hard links to the unchanged pages, without touching the previous build', async () => {
    const previous = paths('before');
    const liveChanged = readFileSync(page(previous.outDir, changedOdb));
    const messages: string[] = [];

    const result = await publishSite({ ...paths('after'), previous, onProgress: (m) => messages.push(m) });

    expect(result.mode, messages.join('\n')).toBe('update');
    const out = paths('after').outDir;
    expectSameSite(out, join(work, 'after-full'));
    expect(readFileSync(page(out, changedOdb), 'utf8')).toContain('vernieuwd');
    expect(readFileSync(page(out, predecessorOdb), 'utf8')).toContain('vernieuwd');
    expect(existsSync(page(out, addedOdb))).toBe(true);
    expect(existsSync(page(out, removedOdb))).toBe(false);
    // An unchanged page is the previous build's file (a hard link); the changed one is a new file.
    expect(statSync(page(out, 'ODB-A000101')).ino).toBe(statSync(page(previous.outDir, 'ODB-A000101')).ino);
    expect(statSync(page(out, changedOdb)).ino).not.toBe(statSync(page(previous.outDir, changedOdb)).ino);
    // The live build is as it was.
    expect(readFileSync(page(previous.outDir, changedOdb)).equals(liveChanged)).toBe(true);
    expect(existsSync(page(previous.outDir, removedOdb))).toBe(true);
    expect(existsSync(page(previous.outDir, addedOdb))).toBe(false);
    expect(result.pages).toBe(files(join(work, 'after-full')).filter((f) => f.endsWith('.html')).length);
    // Search: the main index is the previous build's (hard links, not re-indexed); the delta index holds
    // the re-rendered pages, and the main index's versions of changed and removed pages are hidden.
    expect(statSync(join(out, 'pagefind', 'pagefind-entry.json')).ino).toBe(statSync(join(previous.outDir, 'pagefind', 'pagefind-entry.json')).ino);
    const state = JSON.parse(readFileSync(join(out, 'search-state.json'), 'utf8')) as { delta: string[]; superseded: string[]; mainPages: Record<string, string> };
    expect(state.delta).toEqual([addedOdb, predecessorOdb, changedOdb].sort());
    expect(state.superseded.sort()).toEqual([changedOdb, predecessorOdb, removedOdb].map((odb) => state.mainPages[odb]).sort());
    expect(existsSync(join(out, 'pagefind-delta', 'pagefind-entry.json'))).toBe(true);
  }, 120_000);

  it('a change no list row shows leaves the list pages as they were (hard links), and the site equals a full build', async () => {
    // Prepare: from `after`, only a description changes.
    const next: CatalogueSnapshot = { ...after, trainings: after.trainings.map((t) => (t.odbNumber === after.trainings[5]?.odbNumber ? { ...t, description: `${t.description} Extra uitleg.` } : t)) };
    await writeFile(paths('description').cataloguePath, JSON.stringify(next));
    await buildSite({ ...paths('description'), outDir: join(work, 'description-full') });
    const messages: string[] = [];
    // Act
    const previous = { outDir: join(work, 'after-full'), cataloguePath: paths('after').cataloguePath };
    const result = await publishSite({ ...paths('description'), previous, onProgress: (m) => messages.push(m) });
    // Assess
    expect(result.mode, messages.join('\n')).toBe('update');
    expect(messages.some((m) => m.includes('0 of 1 list pages'))).toBe(true);
    const list = (out: string) => join(out, 'alle-opleidingen', 'index.html');
    expect(statSync(list(paths('description').outDir)).ino).toBe(statSync(list(previous.outDir)).ino);
    expectSameSite(paths('description').outDir, join(work, 'description-full'));
  }, 120_000);

  it('search on the updated site finds the added training and not the removed one', async () => {
    const server = await serveStatic(paths('after').outDir);
    const browser = await launchBrowser();
    try {
      const tab = await browser.context.newPage();
      await tab.goto(`${server.url}/`);
      await tab.getByLabel('Zoekterm of ODB-nummer').fill(addedWord.toLowerCase());
      await tab.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await expect.poll(() => tab.locator('#result-count').textContent(), { timeout: 20_000 }).toMatch(/gevonden/);
      await expect.poll(() => tab.locator('#results li a').getAttribute('href')).toBe(`/opleidingen/${addedOdb}/`);
      expect((await fetch(`${server.url}/opleidingen/${removedOdb}/`)).status).toBe(404);
      const searchFor = async (query: string) => {
        await tab.getByLabel('Zoekterm of ODB-nummer').fill(query);
        await tab.getByRole('button', { name: 'Zoeken', exact: true }).click();
        await expect.poll(() => tab.locator('#result-count').textContent(), { timeout: 20_000 }).toMatch(new RegExp(`gevonden.*${query}`));
      };
      // The changed training is found once, in its new version (the main index's old one is hidden).
      await searchFor(changedOdb);
      // The list is filled just after the count is shown: wait for it.
      await expect.poll(() => tab.locator('#results li h3').allTextContents()).toEqual([expect.stringContaining('vernieuwd')]);
      // Two words, one only in the delta index: exactly the page with both (Pagefind alone would return
      // every main-index page with the other word).
      await searchFor(`${addedWord.toLowerCase()} heftrucks`);
      await expect.poll(() => tab.locator('#results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([`/opleidingen/${addedOdb}/`]);
      // The removed training is in the main index, but hidden.
      await searchFor(removedOdb);
      expect(await tab.locator("#results li a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual([]);
      expect(await tab.locator("#result-count").textContent()).toMatch(/^Geen opleidingen gevonden/);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);

  it('falls back to a full build when the update is not possible (too many changes, no previous snapshot)', async () => {
    const tooMany = await publishSite({
      ...paths('after'), outDir: join(work, 'fallback-1'), previous: paths('before'), maxChanges: 1,
    });
    expect(tooMany.mode).toBe('full');
    expect(tooMany.fallback).toMatch(/more than 1/);
    expectSameSite(join(work, 'fallback-1'), join(work, 'after-full'));

    const noSnapshot = await publishSite({
      ...paths('after'), outDir: join(work, 'fallback-2'), previous: { ...paths('before'), cataloguePath: join(work, 'missing.json') },
    });
    expect(noSnapshot.mode).toBe('full');
    expectSameSite(join(work, 'fallback-2'), join(work, 'after-full'));
  }, 120_000);

  it('bad data still fails: the update validates every record of the new snapshot, and so does the fallback', async () => {
    const bad = { ...after, trainings: after.trainings.map((t, i) => (i === 5 ? { ...t, contactHours: -3 } : t)) };
    const cataloguePath = join(work, 'bad.json');
    await writeFile(cataloguePath, JSON.stringify(bad));

    await expect(publishSite({ cataloguePath, outDir: join(work, 'bad'), previous: paths('before') })).rejects.toThrow(/invalid/);
    expect(readFileSync(page(paths('before').outDir, changedOdb), 'utf8')).not.toContain('vernieuwd');
  }, 120_000);
});
