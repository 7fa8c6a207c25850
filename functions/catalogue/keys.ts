/**
 * Object keys of the catalogue bucket: the one source for the republisher, the API, the local site
 * builder and the CDK app (the build trigger and the build service's read permission). No SDK import,
 * so the CDK app can take it. Layout: docs/decisions/0015-catalogue-shards.md.
 */

/** The head: sequence, per-shard sequences and the change feed (shared/catalogue/shards.ts). Writing it is the last step of a change. */
export const CATALOGUE_HEAD_KEY = 'catalogue/head.json';

export const CATALOGUE_SHARD_PREFIX = 'catalogue/shards/';

/** One shard's published records. */
export const shardKey = (shard: string) => `${CATALOGUE_SHARD_PREFIX}${shard}.json`;

/** The open-data downloads, exported from the shards (debounced, multipart). */
export const OPEN_DATA_PREFIX = 'open-data/';
export const openDataKeys = { json: `${OPEN_DATA_PREFIX}catalogus.json`, csv: `${OPEN_DATA_PREFIX}catalogus.csv` } as const;

/** The per-change site updater's state in AWS (site/update.ts UpdaterState; its own prefix: functions/catalogue/site-updater.ts). */
export const SITE_UPDATER_PREFIX = 'site-updater/';
export const SITE_UPDATER_STATE_KEY = `${SITE_UPDATER_PREFIX}state.json`;
