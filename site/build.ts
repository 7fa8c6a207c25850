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
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

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
async function astroBuild(root: string, outDir: string, cataloguePath: string): Promise<void> {
  // Astro writes its temporary server build to `<cwd>/.astro/.prerender` when outDir is outside the
  // cwd; it must stay inside the project (its chunks import from node_modules) and be unique per build.
  await mkdir(join(root, '.astro', 'builds'), { recursive: true });
  const cwd = await mkdtemp(join(root, '.astro', 'builds', 'build-'));
  try {
    await runWorker(root, outDir, cataloguePath, cwd);
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

function runWorker(root: string, outDir: string, cataloguePath: string, cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = fork(join(root, 'build-worker.mjs'), [JSON.stringify({ root, outDir })], {
      cwd,
      execArgv: [],
      env: { ...process.env, CATALOGUE_PATH: cataloguePath, ASTRO_TELEMETRY_DISABLED: '1' },
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
