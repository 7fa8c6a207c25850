/**
 * The open-data downloads (`open-data/catalogus.json` and `.csv`): the whole published catalogue as
 * assembled from the shards (site-input.ts), never read from the table again, streamed into S3 by
 * multipart upload (@aws-sdk/lib-storage `Upload`: 8 MiB parts, so neither the local emulator's 11 MiB
 * body limit nor memory grows with the catalogue). The site updater calls it debounced, off the path
 * from a change to a live page (docs/decisions/0015: how stale the downloads may be).
 */
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { csvHeader, trainingCsvRow } from '../../shared/catalogue/csv';
import type { CatalogueSnapshot } from '../../shared/catalogue/published-training';
import { openDataKeys } from './keys';

/** The JSON download, record by record (the same bytes as `JSON.stringify(snapshot)` plus a newline). */
function* jsonChunks(snapshot: CatalogueSnapshot): Generator<string> {
  yield `{"publishedAt":${JSON.stringify(snapshot.publishedAt)},"trainings":[`;
  let first = true;
  for (const t of snapshot.trainings) {
    yield `${first ? '' : ','}${JSON.stringify(t)}`;
    first = false;
  }
  yield ']}\n';
}

/** The CSV download, row by row (shared/catalogue/csv.ts: BOM, RFC 4180, formula-safe cells). */
function* csvChunks(snapshot: CatalogueSnapshot): Generator<string> {
  yield csvHeader;
  for (const t of snapshot.trainings) yield `${trainingCsvRow(t)}\r\n`;
}

/** Groups small strings into ~1 MiB buffers (one stream chunk per record would be slow). */
function* batched(chunks: Iterable<string>): Generator<Buffer> {
  let parts: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= 1 << 20) {
      yield Buffer.from(parts.join(''), 'utf8');
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield Buffer.from(parts.join(''), 'utf8');
}

export interface OpenDataExport {
  seq: number;
  publishedAt: string;
  count: number;
}

/** Uploads both downloads; `seq` (the head's sequence they are of) goes into the objects' metadata. */
export async function exportOpenData(client: S3Client, bucket: string, snapshot: CatalogueSnapshot, seq: number): Promise<OpenDataExport> {
  const metadata = { seq: String(seq), 'published-at': snapshot.publishedAt, count: String(snapshot.trainings.length) };
  const upload = (key: string, contentType: string, chunks: Iterable<string>) => new Upload({
    client,
    params: { Bucket: bucket, Key: key, Body: Readable.from(batched(chunks)), ContentType: contentType, CacheControl: 'public, max-age=300', Metadata: metadata },
    partSize: 8 * 1024 * 1024,
    queueSize: 2,
  }).done();
  // One after the other: each holds at most queueSize parts in memory.
  await upload(openDataKeys.json, 'application/json; charset=utf-8', jsonChunks(snapshot));
  await upload(openDataKeys.csv, 'text/csv; charset=utf-8', csvChunks(snapshot));
  return { seq, publishedAt: snapshot.publishedAt, count: snapshot.trainings.length };
}

/** The export currently in the bucket (from the JSON object's metadata), or null. */
export async function currentOpenData(client: S3Client, bucket: string): Promise<OpenDataExport | null> {
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: openDataKeys.json }));
    const m = head.Metadata ?? {};
    return m.seq === undefined ? null : { seq: Number(m.seq), publishedAt: m['published-at'] ?? '', count: Number(m.count ?? 0) };
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
    throw error;
  }
}
