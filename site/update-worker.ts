/**
 * The local per-change updater process (forked by infra/local/site-builder.ts with tsx and a working
 * directory of its own under site/.astro/builds, see update-renderer.ts): keeps the warm renderer and
 * the catalogue in memory, and on each `update` message runs site/update.ts against the catalogue
 * bucket (S3 emulator), the state file and the live site folder (site/update-disk.ts).
 *
 * Input: argv[2] = JSON WorkerConfig. Messages in: { id, type: 'update' | 'warm' | 'stop' }; out: { id, ok, result | message }.
 * 'warm' (after a full build): read the whole catalogue into memory now, off the path of the next change.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { s3CatalogueStore } from '../functions/catalogue/s3-store';
import { assembleCatalogue } from '../functions/catalogue/site-input';
import { type CatalogueMemory, updateFromHead, type UpdateReport } from './update';
import { diskSiteOutput, diskStateStore } from './update-disk';
import { pagefindDeltaIndexer } from './update-pagefind';
import { startAstroRenderer, type PageRenderer } from './update-renderer';

export interface WorkerConfig {
  siteRoot: string;
  scratchDir: string;
  bucket: string;
  s3: { endpoint?: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string }; forcePathStyle: boolean };
  stateFile: string;
  /** The live site folder (a symlink: resolved per update). */
  liveDir: string;
  graceMs?: number;
}

export type WorkerReply =
  | { id: number; ok: true; result: UpdateReport }
  | { id: number; ok: false; message: string };

const config = JSON.parse(process.argv[2] ?? '{}') as WorkerConfig;
const store = s3CatalogueStore(config.bucket, new S3Client({
  region: config.s3.region, credentials: config.s3.credentials, forcePathStyle: config.s3.forcePathStyle,
  ...(config.s3.endpoint === undefined ? {} : { endpoint: config.s3.endpoint }),
}));
let renderer: Promise<PageRenderer> | undefined;
let memory: CatalogueMemory | undefined;
const log = (message: string) => process.send?.({ id: 0, log: message });

async function update(): Promise<UpdateReport> {
  renderer ??= startAstroRenderer({ root: config.siteRoot, scratchDir: join(config.scratchDir, 'out') });
  const result = await updateFromHead({
    store, state: diskStateStore(config.stateFile), renderer: await renderer, indexer: pagefindDeltaIndexer,
    output: diskSiteOutput(() => realpath(config.liveDir)), now: () => Date.now(), onProgress: log,
    ...(memory === undefined ? {} : { memory }), ...(config.graceMs === undefined ? {} : { graceMs: config.graceMs }),
  });
  memory = result.memory;
  const { memory: _kept, ...reply } = result;
  return reply;
}

let queue: Promise<unknown> = Promise.resolve();
/** Reads the catalogue into memory unless it is there and current. */
async function warm(): Promise<void> {
  const head = await store.readHead();
  if (head.status !== 'read' || memory?.seq === head.value.seq) return;
  const assembled = await assembleCatalogue(store, memory);
  if (assembled !== null) memory = { seq: assembled.head.seq, trainings: assembled.snapshot.trainings, publishedAt: assembled.snapshot.publishedAt };
}

process.on('message', (message: { id: number; type: 'update' | 'warm' | 'stop' }) => {
  queue = queue.then(async () => {
    if (message.type === 'warm') {
      await warm().catch(() => undefined);
      process.send?.({ id: message.id, ok: true, result: { status: 'unchanged' } });
      return;
    }
    if (message.type === 'stop') {
      await (await renderer?.catch(() => undefined))?.close();
      process.send?.({ id: message.id, ok: true, result: { status: 'unchanged' } }, () => process.exit(0));
      return;
    }
    try {
      process.send?.({ id: message.id, ok: true, result: await update() } satisfies WorkerReply);
    } catch (error) {
      // A failed start of the renderer is tried again on the next update.
      if (renderer !== undefined && await renderer.then(() => false, () => true)) renderer = undefined;
      process.send?.({ id: message.id, ok: false, message: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies WorkerReply);
    }
  });
});
// Warm up at once: the first change should pay neither the renderer's start nor reading every shard.
renderer = startAstroRenderer({ root: config.siteRoot, scratchDir: join(config.scratchDir, 'out') });
renderer.catch((error: unknown) => log(`renderer failed to start: ${error instanceof Error ? error.message : String(error)}`));
queue = queue.then(warm).catch(() => undefined);
process.on('disconnect', () => process.exit(0));
