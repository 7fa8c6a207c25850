/**
 * What a site deployment to the site bucket does (pure; site/s3-deploy.ts runs it in AWS): upload only
 * the files whose content changed, keep files that left the build for a grace period (a visitor's open
 * search may still fetch a superseded Pagefind chunk; a page may be in a browser's back stack), delete
 * them after it, and invalidate only the paths that changed. Replaces `aws s3 sync --delete` and a `/*`
 * invalidation (issue 13). Decision note: docs/decisions/0016-site-updater-in-aws.md.
 */

export interface LocalFile { key: string; md5: string }
export interface RemoteObject { key: string; etag: string }

/** Keys that never take part (written by others: the open-data downloads, this deployer's own state). */
export interface DeployPlanOptions {
  now: number;
  graceMs: number;
  /** Key → when it left the build (ms), from the previous deployment's state. */
  superseded: Readonly<Record<string, number>>;
  keep: (key: string) => boolean;
  /** More changed paths than this: invalidate `/*` (CloudFront charges per path beyond its free tier). */
  maxInvalidationPaths?: number;
}

export interface DeployPlan {
  upload: string[];
  delete: string[];
  /** The next state: files out of the build, still kept, with when they left it. */
  superseded: Record<string, number>;
  invalidate: string[];
}

/** The files a search or a page load reads first: uploaded last, so they never point at a missing file. */
const entryFiles = /(^|\/)(pagefind-entry\.json|state\.json)$/;
/** Upload group of a key, uploaded in this order: 0 hashed assets, 1 index chunks and other files, 2 pages, 3 entry files. */
export const uploadGroup = (key: string) => (key.startsWith('_astro/') ? 0 : entryFiles.test(key) ? 3 : key.endsWith('.html') ? 2 : 1);

/** S3's ETag of a single-part upload is the MD5 of the body, in quotes. */
const md5OfEtag = (etag: string) => etag.replace(/"/g, '');

/** The URL paths a key is served under (CloudFront's directory index: `x/index.html` is also `/x/`). */
export function pathsOf(key: string): string[] {
  if (key === 'index.html') return ['/', '/index.html'];
  if (key.endsWith('/index.html')) return [`/${key.slice(0, -'index.html'.length)}`, `/${key}`];
  return [`/${key}`];
}

export function planDeploy(local: readonly LocalFile[], remote: readonly RemoteObject[], options: DeployPlanOptions): DeployPlan {
  const remoteByKey = new Map(remote.filter((o) => !options.keep(o.key)).map((o) => [o.key, md5OfEtag(o.etag)]));
  const localKeys = new Set(local.map((f) => f.key));
  const upload = local.filter((f) => remoteByKey.get(f.key) !== f.md5).map((f) => f.key)
    .sort((a, b) => uploadGroup(a) - uploadGroup(b) || (a < b ? -1 : 1));
  const superseded: Record<string, number> = {};
  const remove: string[] = [];
  for (const key of remoteByKey.keys()) {
    if (localKeys.has(key)) continue;
    const since = options.superseded[key] ?? options.now;
    if (options.now - since >= options.graceMs) remove.push(key);
    else superseded[key] = since;
  }
  // Changed paths: replaced objects (a cached old version) and deleted ones. A new key was never served
  // but as a 404, which CloudFront keeps one minute (the distribution's error caching).
  const changed = [...upload.filter((key) => remoteByKey.has(key)), ...remove];
  const paths = [...new Set(changed.flatMap(pathsOf))].sort();
  const max = options.maxInvalidationPaths ?? 500;
  return { upload, delete: remove.sort(), superseded, invalidate: paths.length > max ? ['/*'] : paths };
}
