/**
 * The per-change site updater (issue 13; docs/decisions/0018): its work follows the change, not the
 * catalogue. From the catalogue head's feed (which ODB numbers changed since the sequence the live site
 * is of) and a small persisted state, it renders only the changed detail pages (and the pages that
 * show them: a replacement's other side), the list pages whose rows changed, the home and open-data
 * pages (they print the publication time), builds the delta Pagefind index (docs/decisions/0010), and
 * publishes only those files. The same code runs locally (site/update-worker.ts, disk adapters) and in
 * AWS (functions/catalogue/site-updater.ts, S3 adapters). A full build (site/build.ts buildSite) stays
 * for the first start, compaction and anything the updater cannot be sure of: then it answers
 * `full-build`, and the caller builds and hands over with `stateAfterFullBuild`.
 *
 * Use case: the ports (catalogue store, state store, renderer, indexer, output, clock) are arguments.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { listPageContents, changedPagesOf } from '../shared/catalogue/list-pages';
import type { CatalogueSnapshot, PublishedTraining } from '../shared/catalogue/published-training';
import { odbNumbersChangedSince } from '../shared/catalogue/shards';
import { assembleCatalogue } from '../functions/catalogue/site-input';
import type { CatalogueObjectStore } from '../functions/catalogue/store';
import type { PageRenderer } from './update-renderer';

export const DELTA_PREFIX = 'pagefind-delta/';

/** What the updater remembers between changes (about 2 MB at 50k trainings: mostly `mainPages`). */
export const UpdaterState = z.strictObject({
  /** The catalogue head sequence the published site is of. */
  seq: z.number().int().min(0),
  /** Per list page (index 0 = page 1), a digest of what it shows (shared/catalogue/list-pages.ts). */
  listPages: z.array(z.string()),
  /** The published catalogue's replacements: replaced ODB number → its successor (both pages show the other). */
  replacedBy: z.record(z.string(), z.string()),
  /** The search state (site/build.ts SearchState): main index fragment ids, delta pages, hidden fragments. */
  mainPages: z.record(z.string(), z.string()),
  delta: z.array(z.string()),
  superseded: z.array(z.string()),
  /** The files of the live delta index (keys under pagefind-delta/). */
  deltaFiles: z.array(z.string()),
  /** Files that left the site and are kept for the grace period (a visitor's open search still fetches them): key → since (ms). */
  retired: z.record(z.string(), z.number()),
});
export type UpdaterState = z.infer<typeof UpdaterState>;

/** Where the updater keeps its state (locally a file, in AWS an object under the state prefix). */
export interface UpdaterStateStore {
  read(): Promise<UpdaterState | null>;
  write(state: UpdaterState): Promise<void>;
}

export interface SiteFile { key: string; body: string | Uint8Array }

/**
 * The published site. `put` writes files so that a reader never sees a page or an index entry file
 * pointing at a file that is not there yet (the order of site/deploy-plan.ts uploadGroup); each file is
 * replaced whole. `remove` deletes files.
 */
export interface SiteOutput {
  put(files: readonly SiteFile[]): Promise<void>;
  remove(keys: readonly string[]): Promise<void>;
}

/** Builds a Pagefind index of the given pages (url + HTML); the files relative to the index folder. */
export type DeltaIndexer = (pages: ReadonlyArray<{ url: string; html: string }>) => Promise<Array<{ path: string; content: Uint8Array }>>;

/** The catalogue in memory between changes (kept by the long-lived process; read from the shards once). */
export interface CatalogueMemory { seq: number; trainings: PublishedTraining[]; publishedAt: string }

export interface UpdateOptions {
  store: CatalogueObjectStore;
  state: UpdaterStateStore;
  renderer: PageRenderer;
  indexer: DeltaIndexer;
  output: SiteOutput;
  now: () => number;
  memory?: CatalogueMemory;
  /** More changed trainings than this: a full build is cheaper (default 200). */
  maxChanges?: number;
  /** Delta pages + hidden main pages above this: compact with a full build (default 1000). */
  maxDelta?: number;
  /** How long a file that left the site stays (default an hour, as site/s3-deploy.ts). */
  graceMs?: number;
  onProgress?: (message: string) => void;
}

export type UpdateResult =
  | { status: 'unchanged'; memory: CatalogueMemory | undefined }
  | { status: 'full-build'; reason: string; memory: CatalogueMemory | undefined }
  | {
    status: 'updated'; memory: CatalogueMemory; seq: number; publishedAt: string; trainings: number; changed: string[]; rendered: number;
    listPages: number[]; written: string[]; removed: string[]; ms: number;
  };

/** What a caller outside the updater's process gets back (the catalogue in memory stays where it is). */
export type UpdateReport = UpdateResult extends infer T ? (T extends unknown ? Omit<T, 'memory'> : never) : never;

const detailKey = (odb: string) => `opleidingen/${odb}/index.html`;
const detailPath = (odb: string) => `/opleidingen/${odb}/`;
const listPath = (n: number) => (n === 1 ? '/alle-opleidingen/' : `/alle-opleidingen/${n}/`);
/** The file a site path is written to (Astro's `build.format: 'directory'`; the 404 page is `404.html`). */
export const keyOfPath = (path: string) => (path === '/404/' ? '404.html' : `${path.slice(1)}index.html`);
const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/**
 * The pages that print the publication time (Base.astro `publishedAt`) or the whole catalogue's figures:
 * every page but the detail and list pages. Rendered on every change.
 */
const ALWAYS_RENDERED = ['/', '/open-data/', '/cheques/', '/404/'];

/**
 * Pagefind names its chunks after their content: a file of these kinds with a known name is unchanged,
 * and a new name was never served (nothing to invalidate: functions/catalogue/site-updater-s3.ts).
 */
export const contentNamed = /\.pf_(index|fragment|meta|filter)$/;

function replacementsOf(trainings: readonly PublishedTraining[]): Record<string, string> {
  const links: Record<string, string> = {};
  for (const t of trainings) if (t.replacedBy !== null) links[t.odbNumber] = t.replacedBy;
  return links;
}

/** The browser's part of the search state (site/src/scripts/search.ts reads it). */
export const publicSearchState = (state: { delta: readonly string[]; superseded: readonly string[] }) =>
  JSON.stringify({ delta: state.delta.length > 0, superseded: state.superseded });

/** The state after a full build of the catalogue at `seq` (its main index: site/build.ts search-state.json). */
export function stateAfterFullBuild(seq: number, trainings: readonly PublishedTraining[], mainPages: Record<string, string>): UpdaterState {
  return {
    seq, listPages: listPageContents(trainings).map(digest), replacedBy: replacementsOf(trainings),
    mainPages, delta: [], superseded: [], deltaFiles: [], retired: {},
  };
}

/** The pages a change must render: the changed trainings and both sides of every replacement touching them. */
export function pagesToRender(changed: readonly string[], before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>, present: ReadonlySet<string>): string[] {
  const touched = new Set(changed);
  const render = new Set(changed);
  for (const links of [before, after]) {
    for (const [replaced, successor] of Object.entries(links)) {
      if (touched.has(successor)) render.add(replaced);
      if (touched.has(replaced)) render.add(successor);
    }
  }
  return [...render].filter((odb) => present.has(odb)).sort();
}

/** Applies every change since the state's sequence to the published site; see the file comment. */
export async function updateFromHead(options: UpdateOptions): Promise<UpdateResult> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const previous = await options.state.read();
  const memory = options.memory;
  if (previous === null) return { status: 'full-build', reason: 'no updater state (no live site)', memory };
  const assembled = await assembleCatalogue(options.store, memory);
  if (assembled === null) return { status: 'unchanged', memory };
  const next: CatalogueMemory = { seq: assembled.head.seq, trainings: assembled.snapshot.trainings, publishedAt: assembled.snapshot.publishedAt };
  if (assembled.head.seq === previous.seq) return { status: 'unchanged', memory: next };
  if (assembled.head.seq < previous.seq) return { status: 'full-build', reason: `the head (#${assembled.head.seq}) is behind the site (#${previous.seq})`, memory: next };
  const changed = odbNumbersChangedSince(assembled.head, previous.seq);
  if (changed === null) return { status: 'full-build', reason: `the head's feed no longer reaches back to #${previous.seq}`, memory: next };
  const maxChanges = options.maxChanges ?? 200;
  if (changed.length > maxChanges) return { status: 'full-build', reason: `${changed.length} trainings changed (more than ${maxChanges})`, memory: next };

  const trainings = next.trainings;
  const present = new Set(trainings.map((t) => t.odbNumber));
  const removed = changed.filter((odb) => !present.has(odb));
  const replacedBy = replacementsOf(trainings);
  const render = pagesToRender(changed, previous.replacedBy, replacedBy, present);

  // Search: every detail page changed since the main index in the delta; the main index's versions hidden.
  const delta = [...new Set([...previous.delta, ...render])].filter((odb) => present.has(odb)).sort();
  const superseded = new Set(previous.superseded);
  for (const odb of [...render, ...removed]) {
    const id = previous.mainPages[odb];
    if (id !== undefined) superseded.add(id);
  }
  const maxDelta = options.maxDelta ?? 1_000;
  if (delta.length + superseded.size > maxDelta) {
    return { status: 'full-build', reason: `the delta index would hold ${delta.length} pages and hide ${superseded.size} (more than ${maxDelta}): compact`, memory: next };
  }

  const listContents = listPageContents(trainings).map(digest);
  const listPages = changedPagesOf(previous.listPages, listContents);
  const removedListPages = Array.from({ length: Math.max(0, previous.listPages.length - listContents.length) }, (_, i) => listContents.length + i + 1);

  // Render: the changed pages, and the delta's other pages for the index (not published again).
  const snapshot: CatalogueSnapshot = { publishedAt: next.publishedAt, trainings };
  const renderSet = new Set(render);
  const publishPaths = [...render.map(detailPath), ...listPages.map(listPath), ...ALWAYS_RENDERED];
  const indexOnly = delta.filter((odb) => !renderSet.has(odb)).map(detailPath);
  const renderStarted = performance.now();
  const html = await options.renderer.render(snapshot, [...publishPaths, ...indexOnly]);
  progress(`rendered ${render.length} detail pages, ${listPages.length} of ${listContents.length} list pages and ${ALWAYS_RENDERED.length} other pages (+${indexOnly.length} delta pages for the index) in ${Math.round(performance.now() - renderStarted)} ms`);

  const indexStarted = performance.now();
  const indexFiles = delta.length === 0 ? [] : await options.indexer(delta.map((odb) => ({ url: detailPath(odb), html: html.get(detailPath(odb)) as string })));
  progress(`pagefind: delta index of ${delta.length} pages in ${Math.round(performance.now() - indexStarted)} ms`);
  const deltaFiles = indexFiles.map((f) => `${DELTA_PREFIX}${f.path}`);
  const known = new Set(previous.deltaFiles);
  const files: SiteFile[] = [
    ...publishPaths.map((path) => ({ key: keyOfPath(path), body: html.get(path) as string })),
    ...indexFiles.filter((f) => !(known.has(`${DELTA_PREFIX}${f.path}`) && contentNamed.test(f.path))).map((f) => ({ key: `${DELTA_PREFIX}${f.path}`, body: f.content })),
    { key: `${DELTA_PREFIX}state.json`, body: publicSearchState({ delta, superseded: [...superseded] }) },
  ];
  await options.output.put(files);

  // A removed training's page goes at once (it must not be offered any more); a delta index file that
  // left the index stays for the grace period, then goes.
  const now = options.now();
  const graceMs = options.graceMs ?? 60 * 60 * 1000;
  const inDelta = new Set(deltaFiles);
  const retired: Record<string, number> = {};
  for (const key of previous.deltaFiles) if (!inDelta.has(key)) retired[key] = now;
  for (const [key, since] of Object.entries(previous.retired)) if (!inDelta.has(key)) retired[key] = Math.min(since, retired[key] ?? since);
  const expired = Object.entries(retired).filter(([, since]) => now - since >= graceMs).map(([key]) => key);
  for (const key of expired) delete retired[key];
  const gone = [...removed.map(detailKey), ...removedListPages.map((n) => keyOfPath(listPath(n)))];
  await options.output.remove([...gone, ...expired]);

  await options.state.write({
    seq: assembled.head.seq, listPages: listContents, replacedBy, mainPages: previous.mainPages,
    delta, superseded: [...superseded].sort(), deltaFiles, retired,
  });
  return {
    status: 'updated', memory: next, seq: assembled.head.seq, publishedAt: next.publishedAt, trainings: trainings.length, changed, rendered: render.length,
    listPages, written: files.map((f) => f.key), removed: [...gone, ...expired], ms: Math.round(performance.now() - started),
  };
}
