/**
 * Object keys of the catalogue bucket: the one source for the republisher, the API, the local site
 * builder and the CDK app (the build trigger and the build service's read permission). No SDK import,
 * so the CDK app can take it.
 */
import { catalogueBucket } from '../storage/definitions';

/** The published snapshot: the input of the site build and of the open-data API. */
export const LATEST_SNAPSHOT_KEY = 'snapshots/latest.json';

/** Timestamped copies expire (the bucket definition's lifecycle rule is on this prefix). */
export const SNAPSHOT_HISTORY_PREFIX = catalogueBucket.expirePrefix;

export const snapshotCopyKey = (publishedAt: string) => `${SNAPSHOT_HISTORY_PREFIX}${publishedAt.replace(/[:]/g, '-')}.json`;
