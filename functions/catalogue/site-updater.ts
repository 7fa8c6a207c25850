/**
 * The per-change site updater in AWS (docs/decisions/0016, 0018): the same use case as the local one
 * (site/update.ts updateFromHead) with S3 adapters (site-updater-s3.ts), then one CloudFront
 * invalidation of exactly the changed paths; when a full build is due (first start, compaction, a feed
 * that no longer reaches back) it starts the build service instead, whose last step hands over to the
 * updater again (site/update-handover.ts). Use case: every port is an argument; the Lambda entry is
 * site-updater-lambda.ts, which also composes it with the AWS clients (`awsSiteUpdater`).
 */
import { updateFromHead, type UpdateOptions, type UpdateResult } from '../../site/update';
import type { S3SiteOutput } from './site-updater-s3';

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
