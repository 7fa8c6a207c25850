/**
 * Lambda entry of the per-change site updater (container image, arm64: infra/docker/site-updater.Dockerfile;
 * infra/cdk/stacks/site-stack.ts): started by every new catalogue head, one at a time (reserved
 * concurrency 1). Composition only: functions/catalogue/site-updater.ts. The warm renderer and the
 * catalogue stay in the execution environment between changes; the first change after a cold start
 * reads every shard once.
 */
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { CodeBuildClient, StartBuildCommand } from '@aws-sdk/client-codebuild';
import type { S3Client } from '@aws-sdk/client-s3';
import { cp, mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { pagefindDeltaIndexer } from '../../site/update-pagefind';
import { startAstroRenderer } from '../../site/update-renderer';
import { clientConfig, s3 } from '../adapters/aws-clients';
import { baseEnv, parseEnv } from '../config/env';
import { logger } from '../observability/logger';
import type { CatalogueMemory, UpdateOptions } from '../../site/update';
import { SITE_UPDATER_STATE_KEY } from './keys';
import { s3CatalogueStore } from './s3-store';
import { updateSiteInAws } from './site-updater';
import { s3SiteOutput, s3UpdaterStateStore } from './site-updater-s3';

const updaterEnv = baseEnv.extend({
  CATALOGUE_BUCKET: z.string().min(1),
  SITE_BUCKET: z.string().min(1),
  DISTRIBUTION_ID: z.string().min(1),
  /** The build service (full builds); absent in the build service's own handover (site/update-handover.ts). */
  SITE_BUILD_PROJECT: z.string().min(1).optional(),
  /** Where the image holds the repository (the site sources and node_modules). */
  LAMBDA_TASK_ROOT: z.string().min(1).default('/var/task'),
});

/**
 * Astro writes under the site's root and the working directory; the image is read-only, so the site
 * and shared sources (small) are copied to /tmp, node_modules linked, and the process works there.
 */
async function writableSite(env: z.output<typeof updaterEnv>): Promise<string> {
  const work = await mkdtemp('/tmp/site-updater-');
  for (const dir of ['site', 'shared']) await cp(join(env.LAMBDA_TASK_ROOT, dir), join(work, dir), { recursive: true, filter: (src) => !src.includes('/node_modules') });
  await symlink(join(env.LAMBDA_TASK_ROOT, 'node_modules'), join(work, 'node_modules'));
  const cwd = join(work, 'site', '.astro', 'builds', 'updater');
  await mkdir(cwd, { recursive: true });
  process.chdir(cwd);
  return join(work, 'site');
}

/** The updater with its AWS clients; `siteRoot`: a writable site project (default: a copy in /tmp, for Lambda). */
export async function startAwsSiteUpdater(options: { siteRoot?: string } = {}) {
  const env = parseEnv(updaterEnv);
  const root = options.siteRoot ?? await writableSite(env);
  const renderer = await startAstroRenderer({ root: `${root}/`, scratchDir: join(process.cwd(), '.astro', 'site-updater-out') });
  // Only this function uses them: made here with the one client configuration, not in the factory every bundle imports.
  const cloudFront = new CloudFrontClient(clientConfig());
  const codeBuild = new CodeBuildClient(clientConfig());
  return awsSiteUpdater({
    s3: s3(), catalogueBucket: env.CATALOGUE_BUCKET, siteBucket: env.SITE_BUCKET, renderer, indexer: pagefindDeltaIndexer,
    log: (message) => logger.info(message),
    invalidate: async (paths) => {
      await cloudFront.send(new CreateInvalidationCommand({
        DistributionId: env.DISTRIBUTION_ID,
        InvalidationBatch: { CallerReference: `site-updater-${Date.now()}`, Paths: { Quantity: paths.length, Items: paths } },
      }));
    },
    startFullBuild: async (reason) => {
      logger.info('A full site build is due', { reason });
      if (env.SITE_BUILD_PROJECT === undefined) return;
      try {
        await codeBuild.send(new StartBuildCommand({ projectName: env.SITE_BUILD_PROJECT }));
      } catch (error) {
        // One build at a time: one that runs already ends with the handover, which catches up.
        if (error instanceof Error && /LimitExceeded/.test(error.name)) logger.info('A full site build is already running');
        else throw error;
      }
    },
  });
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

let updater: ReturnType<typeof startAwsSiteUpdater> | undefined;

export async function handler(): Promise<{ status: string; seq?: number; written?: number; removed?: number; invalidated: number }> {
  updater ??= startAwsSiteUpdater();
  updater.catch(() => { updater = undefined; });
  const result = await (await updater)();
  const summary = result.status === 'updated'
    ? { status: result.status, seq: result.seq, written: result.written.length, removed: result.removed.length, invalidated: result.invalidated.length }
    : { status: result.status, invalidated: 0 };
  logger.info('Site updated', summary);
  return summary;
}
