/**
 * The S3 adapter of the catalogue object store (store.ts): the head and the shards as JSON objects of
 * the catalogue bucket, parsed with their zod schemas on the way in. Conditional writes use S3's
 * `If-Match` / `If-None-Match: *` on PutObject (real S3 answers 412, or 409 for a concurrent
 * conditional write). The local S3 emulator (fauxqs 2.4) ignores both headers on PutObject: locally
 * the writers are serialised in process instead (publish.ts) — see docs/decisions/0015.
 */
import { GetObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import { CatalogueHead, CatalogueShard, type ShardContent } from '../../shared/catalogue/shards';
import { s3 } from '../adapters/aws-clients';
import { CATALOGUE_HEAD_KEY, shardKey } from './keys';
import type { CatalogueObjectStore, Read, WriteResult } from './store';

const status = (error: unknown) => (error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined);
const isMissing = (error: unknown) =>
  error instanceof NoSuchKey || error instanceof NotFound || status(error) === 404
  || (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound'));

async function readJson<T>(client: S3Client, bucket: string, key: string, parse: (raw: unknown) => T, knownEtag: string | undefined): Promise<Read<T>> {
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(knownEtag ? { IfNoneMatch: knownEtag } : {}) }));
    const text = (await object.Body?.transformToString('utf-8')) ?? '';
    if (knownEtag !== undefined && object.ETag === knownEtag) return { status: 'unchanged' };
    return { status: 'read', etag: object.ETag ?? '', value: parse(JSON.parse(text)) };
  } catch (error) {
    if (status(error) === 304) return { status: 'unchanged' };
    if (isMissing(error)) return { status: 'missing' };
    throw error;
  }
}

async function writeJson(client: S3Client, bucket: string, key: string, body: string, expected: string | null): Promise<WriteResult> {
  try {
    const put = await client.send(new PutObjectCommand({
      Bucket: bucket, Key: key, Body: body, ContentType: 'application/json; charset=utf-8', CacheControl: 'no-cache',
      ...(expected === null ? { IfNoneMatch: '*' } : { IfMatch: expected }),
    }));
    return { status: 'written', etag: put.ETag ?? '' };
  } catch (error) {
    if (status(error) === 412 || status(error) === 409) return { status: 'conflict' };
    throw error;
  }
}

/** `client`: the functions' shared S3 client by default (it follows AWS_ENDPOINT_URL_S3). */
export function s3CatalogueStore(bucket: string, client: S3Client = s3()): CatalogueObjectStore {
  return {
    readHead: (knownEtag) => readJson(client, bucket, CATALOGUE_HEAD_KEY, (raw) => CatalogueHead.parse(raw), knownEtag),
    writeHead: (head, expected) => writeJson(client, bucket, CATALOGUE_HEAD_KEY, JSON.stringify(CatalogueHead.parse(head)), expected),
    readShard: (shard, knownEtag) =>
      readJson<ShardContent>(client, bucket, shardKey(shard), (raw) => {
        const { shard: named, ...content } = CatalogueShard.parse(raw);
        if (named !== shard) throw new Error(`catalogue shard ${shard}: the object says it is shard ${named}`);
        return content;
      }, knownEtag),
    writeShard: (shard, content, expected) => writeJson(client, bucket, shardKey(shard), JSON.stringify({ shard, ...content }), expected),
  };
}
