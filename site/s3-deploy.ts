/**
 * Deploys a built site to the site bucket (in AWS, from the build service: infra/cdk/stacks/site-stack.ts):
 * the plan of site/deploy-plan.ts — only changed files uploaded (MD5 against the objects' ETags), files
 * that left the build kept for a grace period and deleted after it, and the changed paths written as a
 * CloudFront invalidation batch for `aws cloudfront create-invalidation --invalidation-batch file://…`.
 *
 *   npx tsx site/s3-deploy.ts --dir /tmp/site --bucket <site bucket> --invalidation-file /tmp/invalidation.json
 */
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { OPEN_DATA_PREFIX } from '../functions/catalogue/keys';
import { planDeploy, uploadGroup, type DeployPlan, type LocalFile, type RemoteObject } from './deploy-plan';

/** The deployer's own state in the site bucket: when each superseded file left the build. */
export const DEPLOY_STATE_KEY = '_deploy/superseded.json';
/** An hour: longer than a visitor keeps a search page open and fetching index chunks. */
export const DEFAULT_GRACE_MS = 60 * 60 * 1000;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

async function localFiles(dir: string): Promise<Array<LocalFile & { path: string }>> {
  const out: Array<LocalFile & { path: string }> = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const key = relative(dir, path).split(sep).join('/');
    out.push({ key, path, md5: createHash('md5').update(await readFile(path)).digest('hex') });
  }
  return out;
}

async function remoteObjects(client: S3Client, bucket: string): Promise<RemoteObject[]> {
  const out: RemoteObject[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ...(token ? { ContinuationToken: token } : {}) }));
    for (const o of page.Contents ?? []) if (o.Key !== undefined) out.push({ key: o.Key, etag: o.ETag ?? '' });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}

async function readState(client: S3Client, bucket: string): Promise<Record<string, number>> {
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: DEPLOY_STATE_KEY }));
    const parsed: unknown = JSON.parse((await object.Body?.transformToString('utf-8')) ?? '{}');
    if (parsed === null || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number'));
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return {};
    throw error;
  }
}

/**
 * Uploads site files in the plan's order (hashed assets, index chunks and other files, pages, then the
 * entry files: a reader never sees a file that points at one not there yet), 16 at a time within a
 * group. Used by the full deployment below and, with the explicit changed set and no bucket listing,
 * by the per-change updater in AWS (functions/catalogue/site-updater-s3.ts).
 */
export async function putSiteFiles(client: S3Client, bucket: string, files: ReadonlyArray<{ key: string; body: () => Promise<string | Uint8Array> }>): Promise<void> {
  const groups = new Map<number, Array<(typeof files)[number]>>();
  for (const file of files) groups.set(uploadGroup(file.key), [...(groups.get(uploadGroup(file.key)) ?? []), file]);
  for (const g of [...groups.keys()].sort()) {
    const list = groups.get(g) ?? [];
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(16, list.length) }, async () => {
      while (next < list.length) {
        const file = list[next++] as (typeof files)[number];
        await client.send(new PutObjectCommand({
          Bucket: bucket, Key: file.key, Body: await file.body(), ContentType: contentTypes[extname(file.key)] ?? 'application/octet-stream',
          CacheControl: file.key.startsWith('_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=60',
        }));
      }
    }));
  }
}

/** Deletes site files, 1000 per request. */
export async function deleteSiteFiles(client: S3Client, bucket: string, keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 1000) {
    await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true } }));
  }
}

export interface DeployOptions {
  client: S3Client;
  dir: string;
  bucket: string;
  now?: number;
  graceMs?: number;
}

export async function deploySite(options: DeployOptions): Promise<DeployPlan> {
  const dir = resolve(options.dir);
  const [local, remote, superseded] = await Promise.all([localFiles(dir), remoteObjects(options.client, options.bucket), readState(options.client, options.bucket)]);
  const plan = planDeploy(local, remote, {
    now: options.now ?? Date.now(), graceMs: options.graceMs ?? DEFAULT_GRACE_MS, superseded,
    keep: (key) => key.startsWith(OPEN_DATA_PREFIX) || key.startsWith('_deploy/'),
  });
  const byKey = new Map(local.map((f) => [f.key, f]));
  await putSiteFiles(options.client, options.bucket, plan.upload.map((key) => ({ key, body: () => readFile((byKey.get(key) as LocalFile & { path: string }).path) })));
  await deleteSiteFiles(options.client, options.bucket, plan.delete);
  await options.client.send(new PutObjectCommand({ Bucket: options.bucket, Key: DEPLOY_STATE_KEY, Body: JSON.stringify(plan.superseded), ContentType: 'application/json', CacheControl: 'no-store' }));
  return plan;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, bucket: { type: 'string' }, 'invalidation-file': { type: 'string' } } });
  if (values.dir === undefined || values.bucket === undefined || values['invalidation-file'] === undefined) {
    console.error('usage: npx tsx site/s3-deploy.ts --dir <built site> --bucket <site bucket> --invalidation-file <path>');
    process.exit(2);
  }
  const { s3 } = await import('../functions/adapters/aws-clients');
  const plan = await deploySite({ client: s3(), dir: values.dir, bucket: values.bucket });
  // Empty file: nothing to invalidate (the buildspec skips the call).
  await writeFile(values['invalidation-file'], plan.invalidate.length === 0 ? '' : JSON.stringify({
    Paths: { Quantity: plan.invalidate.length, Items: plan.invalidate }, CallerReference: `site-${Date.now()}`,
  }));
  console.error(`deployed: ${plan.upload.length} uploaded, ${plan.delete.length} deleted, ${Object.keys(plan.superseded).length} kept for the grace period, ${plan.invalidate.length} paths to invalidate`);
}
