/**
 * Builds the public catalogue: Astro (static pages from the snapshot) then Pagefind (search index in
 * `<outDir>/pagefind`). The caller owns `outDir`: build into a fresh directory and swap it in with a
 * rename to publish atomically.
 *
 *   npx tsx site/build.ts --catalogue /tmp/catalogue.json --out /tmp/site-out
 *
 * The Astro build runs in a child process (build-worker.mjs) that gets CATALOGUE_PATH, the path the
 * pages read the snapshot from (with fs, validated with the strict schema), so builds can run in
 * parallel and the caller's process keeps its memory. Pagefind runs its own binary.
 */
import { fork } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LIST_PAGE_SIZE, changedListPages } from '../shared/catalogue/list-pages';
import type { PublishedTraining } from '../shared/catalogue/published-training';

export interface BuildSiteOptions {
  cataloguePath: string;
  outDir: string;
  onProgress?: (message: string) => void;
}

export interface BuildSiteResult {
  /** HTML pages written (detail pages, lists, home, open data, 404). */
  pages: number;
  ms: number;
}

const siteRoot = fileURLToPath(new URL('.', import.meta.url));

/** Writes Pagefind's in-memory output (paths relative to `dir`), a bounded number of files at a time. */
async function writeIndexFiles(dir: string, files: Array<{ path: string; content: Uint8Array }>): Promise<void> {
  const dirs = new Set(files.map((f) => dirname(join(dir, f.path))));
  for (const d of [...dirs].sort()) await mkdir(d, { recursive: true });
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++] as { path: string; content: Uint8Array };
      const target = resolve(dir, file.path);
      if (!target.startsWith(`${dir}/`)) throw new Error(`pagefind: unexpected output path ${file.path}`);
      await writeFile(target, file.content);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

/** Runs `astro build` in a child process (see build-worker.mjs for why) and resolves when it is done. */
async function astroBuild(root: string, outDir: string, cataloguePath: string, only: { trainings: string; listPages: string } = { trainings: '', listPages: '' }): Promise<void> {
  // Astro writes its temporary server build to `<cwd>/.astro/.prerender` when outDir is outside the
  // cwd; it must stay inside the project (its chunks import from node_modules) and be unique per build.
  await mkdir(join(root, '.astro', 'builds'), { recursive: true });
  const cwd = await mkdtemp(join(root, '.astro', 'builds', 'build-'));
  try {
    await runWorker(root, outDir, cataloguePath, cwd, only);
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

function runWorker(root: string, outDir: string, cataloguePath: string, cwd: string, only: { trainings: string; listPages: string }): Promise<void> {
  return new Promise((done, fail) => {
    const child = fork(join(root, 'build-worker.mjs'), [JSON.stringify({ root, outDir })], {
      cwd,
      execArgv: [],
      env: { ...process.env, CATALOGUE_PATH: cataloguePath, ONLY_TRAININGS_PATH: only.trainings, ONLY_LIST_PAGES_PATH: only.listPages, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: { ok: boolean; message?: string } | undefined;
    child.on('message', (message: { ok: boolean; message?: string }) => {
      result = message;
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (result?.ok === true && code === 0) done();
      else fail(new Error(`astro build failed: ${result?.message ?? `exit code ${code ?? signal}`}`));
    });
  });
}

/**
 * The search index is a main Pagefind index (`/pagefind/`, every page, rebuilt only by a full build)
 * plus a small delta index (`/pagefind-delta/`, the detail pages changed since), merged in the browser
 * with Pagefind's `mergeIndex`; the main index's versions of changed and removed pages are hidden by
 * their fragment ids (`superseded`). Decision note: docs/decisions/0010-catalogue-search-delta-index.md.
 */
export interface SearchState {
  /** odbNumber → the main index's fragment id of its page. */
  mainPages: Record<string, string>;
  /** Detail pages (odbNumbers) in the delta index: changed or added since the main index. */
  delta: string[];
  /** Fragment ids of the main index to hide: pages changed or removed since. */
  superseded: string[];
}
/** Where the state lives in a build (the public part, for the browser, is pagefind-delta/state.json). */
export const SEARCH_STATE_FILE = 'search-state.json';
export const DELTA_DIR = 'pagefind-delta';

const detailUrl = /^\/opleidingen\/([A-Za-z0-9_-]+)\/$/;

/** The main index's fragment id per detail page, read from Pagefind's gzipped fragments. */
function mainPagesOf(files: Array<{ path: string; content: Uint8Array }>): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const file of files) {
    const match = /^fragment\/(.+)\.pf_fragment$/.exec(file.path);
    if (match === null) continue;
    const text = gunzipSync(file.content).toString('utf8');
    const url = /"url":"([^"]*)"/.exec(text)?.[1] ?? '';
    const odb = detailUrl.exec(url)?.[1];
    if (odb !== undefined) pages[odb] = match[1] as string;
  }
  return pages;
}

async function writeSearchState(out: string, state: SearchState): Promise<void> {
  await writeFile(join(out, SEARCH_STATE_FILE), JSON.stringify(state));
  await mkdir(join(out, DELTA_DIR), { recursive: true });
  // What the browser needs: is there a delta index, and which main-index results to hide.
  await writeFile(join(out, DELTA_DIR, 'state.json'), JSON.stringify({ delta: state.delta.length > 0, superseded: state.superseded }));
}

/** Runs Pagefind over every HTML file of `out` into a fresh `<out>/pagefind`; returns the page count. */
async function indexSite(out: string, progress: (message: string) => void): Promise<number> {
  const pagefindStarted = performance.now();
  const pagefind = await import('pagefind');
  let pages: number;
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nl' });
    if (index === undefined) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: out });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    // Pagefind visits every HTML file of the output (its default glob), so its count is the page count
    // (a recursive readdir of ~10k directories to count them again took 0.7–1.4 s).
    pages = added.page_count;
    // getFiles + our own writes, not index.writeFiles: byte-identical output; at 10k trainings the
    // Pagefind step went from a median 7.3 s to 5.5 s (its own writer alone took ~6 s for ~10k files).
    const written = await index.getFiles();
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    await writeIndexFiles(join(out, 'pagefind'), written.files);
    await writeSearchState(out, { mainPages: mainPagesOf(written.files), delta: [], superseded: [] });
    progress(`pagefind: indexed ${added.page_count} pages in ${Math.round(performance.now() - pagefindStarted)} ms`);
  } finally {
    await pagefind.close();
  }
  return pages;
}

/** Indexes the given detail pages of `out` into a fresh `<out>/pagefind-delta` (the delta index). */
async function indexDelta(out: string, odbNumbers: string[], progress: (message: string) => void): Promise<void> {
  if (odbNumbers.length === 0) return;
  const started = performance.now();
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nl' });
    if (index === undefined) throw new Error(`pagefind: ${errors.join('; ')}`);
    for (const odb of odbNumbers) {
      const content = await readFile(join(out, 'opleidingen', odb, 'index.html'), 'utf8');
      const added = await index.addHTMLFile({ url: `/opleidingen/${odb}/`, content });
      if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    }
    const written = await index.getFiles();
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    await writeIndexFiles(join(out, DELTA_DIR), written.files);
    progress(`pagefind: delta index of ${odbNumbers.length} pages in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await pagefind.close();
  }
}

export async function buildSite({ cataloguePath, outDir, onProgress }: BuildSiteOptions): Promise<BuildSiteResult> {
  const started = performance.now();
  const out = resolve(outDir);
  const progress = onProgress ?? (() => {});
  await mkdir(out, { recursive: true });

  progress(`astro: building ${siteRoot} → ${out}`);
  await astroBuild(siteRoot, out, resolve(cataloguePath));
  progress(`astro: done in ${Math.round(performance.now() - started)} ms`);

  const pages = await indexSite(out, progress);
  return { pages, ms: Math.round(performance.now() - started) };
}

export interface UpdateSiteOptions extends BuildSiteOptions {
  /** The previous build's output (read only: its files are hard-linked, never written) and snapshot. */
  previousOutDir: string;
  previousCataloguePath: string;
  /** More changed + added + removed trainings than this: not worth it, throw (default 200). */
  maxChanges?: number;
  /** Delta pages + hidden main pages above this: compact (throw, so a full build runs; default 1000). */
  maxDelta?: number;
}

interface LooseTraining { odbNumber: string; replacedBy?: unknown }

/** The trainings of a snapshot by odbNumber, each with its JSON (to compare); loosely read: Astro validates. */
async function readTrainings(path: string): Promise<{ byOdb: Map<string, { json: string; replacedBy: string | null }>; list: PublishedTraining[] }> {
  const raw = JSON.parse(await readFile(path, 'utf8')) as { trainings?: unknown };
  if (!Array.isArray(raw.trainings)) throw new Error(`${path}: no trainings list`);
  const byOdb = new Map<string, { json: string; replacedBy: string | null }>();
  for (const t of raw.trainings as LooseTraining[]) {
    if (typeof t?.odbNumber !== 'string' || byOdb.has(t.odbNumber) || !/^[A-Za-z0-9_-]+$/.test(t.odbNumber)) {
      throw new Error(`${path}: missing, duplicate or unexpected odbNumber`);
    }
    byOdb.set(t.odbNumber, { json: JSON.stringify(t), replacedBy: typeof t.replacedBy === 'string' ? t.replacedBy : null });
  }
  // Only the list pages' fields are read from `list` (changedListPages); Astro validates every record.
  return { byOdb, list: raw.trainings as PublishedTraining[] };
}

/** Where list page `n` is in a build (page 1 is the list's own index). */
const listPageFile = (out: string, n: number) => (n === 1 ? join(out, 'alle-opleidingen', 'index.html') : join(out, 'alle-opleidingen', String(n), 'index.html'));

/** Runs `task` over `items`, `width` at a time. */
async function eachLimited<T>(items: T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/** Hard-links every file under `from` into the (new) directory `to`. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to);
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.isDirectory()) await linkTree(join(from, entry.name), join(to, entry.name));
    else if (entry.isFile()) await link(join(from, entry.name), join(to, entry.name));
    else throw new Error(`unexpected entry ${join(from, entry.name)}`);
  }
}

/**
 * Incremental update: the new snapshot's site in a fresh `outDir`, from the previous build. Astro renders
 * every page except the detail pages of unchanged trainings (those are byte-identical between builds: the
 * detail pages do not print the publication date), which are hard-linked from the previous output (files
 * are only ever replaced whole, never written in place); then Pagefind indexes the whole new output.
 * The Astro step reads and validates the WHOLE new snapshot with the strict schema, as a full build does.
 * Throws when it cannot be sure of the result; the caller then does a full build (publishSite).
 */
export async function updateSite(options: UpdateSiteOptions): Promise<BuildSiteResult> {
  const started = performance.now();
  const out = resolve(options.outDir);
  const previousOut = resolve(options.previousOutDir);
  const progress = options.onProgress ?? (() => {});
  const maxChanges = options.maxChanges ?? 200;
  const [previousRead, nextRead] = await Promise.all([readTrainings(options.previousCataloguePath), readTrainings(options.cataloguePath)]);
  const [before, after] = [previousRead.byOdb, nextRead.byOdb];

  const changed = new Set<string>();
  for (const [odb, t] of after) if (before.get(odb)?.json !== t.json) changed.add(odb);
  const removed = [...before.keys()].filter((odb) => !after.has(odb));
  if (changed.size + removed.length > maxChanges) {
    throw new Error(`${changed.size + removed.length} trainings changed (more than ${maxChanges})`);
  }
  // A detail page also shows its successor's title and its predecessor's number: re-render both sides
  // of every replacement that touches a changed or removed training, in either snapshot.
  const touched = new Set([...changed, ...removed]);
  const render = new Set(changed);
  for (const snapshot of [before, after]) {
    for (const [odb, t] of snapshot) {
      if (t.replacedBy !== null && touched.has(t.replacedBy)) render.add(odb);
      if (touched.has(odb) && t.replacedBy !== null) render.add(t.replacedBy);
    }
  }
  for (const odb of render) if (!after.has(odb)) render.delete(odb);

  const previousPages = new Set(await readdir(join(previousOut, 'opleidingen')));
  const keep = [...after.keys()].filter((odb) => !render.has(odb));
  const missing = keep.filter((odb) => !previousPages.has(odb));
  if (missing.length > 0) throw new Error(`the previous build has no page for ${missing.length} unchanged trainings`);

  // The plain list pages: only those whose rows (or the page count, or page 1's total) changed.
  const listPages = changedListPages(previousRead.list, nextRead.list);
  const lastListPage = Math.max(1, Math.ceil(nextRead.list.length / LIST_PAGE_SIZE));

  await mkdir(dirname(out), { recursive: true });
  const onlyPath = `${out}.only-trainings.json`;
  const onlyListPath = `${out}.only-list-pages.json`;
  try {
    await writeFile(onlyPath, JSON.stringify([...render]));
    await writeFile(onlyListPath, JSON.stringify(listPages));
    progress(`astro: rendering ${render.size} detail pages, ${listPages.length} of ${lastListPage} list pages and the other pages (${removed.length} removed) → ${out}`);
    await astroBuild(siteRoot, out, resolve(options.cataloguePath), { trainings: onlyPath, listPages: onlyListPath });
  } finally {
    await rm(onlyPath, { force: true });
    await rm(onlyListPath, { force: true });
  }
  for (let n = 1; n <= lastListPage; n++) {
    const rendered = existsSync(listPageFile(out, n));
    if (rendered !== listPages.includes(n)) throw new Error(`astro ${rendered ? 'rendered' : 'did not render'} list page ${n}`);
    if (!rendered) {
      await mkdir(dirname(listPageFile(out, n)), { recursive: true });
      await link(listPageFile(previousOut, n), listPageFile(out, n));
    }
  }
  const rendered = await readdir(join(out, 'opleidingen')).catch(() => [] as string[]);
  if (rendered.length !== render.size || rendered.some((odb) => !render.has(odb))) {
    throw new Error(`astro rendered ${rendered.length} detail pages, expected ${render.size}`);
  }
  progress(`astro: done in ${Math.round(performance.now() - started)} ms`);

  const linkStarted = performance.now();
  await eachLimited(keep, 16, (odb) => linkTree(join(previousOut, 'opleidingen', odb), join(out, 'opleidingen', odb)));
  progress(`linked ${keep.length} unchanged detail pages in ${Math.round(performance.now() - linkStarted)} ms`);

  // Search: the main index of the previous build unchanged (hard-linked), a new delta index of every
  // detail page changed since the main index, and the main index's old versions hidden.
  const previousState = JSON.parse(await readFile(join(previousOut, SEARCH_STATE_FILE), 'utf8')) as SearchState;
  const delta = [...new Set([...previousState.delta, ...render])].filter((odb) => after.has(odb)).sort();
  const superseded = new Set(previousState.superseded);
  for (const odb of [...render, ...removed]) {
    const id = previousState.mainPages[odb];
    if (id !== undefined) superseded.add(id);
  }
  const maxDelta = options.maxDelta ?? 1_000;
  if (delta.length + superseded.size > maxDelta) {
    throw new Error(`the delta index would hold ${delta.length} pages and hide ${superseded.size} (more than ${maxDelta}): compact with a full build`);
  }
  await linkTree(join(previousOut, 'pagefind'), join(out, 'pagefind'));
  await indexDelta(out, delta, progress);
  await writeSearchState(out, { mainPages: previousState.mainPages, delta, superseded: [...superseded].sort() });
  // Detail pages plus the other pages (home, lists, open data, 404), without walking every detail folder.
  let otherPages = 0;
  for (const entry of await readdir(out, { withFileTypes: true })) {
    if (['opleidingen', 'pagefind', DELTA_DIR, '_astro'].includes(entry.name)) continue;
    if (entry.isFile()) otherPages += entry.name.endsWith('.html') ? 1 : 0;
    else otherPages += (await readdir(join(out, entry.name), { recursive: true })).filter((f) => f.endsWith('.html')).length;
  }
  return { pages: after.size + otherPages, ms: Math.round(performance.now() - started) };
}

export interface PublishSiteOptions extends BuildSiteOptions {
  /** The live build, if any: then an incremental update is tried first. */
  previous?: { outDir: string; cataloguePath: string };
  maxChanges?: number;
  maxDelta?: number;
}

export interface PublishSiteResult extends BuildSiteResult {
  mode: 'update' | 'full';
  /** Why the incremental update was not used (mode 'full' with a previous build). */
  fallback?: string;
}

/**
 * Builds the site for a new snapshot into a fresh `outDir`: an incremental update from the previous build
 * when there is one, else (or on ANY error of the update) a full build into a cleaned `outDir`.
 */
export async function publishSite(options: PublishSiteOptions): Promise<PublishSiteResult> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  let fallback: string | undefined;
  if (options.previous !== undefined) {
    try {
      const result = await updateSite({
        ...options, previousOutDir: options.previous.outDir, previousCataloguePath: options.previous.cataloguePath,
      });
      return { ...result, mode: 'update' };
    } catch (error) {
      fallback = error instanceof Error ? error.message : String(error);
      progress(`incremental update not used (${fallback.split('\n')[0] ?? ''}); full build`);
      // Only this build's own directory: removing hard links leaves the previous build's files alone.
      await rm(resolve(options.outDir), { recursive: true, force: true });
    }
  }
  const result = await buildSite(options);
  return { ...result, ms: Math.round(performance.now() - started), mode: 'full', ...(fallback === undefined ? {} : { fallback }) };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { catalogue: { type: 'string' }, out: { type: 'string' }, clean: { type: 'boolean', default: false } },
  });
  if (values.catalogue === undefined || values.out === undefined) {
    console.error('usage: npx tsx site/build.ts --catalogue <snapshot.json> --out <dir> [--clean]');
    process.exit(2);
  }
  if (values.clean) rmSync(values.out, { recursive: true, force: true });
  buildSite({ cataloguePath: values.catalogue, outDir: values.out, onProgress: (m) => console.error(m) }).then(
    (r) => console.error(`built ${r.pages} pages in ${r.ms} ms`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
