import { documentsBucket } from '../storage/definitions';

/**
 * The port to the documents bucket. The S3 adapter is `s3-storage.ts`; unit tests use the in-memory fake
 * (test/unit/provider/fakes), and both pass the contract suite (test/unit/provider/contracts/
 * document-storage.ts).
 *
 * ASVS 5.2 / issue 12: a client uploads only to a QUARANTINE key (the presigned POST is for exactly
 * that key). The server reads the object once, checks those bytes, and writes exactly THOSE bytes to
 * a FINAL key no client can write; the quarantine object is deleted. What the back office downloads
 * is always what was checked, even if the client posts again to its (still valid) slot meanwhile.
 */

export interface UploadSlot {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
  maxBytes: number;
}

export interface StoredObject {
  size: number;
  contentType: string | undefined;
  /** The whole content (objects larger than `maxBytes` are not read: empty). */
  bytes: Uint8Array;
}

export interface DocumentStorage {
  /** A presigned POST for exactly this key, Content-Type and size; valid `UPLOAD_SLOT_SECONDS`. */
  uploadSlot(key: string, contentType: string, size: number, now: Date): Promise<UploadSlot>;
  /** The object, or null when nothing was uploaded; the content is read only up to `maxBytes`. */
  read(key: string, maxBytes: number): Promise<StoredObject | null>;
  /** Writes `checked` (the bytes read and checked, not whatever is at `from` now) to `to`, then deletes `from`. */
  promote(from: string, to: string, checked: Pick<StoredObject, 'bytes' | 'contentType'>): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Seconds an upload slot stays valid. */
export const UPLOAD_SLOT_SECONDS = 15 * 60;

/** Where clients upload; everything under it expires after a day, and only there may the provider function delete. */
export const QUARANTINE_PREFIX = documentsBucket.clientUploadPrefix;

export const quarantineKey = (finalKey: string) => `${QUARANTINE_PREFIX}${finalKey}`;
