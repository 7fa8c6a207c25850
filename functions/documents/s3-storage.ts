import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3 } from '../adapters/aws-clients';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { UPLOAD_SLOT_SECONDS, type DocumentStorage } from './storage';

export { UPLOAD_SLOT_SECONDS, type UploadSlot } from './storage';

/**
 * S3 adapter of the document storage port. The S3 client comes from the one client factory
 * (path-style locally, `WHEN_REQUIRED` so presigning adds no checksum real S3 rejects).
 */
export { s3 };

const isStatus = (error: unknown, ...codes: number[]) => {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status !== undefined && codes.includes(status);
};
const isMissing = (error: unknown) => {
  const name = (error as { name?: string }).name;
  return name === 'NotFound' || name === 'NoSuchKey' || isStatus(error, 404);
};

export function s3DocumentStorage(bucket: string): DocumentStorage {
  return {
    /**
     * Real S3 enforces the policy (exact key, Content-Type, `content-length-range`); the emulator does
     * not, so the confirm checks the same things after the upload.
     */
    async uploadSlot(key, contentType, size, now) {
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
    },

    async read(key, maxBytes) {
      try {
        const head = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        const size = head.ContentLength ?? 0;
        if (size === 0 || size > maxBytes) return { size, contentType: head.ContentType, bytes: new Uint8Array() };
        const object = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${maxBytes - 1}` }));
        const bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
        // what was read is what is judged (and, if accepted, stored): size and type of these bytes
        return { size: bytes.length < size ? bytes.length : size, contentType: object.ContentType ?? head.ContentType, bytes };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async promote(from, to, checked) {
      await s3().send(new PutObjectCommand({
        Bucket: bucket, Key: to, Body: checked.bytes, ...(checked.contentType ? { ContentType: checked.contentType } : {}),
      }));
      await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: from }));
    },

    async delete(key) {
      await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
