import { PutObjectCommand } from '@aws-sdk/client-s3';
import { s3 } from './aws-clients';

/** Where issue orders are dropped for the issuer (R-CHQ-7): one JSON file per key in its bucket. */
export interface IssuerDrop {
  /** Writes `body` at `key`; returns where it went (the outbox's receipt). Idempotent per key. */
  put(key: string, body: string): Promise<string>;
}

/** The issuer bucket on S3. */
export const s3IssuerDrop = (bucket: string): IssuerDrop => ({
  async put(key, body) {
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json' }));
    return `s3://${bucket}/${key}`;
  },
});
