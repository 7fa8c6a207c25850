/**
 * The per-change site updater in AWS (docs/decisions/0016, 0018): the same use case as the local one
 * (site/update.ts updateFromHead) with S3 adapters (site-updater-s3.ts), then one CloudFront
 * invalidation of exactly the changed paths; when a full build is due (first start, compaction, a feed
 * that no longer reaches back) it starts the build service instead, whose last step hands over to the
 * updater again (site/update-handover.ts). Use case: every port is an argument; the Lambda entry is
 * site-updater-lambda.ts, the composition with the AWS clients `awsSiteUpdater` below.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { updateFromHead, type CatalogueMemory, type UpdateOptions, type UpdateResult } from '../../site/update';
import { SITE_UPDATER_STATE_KEY } from './keys';
import { s3CatalogueStore } from './s3-store';
import { s3SiteOutput, s3UpdaterStateStore, type S3SiteOutput } from './site-updater-s3';

/** More changed paths than this: invalidate `/*` (CloudFront charges per path beyond its free tier). */
const MAX_INVALIDATION_PATHS = 500;

export interface SiteUpdaterPorts extends Omit<UpdateOptions, 'output'> {
  output: S3SiteOutput;
  invalidate(paths: string[]): Promise<void>;
  startFullBuild(reason: string): Promise<void>;
}

export async function updateSiteInAws(ports: SiteUpdaterPorts): Promise<UpdateResult & { invalidated: string[] }> {
  const result = await updateFromHead(ports);
  if (result.status === 'full-build') {
    await ports.startFullBuild(result.reason);
    return { ...result, invalidated: [] };
  }
  const paths = ports.output.invalidations();
  const invalidated = paths.length > MAX_INVALIDATION_PATHS ? ['/*'] : paths;
  if (invalidated.length > 0) await ports.invalidate(invalidated);
  return { ...result, invalidated };
}

export interface AwsSiteUpdaterConfig {
  s3: S3Client;
  catalogueBucket: string;
  siteBucket: string;
  renderer: UpdateOptions['renderer'];
  indexer: UpdateOptions['indexer'];
  invalidate(paths: string[]): Promise<void>;
  startFullBuild(reason: string): Promise<void>;
  log(message: string): void;
}

/** The updater with the AWS adapters; `memory` is the catalogue kept by a warm Lambda between changes. */
export function awsSiteUpdater(config: AwsSiteUpdaterConfig) {
  let memory: CatalogueMemory | undefined;
  return async () => {
    const result = await updateSiteInAws({
      store: s3CatalogueStore(config.catalogueBucket, config.s3),
      state: s3UpdaterStateStore(config.s3, config.catalogueBucket, SITE_UPDATER_STATE_KEY),
      output: s3SiteOutput(config.s3, config.siteBucket),
      renderer: config.renderer, indexer: config.indexer, now: () => Date.now(), onProgress: config.log,
      invalidate: config.invalidate, startFullBuild: config.startFullBuild,
      ...(memory === undefined ? {} : { memory }),
    });
    memory = result.memory;
    return result;
  };
}
