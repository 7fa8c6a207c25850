import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { MAGIC_BYTES_NEEDED } from './magic-bytes';

/**
 * The documents bucket: presigned POST upload slots and the inspection of what arrived.
 * Path-style locally (S3 emulator); `WHEN_REQUIRED` so presigning adds no checksum real S3 rejects.
 */
let client: S3Client | undefined;

export function s3(): S3Client {
  client ??= new S3Client({
    forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  return client;
}

/** Seconds an upload slot stays valid. */
export const UPLOAD_SLOT_SECONDS = 15 * 60;

export interface UploadSlot {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
  maxBytes: number;
}

/**
 * A presigned POST for exactly this key, this Content-Type and this size. Real S3 enforces the policy;
 * the emulator does not, so `inspectUpload` + `verifyUpload` check the same things after the upload.
 */
export async function createUploadSlot(bucket: string, key: string, contentType: string, size: number, now: Date): Promise<UploadSlot> {
  const { url, fields } = await createPresignedPost(s3(), {
    Bucket: bucket,
    Key: key,
    Conditions: [
      ['eq', '$Content-Type', contentType],
      ['content-length-range', size, size],
    ],
    Fields: { 'Content-Type': contentType },
    Expires: UPLOAD_SLOT_SECONDS,
  });
  return { url, fields, expiresAt: new Date(now.getTime() + UPLOAD_SLOT_SECONDS * 1000).toISOString(), maxBytes: size };
}

export interface Inspection {
  size: number;
  contentType: string | undefined;
  /** The first bytes (at most MAGIC_BYTES_NEEDED). */
  head: Uint8Array;
}

const isMissing = (error: unknown) => {
  const name = (error as { name?: string }).name;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return name === 'NotFound' || name === 'NoSuchKey' || status === 404;
};

/** Size, stored Content-Type and first bytes of an uploaded object; null when nothing was uploaded. */
export async function inspectUpload(bucket: string, key: string): Promise<Inspection | null> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    const size = head.ContentLength ?? 0;
    if (size === 0) return { size, contentType: head.ContentType, head: new Uint8Array() };
    const object = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${MAGIC_BYTES_NEEDED - 1}` }));
    const bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
    return { size, contentType: head.ContentType, head: bytes.subarray(0, MAGIC_BYTES_NEEDED) };
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

export async function deleteUpload(bucket: string, key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}
