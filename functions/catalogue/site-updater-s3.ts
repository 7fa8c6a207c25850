/**
 * S3 adapters of the per-change site updater's ports (site/update.ts), for AWS: the state as one JSON
 * object under the catalogue bucket's `site-updater/` prefix (parsed with its schema on the way in),
 * and the site bucket as the output — the explicit changed files uploaded in site/s3-deploy.ts's order
 * (no bucket listing per change), removed files deleted — recording the URL paths whose cached copy
 * CloudFront must drop (site/deploy-plan.ts pathsOf). The local adapters: site/update-disk.ts.
 */
import { GetObjectCommand, PutObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import { pathsOf } from '../../site/deploy-plan';
import { deleteSiteFiles, putSiteFiles } from '../../site/s3-deploy';
import { contentNamed, UpdaterState, type SiteOutput, type UpdaterStateStore } from '../../site/update';

export function s3UpdaterStateStore(client: S3Client, bucket: string, key: string): UpdaterStateStore {
  return {
    async read() {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return UpdaterState.parse(JSON.parse((await object.Body?.transformToString('utf-8')) ?? ''));
      } catch (error) {
        if (error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchKey')) return null;
        throw error;
      }
    },
    async write(state) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(UpdaterState.parse(state)), ContentType: 'application/json; charset=utf-8' }));
    },
  };
}

export interface S3SiteOutput extends SiteOutput {
  /** The URL paths written or removed since the output was made (for one CloudFront invalidation). */
  invalidations(): string[];
}

export function s3SiteOutput(client: S3Client, bucket: string): S3SiteOutput {
  const paths = new Set<string>();
  const touched = (key: string) => { if (!contentNamed.test(key)) for (const path of pathsOf(key)) paths.add(path); };
  return {
    async put(files) {
      await putSiteFiles(client, bucket, files.map((f) => ({ key: f.key, body: async () => f.body })));
      files.forEach((f) => touched(f.key));
    },
    async remove(keys) {
      await deleteSiteFiles(client, bucket, keys);
      keys.forEach(touched);
    },
    invalidations: () => [...paths].sort(),
  };
}
