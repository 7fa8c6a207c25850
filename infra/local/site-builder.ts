/**
 * The local stand-in for the site updater and the build service of AWS: watches the catalogue's head
 * (`catalogue/head.json`, shared/catalogue/shards.ts) in the S3 emulator (HeadObject ETag, about every
 * second), and when it changed:
 * - with a live site, hands the change to the per-change updater (site/update.ts, in a warm process of
 *   its own: site/update-process.ts), which renders and indexes only what changed and replaces those
 *   files in the live folder in place (the same code as the Lambda in AWS, docs/decisions/0018);
 * - else, or when the updater answers that a full build is due (first start, compaction, a feed that
 *   no longer reaches back), assembles the whole catalogue from its shards (functions/catalogue/
 *   site-input.ts), builds it (site/build.ts: Astro + Pagefind) into a fresh directory under
 *   `<dataDir>/site/builds/`, swaps it in atomically (`<dataDir>/site/current` is a symlink, replaced by
 *   rename) and writes the updater's state for it (`<dataDir>/site/updater-state.json`).
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
import { currentOpenData, exportOpenData } from '../../functions/catalogue/s3-open-data';
import { assembleCatalogue } from '../../functions/catalogue/site-input';
import type { BuildSiteOptions, BuildSiteResult, SearchState } from '../../site/build';
import { stateAfterFullBuild } from '../../site/update';
import { diskStateStore } from '../../site/update-disk';
import type { UpdateProcess } from '../../site/update-process';

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
  /** 'update': the per-change updater (site/update.ts), in place; 'full': a full build, swapped in. */
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
  /**
   * The full build (default: site/build.ts buildSite, imported on first use). Given (a test's fake),
   * every change is a full build and no updater process is started.
   */
  build?: (options: BuildSiteOptions) => Promise<BuildSiteResult>;
  /** How long a file that left the delta index stays readable (the updater's grace, default an hour). */
  updaterGraceMs?: number;
  /** How long a superseded build stays readable after the swap (default 120 000 ms). */
  supersededGraceMs?: number;
  /**
   * The open-data downloads (functions/catalogue/s3-open-data.ts) are exported from the live build's
   * catalogue when the builder is idle, at most once per this interval (default 300 000 ms; the first
   * export right after the first live build), so they are at most this much (plus one export) behind.
   */
  openDataIntervalMs?: number;
}

export const siteDir = (dataDir: string) => join(dataDir, 'site');
export const currentSiteDir = (dataDir: string) => join(siteDir(dataDir), 'current');
export const siteStatusFile = (dataDir: string) => join(siteDir(dataDir), 'status.json');
export const updaterStateFile = (dataDir: string) => join(siteDir(dataDir), 'updater-state.json');

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

  // A temporary file per write: the open-data export saves while an update or a build does (one shared
  // name let the second rename fail with ENOENT — seen in the 50k bench).
  let saves = 0;
  const saveStatus = async () => {
    await mkdir(root, { recursive: true });
    const temp = `${siteStatusFile(options.dataDir)}.${process.pid}.${++saves}.tmp`;
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

  // The per-change updater (a warm process), unless a test replaced the build.
  const stateStore = diskStateStore(updaterStateFile(options.dataDir));
  let updater: Promise<UpdateProcess> | undefined;
  const updaterProcess = async () => {
    if (updater === undefined) {
      updater = (async () => {
        const credentials = await options.s3.config.credentials();
        const endpoint = await options.s3.config.endpoint?.();
        const region = await options.s3.config.region();
        const { startUpdateProcess } = await import('../../site/update-process');
        return startUpdateProcess({
        bucket: options.bucket, stateFile: updaterStateFile(options.dataDir), liveDir: current,
        s3: {
          region, forcePathStyle: options.s3.config.forcePathStyle ?? false,
          credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
          ...(endpoint === undefined ? {} : { endpoint: `${endpoint.protocol}//${endpoint.hostname}${endpoint.port ? `:${endpoint.port}` : ''}${endpoint.path}` }),
        },
        ...(options.updaterGraceMs === undefined ? {} : { graceMs: options.updaterGraceMs }),
      }, (line) => options.log(`site:   ${line}`));
      })();
    }
    return updater;
  };
  const useUpdater = options.build === undefined;

  /** A change to the live site through the updater; false when a full build is due instead. */
  async function updateLive(etag: string): Promise<boolean> {
    if (!useUpdater || status.current === null || !existsSync(current) || !existsSync(updaterStateFile(options.dataDir))) return false;
    const info: SiteBuildInfo = { etag, publishedAt: status.current.publishedAt, trainings: status.current.trainings, startedAt: new Date().toISOString() };
    status.state = 'building';
    status.building = info;
    await saveStatus();
    const started = performance.now();
    try {
      const result = await (await updaterProcess()).update();
      if (result.status === 'full-build') {
        options.log(`site: a full build is due (${result.reason})`);
        return false;
      }
      const ms = Math.round(performance.now() - started);
      if (result.status === 'unchanged') {
        status.current = { ...status.current, etag };
      } else {
        status.current = {
          ...info, seq: result.seq, trainings: result.trainings, publishedAt: result.publishedAt, liveAt: new Date().toISOString(),
          ms, pages: result.written.filter((k) => k.endsWith('.html')).length, mode: 'update', shardsRead: status.current.shardsRead ?? 0,
        };
        status.builds++;
        status.lastError = null;
        options.log(`site: live — ${result.changed.length} trainings changed, ${result.written.length} files written, ${result.removed.length} removed, updated in ${seconds(ms)}`);
      }
      return true;
    } catch (error) {
      options.log(`site: the update failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); full build`);
      return false;
    } finally {
      status.state = 'idle';
      status.building = null;
      await saveStatus();
    }
  }

  async function buildLatest(etagSeen: string): Promise<void> {
    if (await updateLive(etagSeen)) return;
    // A full build reads every shard: the live folder may have been updated in place since its build.
    const assembled = await assembleCatalogue(store);
    if (assembled === null) return;
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
      const build = options.build ?? (await import('../../site/build')).buildSite;
      const result = await build({ cataloguePath, outDir, onProgress });
      // The updater's state is of the live site: none while the swap happens (a crash then means a full build).
      await rm(updaterStateFile(options.dataDir), { force: true });
      // Atomic swap: a new symlink renamed over `current`; a request sees the old or the new site.
      const link = `${current}.${process.pid}.tmp`;
      await rm(link, { force: true });
      const previousLive = await liveTarget();
      await symlink(join('builds', basename(workDir), 'out'), link);
      await rename(link, current);
      // A request resolves the live build once (site-server.ts): the previous one stays for the grace period.
      if (previousLive !== '' && previousLive !== basename(workDir)) superseded.set(previousLive, Date.now());
      if (useUpdater) {
        const search = JSON.parse(await readFile(join(outDir, 'search-state.json'), 'utf8')) as SearchState;
        await stateStore.write(stateAfterFullBuild(assembled.head.seq, assembled.snapshot.trainings, search.mainPages));
        // The updater reads the catalogue now, not when the next change comes.
        void updaterProcess().then((p) => p.warm()).catch(() => undefined);
      }
      const ms = Math.round(performance.now() - started);
      status.current = { ...info, liveAt: new Date().toISOString(), ms, pages: result.pages, mode: 'full' };
      status.lastError = null;
      status.builds++;
      options.log(`site: live — ${result.pages} pages, ${trainings} trainings, built in ${seconds(ms)}`);
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
      const started = performance.now();
      // From the shards (the live folder is updated in place, so its build's catalogue.json may be older).
      const assembled = await assembleCatalogue(store);
      if (assembled === null) return;
      const snapshot = assembled.snapshot;
      await exportOpenData(options.s3, options.bucket, snapshot, assembled.head.seq);
      const ms = Math.round(performance.now() - started);
      exported = { seq: assembled.head.seq, at: Date.now() };
      status.openData = { seq: exported.seq, at: new Date(exported.at).toISOString(), ms };
      await saveStatus();
      options.log(`site: open-data downloads exported (${snapshot.trainings.length} trainings, catalogue #${exported.seq}) in ${seconds(ms)}`);
    })().catch((error: unknown) => {
      options.log(`site: open-data export failed (retried later): ${error instanceof Error ? error.message : String(error)}`);
    }).finally(() => { exporting = undefined; });
  };

  const loop = (async () => {
    await saveStatus().catch(() => undefined);
    // Warm from the start: the first change pays neither the renderer's start nor reading every shard.
    if (useUpdater) void updaterProcess().catch((error: unknown) => options.log(`site: the updater did not start: ${error instanceof Error ? error.message : String(error)}`));
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
          await buildLatest(etag);
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
      await (await updater?.catch(() => undefined))?.stop();
    },
  };
}
