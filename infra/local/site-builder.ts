/**
 * The local stand-in for the build service (CodeBuild in AWS): watches the catalogue's head
 * (`catalogue/head.json`, shared/catalogue/shards.ts) in the S3 emulator (HeadObject ETag, about every
 * second), and when it changed reads only the shards changed since the live build
 * (functions/catalogue/site-input.ts), builds the site (site/build.ts: an incremental update from the
 * live build, else Astro + Pagefind in full) into a fresh directory under `<dataDir>/site/builds/`, and
 * swaps it in atomically: `<dataDir>/site/current` is a symlink, replaced by rename.
 *
 * - A head that moves during a build is picked up by the first poll after it: exactly one next
 *   build, with every change since the live build (the heads in between are never built, and no
 *   change is lost: the shards changed since the live build's sequence are read).
 * - A failed build is logged and keeps the previous site online; the same head is not retried
 *   (the next one is).
 * - `<dataDir>/site/status.json` tells what is live and what is building (for tests and the bench).
 * - A superseded build stays in builds/ for a grace period (`supersededGraceMs`, default 2 minutes):
 *   a request that resolved the live build just before a swap (site-server.ts resolves it once per
 *   request) still finds every file of it. Then it is moved to `<dataDir>/site/trash/` (a rename) and
 *   deleted in the background while no build runs, never on the path from a new snapshot to a live
 *   site: deleting a 10k-training build (~20k files) took ~6 s.
 */
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CATALOGUE_HEAD_KEY } from '../../functions/catalogue/keys';
import { s3CatalogueStore } from '../../functions/catalogue/s3-store';
import { currentOpenData, exportOpenData } from '../../functions/catalogue/open-data';
import { assembleCatalogue } from '../../functions/catalogue/site-input';
import type { CatalogueSnapshot, PublishedTraining } from '../../shared/catalogue/published-training';
import type { BuildSiteOptions, BuildSiteResult, PublishSiteOptions, PublishSiteResult } from '../../site/build';

export interface SiteBuildInfo {
  /** ETag and sequence of the catalogue head the build is of. */
  etag: string;
  seq?: number;
  /** Shards read for this build (all without a live build; else those changed since it). */
  shardsRead?: number;
  publishedAt: string | null;
  trainings: number;
  /** When the build started and was live (ISO). */
  startedAt: string;
  liveAt?: string;
  ms?: number;
  pages?: number;
  /** 'update': incremental from the previous build (site/build.ts updateSite); 'full': everything. */
  mode?: 'update' | 'full';
}

export interface SiteStatus {
  state: 'waiting' | 'building' | 'idle';
  /** The open-data downloads in the bucket: the head sequence they are of, and when they were exported. */
  openData?: { seq: number; at: string; ms: number } | null;
  current: SiteBuildInfo | null;
  building: SiteBuildInfo | null;
  lastError: { etag: string; message: string; at: string } | null;
  builds: number;
}

export interface SiteBuilderOptions {
  dataDir: string;
  bucket: string;
  s3: S3Client;
  log: (line: string) => void;
  pollIntervalMs?: number;
  /** The build itself (default: site/build.ts, imported on first use). */
  build?: (options: BuildSiteOptions) => Promise<BuildSiteResult>;
  /**
   * Build with an incremental update from the live build when there is one, falling back to a full
   * build (default: site/build.ts publishSite, unless `build` is given: then always `build`).
   */
  publish?: (options: PublishSiteOptions) => Promise<PublishSiteResult>;
  /** How long a superseded build stays readable after the swap (default 120 000 ms). */
  supersededGraceMs?: number;
  /**
   * The open-data downloads (functions/catalogue/open-data.ts) are exported from the live build's
   * catalogue when the builder is idle, at most once per this interval (default 300 000 ms; the first
   * export right after the first live build), so they are at most this much (plus one export) behind.
   */
  openDataIntervalMs?: number;
}

export const siteDir = (dataDir: string) => join(dataDir, 'site');
export const currentSiteDir = (dataDir: string) => join(siteDir(dataDir), 'current');
export const siteStatusFile = (dataDir: string) => join(siteDir(dataDir), 'status.json');

export function readSiteStatus(dataDir: string): SiteStatus | null {
  const file = siteStatusFile(dataDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SiteStatus) : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function startSiteBuilder(options: SiteBuilderOptions) {
  const root = siteDir(options.dataDir);
  const buildsDir = join(root, 'builds');
  const trashDir = join(root, 'trash');
  const current = currentSiteDir(options.dataDir);
  const store = s3CatalogueStore(options.bucket, options.s3);
  const previous = readSiteStatus(options.dataDir);
  const status: SiteStatus = {
    state: 'waiting',
    // A persisted site stays live across restarts; it is rebuilt only when the snapshot changed.
    current: previous?.current && existsSync(current) ? previous.current : null,
    building: null,
    lastError: null,
    builds: 0,
  };
  let stopped = false;
  let warnedUnreachable = false;
  let idleResolvers: Array<() => void> = [];

  const saveStatus = async () => {
    await mkdir(root, { recursive: true });
    const temp = `${siteStatusFile(options.dataDir)}.tmp`;
    await writeFile(temp, JSON.stringify(status, null, 2));
    await rename(temp, siteStatusFile(options.dataDir));
  };

  /** Deletes a tree file by file, pausing while a build runs (deleting competes with it for the disk). */
  const removeWhenIdle = async (path: string): Promise<void> => {
    const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) await removeWhenIdle(child);
      else {
        while (status.state === 'building' && !stopped) await sleep(200);
        await rm(child, { force: true });
      }
    }
    await rm(path, { recursive: true, force: true, maxRetries: 3 });
  };
  /** Deletes everything in trash/, in the background; one deletion at a time (`stop` waits for it). */
  let emptying: Promise<void> = Promise.resolve();
  const emptyTrash = () => {
    emptying = emptying.then(async () => {
      const entries = await readdir(trashDir).catch(() => [] as string[]);
      for (const e of entries) await removeWhenIdle(join(trashDir, e)).catch(() => undefined);
    });
  };
  /** Moves build directories out of builds/ (a rename: instant) and deletes them in the background. */
  const discard = async (names: string[]) => {
    if (names.length === 0) return;
    await mkdir(trashDir, { recursive: true });
    for (const name of names) {
      await rename(join(buildsDir, name), join(trashDir, `${name}-${Date.now().toString(36)}`))
        .catch(() => rm(join(buildsDir, name), { recursive: true, force: true }));
    }
    emptyTrash();
  };
  /** Superseded builds (name → when it stopped being live): kept readable for the grace period. */
  const graceMs = options.supersededGraceMs ?? 120_000;
  const superseded = new Map<string, number>();
  const inGrace = (name: string) => (superseded.get(name) ?? -Infinity) > Date.now() - graceMs;
  /** Discards old build directories (never the live one, the one being built, or one in its grace period). */
  const cleanUp = async (keep: string[]) => {
    const entries = await readdir(buildsDir).catch(() => [] as string[]);
    const old = entries.filter((e) => !keep.includes(e) && !inGrace(e));
    for (const name of old) superseded.delete(name);
    await discard(old);
  };
  /** Discards the superseded builds whose grace period is over (called on idle polls). */
  const discardExpired = async () => {
    const expired = [...superseded.keys()].filter((name) => !inGrace(name));
    if (expired.length === 0) return;
    for (const name of expired) superseded.delete(name);
    await discard(expired);
  };

  /** The directory under builds/ the live symlink points into (`builds/<name>/out` → `<name>`). */
  const liveTarget = async () => (await readlink(current).catch(() => '')).split(/[\\/]/)[1] ?? '';

  async function buildLatest(): Promise<void> {
    // From the live build's catalogue (its sequence and trainings), only the shards changed since are read.
    const live = await liveTarget();
    const liveCatalogue = join(buildsDir, live, 'catalogue.json');
    let previous: { seq: number; trainings: PublishedTraining[] } | undefined;
    if (live !== '' && status.current?.seq !== undefined && existsSync(liveCatalogue)) {
      const parsed = JSON.parse(await readFile(liveCatalogue, 'utf8')) as { trainings: PublishedTraining[] };
      previous = { seq: status.current.seq, trainings: parsed.trainings };
    }
    const assembled = await assembleCatalogue(store, previous);
    if (assembled === null) return;
    if (previous !== undefined && status.current !== null && assembled.shardsRead === 0) {
      // The head moved without a shard changing since the live build.
      status.current = { ...status.current, etag: assembled.headEtag, seq: assembled.head.seq };
      await saveStatus();
      return;
    }
    const etag = assembled.headEtag;
    const publishedAt = assembled.snapshot.publishedAt;
    const trainings = assembled.snapshot.trainings.length;
    const text = JSON.stringify(assembled.snapshot);
    const info: SiteBuildInfo = { etag, seq: assembled.head.seq, shardsRead: assembled.shardsRead, publishedAt, trainings, startedAt: new Date().toISOString() };
    status.state = 'building';
    status.building = info;
    await saveStatus();
    await mkdir(buildsDir, { recursive: true });
    await cleanUp([await liveTarget()]);
    const workDir = await mkdtemp(join(buildsDir, 'build-'));
    const outDir = join(workDir, 'out');
    const cataloguePath = join(workDir, 'catalogue.json');
    await writeFile(cataloguePath, text);
    const started = performance.now();
    options.log(`site: building ${trainings} trainings (catalogue #${assembled.head.seq}, ${assembled.shardsRead} shards read)…`);
    try {
      const onProgress = (message: string) => options.log(`site:   ${message}`);
      let result: BuildSiteResult & { mode?: 'update' | 'full' };
      if (options.build !== undefined && options.publish === undefined) {
        result = await options.build({ cataloguePath, outDir, onProgress });
      } else {
        const publish = options.publish ?? (await import('../../site/build')).publishSite;
        // The live build (read only) and its snapshot, when the live site is the one status.json names.
        const live = await liveTarget();
        const previousCatalogue = join(buildsDir, live, 'catalogue.json');
        const previous = live !== '' && live !== basename(workDir) && status.current !== null && existsSync(previousCatalogue)
          ? { outDir: join(buildsDir, live, 'out'), cataloguePath: previousCatalogue } : undefined;
        result = await publish({ cataloguePath, outDir, onProgress, ...(previous === undefined ? {} : { previous }) });
      }
      // Atomic swap: a new symlink renamed over `current`; a request sees the old or the new site.
      const link = `${current}.${process.pid}.tmp`;
      await rm(link, { force: true });
      const previousLive = await liveTarget();
      await symlink(join('builds', basename(workDir), 'out'), link);
      await rename(link, current);
      // A request resolves the live build once (site-server.ts): the previous one stays for the grace period.
      if (previousLive !== '' && previousLive !== basename(workDir)) superseded.set(previousLive, Date.now());
      const ms = Math.round(performance.now() - started);
      status.current = { ...info, liveAt: new Date().toISOString(), ms, pages: result.pages, ...(result.mode === undefined ? {} : { mode: result.mode }) };
      status.lastError = null;
      status.builds++;
      options.log(`site: live — ${result.pages} pages, ${trainings} trainings, ${result.mode === 'update' ? 'updated' : 'built'} in ${seconds(ms)}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      status.lastError = { etag, message, at: new Date().toISOString() };
      options.log(`site: build failed; the previous site stays online.\n${message}`);
      await discard([basename(workDir)]);
    } finally {
      status.state = 'idle';
      status.building = null;
      await saveStatus();
    }
  }

  // Open-data downloads: debounced, off the path from a change to a live page (see openDataIntervalMs).
  const openDataIntervalMs = options.openDataIntervalMs ?? 300_000;
  let exported: { seq: number; at: number } | null | undefined;
  let exporting: Promise<void> | undefined;
  const maybeExportOpenData = () => {
    const live = status.current;
    if (exporting !== undefined || live === null || live.seq === undefined || stopped) return;
    exporting = (async () => {
      let last = exported;
      if (last === undefined) {
        const found = await currentOpenData(options.s3, options.bucket);
        last = found === null ? null : { seq: found.seq, at: 0 };
        exported = last;
      }
      if (last?.seq === live.seq) return;
      if (last !== null && last.at > Date.now() - openDataIntervalMs) return;
      const target = await liveTarget();
      const started = performance.now();
      const snapshot = JSON.parse(await readFile(join(buildsDir, target, 'catalogue.json'), 'utf8')) as CatalogueSnapshot;
      await exportOpenData(options.s3, options.bucket, snapshot, live.seq as number);
      const ms = Math.round(performance.now() - started);
      exported = { seq: live.seq as number, at: Date.now() };
      status.openData = { seq: exported.seq, at: new Date(exported.at).toISOString(), ms };
      await saveStatus();
      options.log(`site: open-data downloads exported (${snapshot.trainings.length} trainings, catalogue #${exported.seq}) in ${seconds(ms)}`);
    })().catch((error: unknown) => {
      options.log(`site: open-data export failed (retried later): ${error instanceof Error ? error.message : String(error)}`);
    }).finally(() => { exporting = undefined; });
  };

  const loop = (async () => {
    await saveStatus().catch(() => undefined);
    emptyTrash(); // left over from a stopped or crashed builder
    while (!stopped) {
      let busy = false;
      try {
        const head = await options.s3.send(new HeadObjectCommand({ Bucket: options.bucket, Key: CATALOGUE_HEAD_KEY }))
          .catch((error: { $metadata?: { httpStatusCode?: number } }) => {
            if (error.$metadata?.httpStatusCode === 404) return undefined;
            throw error;
          });
        warnedUnreachable = false;
        const etag = head?.ETag;
        if (etag !== undefined && etag !== status.current?.etag && etag !== status.lastError?.etag) {
          busy = true;
          await buildLatest();
        }
      } catch (error) {
        if (!warnedUnreachable && !stopped) options.log(`site: cannot read the catalogue: ${error instanceof Error ? error.message : String(error)}`);
        warnedUnreachable = true;
      }
      if (!busy) {
        await discardExpired().catch(() => undefined);
        maybeExportOpenData();
        const waiting = idleResolvers;
        idleResolvers = [];
        waiting.forEach((resolve) => resolve());
        await sleep(options.pollIntervalMs ?? 1000);
      }
    }
  })();

  return {
    status: () => status,
    /** Resolves after a poll that found nothing new to build. */
    idle: () => new Promise<void>((resolve) => idleResolvers.push(resolve)),
    /** Stops polling; a build in progress is not waited for longer than a few seconds. */
    async stop() {
      stopped = true;
      await Promise.race([loop, sleep(5_000)]);
      await emptying;
      await exporting;
    },
  };
}
