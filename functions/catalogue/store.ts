/**
 * The catalogue bucket: published snapshots at `snapshots/latest.json` (the input of the site build and
 * of the open-data API) and a timestamped copy per publication (`snapshots/history/<publishedAt>.json`).
 * A new `latest.json` is what starts a site build (in AWS an S3 event rule starts the build service;
 * locally infra/local/site-builder.ts watches the object), so writing it is the last step.
 */
import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { s3 } from '../adapters/aws-clients';

import { LATEST_SNAPSHOT_KEY, snapshotCopyKey } from './keys';

export { LATEST_SNAPSHOT_KEY, SNAPSHOT_HISTORY_PREFIX, snapshotCopyKey } from './keys';

/** Object metadata of a snapshot (S3 user metadata, lower case). */
export interface SnapshotMetadata {
  /** SHA-256 of the trainings JSON: an unchanged catalogue is not published again. */
  trainingsSha256: string;
  /** When the registrations were read (ISO): changes older than this are in the snapshot. */
  sourceReadAt: string;
  count: number;
}

const isMissing = (error: unknown) =>
  error instanceof NoSuchKey || error instanceof NotFound
  || (error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchKey' || error.name === 'NotFound'));

export async function headSnapshot(bucket: string, key = LATEST_SNAPSHOT_KEY): Promise<{ etag: string; metadata: SnapshotMetadata | null } | null> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    const m = head.Metadata ?? {};
    const metadata = m['trainings-sha256'] && m['source-read-at']
      ? { trainingsSha256: m['trainings-sha256'], sourceReadAt: m['source-read-at'], count: Number(m.count ?? 0) }
      : null;
    return { etag: head.ETag ?? '', metadata };
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

export type ConditionalRead = { status: 'missing' } | { status: 'unchanged' } | { status: 'read'; etag: string; text: string };

/** Reads a snapshot unless its ETag is still `knownEtag` (conditional GET: 304 → `unchanged`). */
export async function readSnapshotText(bucket: string, knownEtag?: string, key = LATEST_SNAPSHOT_KEY): Promise<ConditionalRead> {
  try {
    const object = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(knownEtag ? { IfNoneMatch: knownEtag } : {}) }));
    const text = (await object.Body?.transformToString('utf-8')) ?? '';
    if (knownEtag !== undefined && object.ETag === knownEtag) return { status: 'unchanged' };
    return { status: 'read', etag: object.ETag ?? '', text };
  } catch (error) {
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 304) return { status: 'unchanged' };
    if (isMissing(error)) return { status: 'missing' };
    throw error;
  }
}

/** Writes the timestamped copy, then `latest.json` (the build trigger). */
export async function writeSnapshot(bucket: string, publishedAt: string, json: string, metadata: SnapshotMetadata): Promise<void> {
  const common = {
    Bucket: bucket,
    Body: json,
    ContentType: 'application/json; charset=utf-8',
    Metadata: { 'trainings-sha256': metadata.trainingsSha256, 'source-read-at': metadata.sourceReadAt, count: String(metadata.count) },
  };
  await s3().send(new PutObjectCommand({ ...common, Key: snapshotCopyKey(publishedAt) }));
  await s3().send(new PutObjectCommand({ ...common, Key: LATEST_SNAPSHOT_KEY, CacheControl: 'no-cache' }));
}
