/**
 * The local static server of the public site (CloudFront + S3 in AWS): serves `<dataDir>/site/current`
 * (the live build, a symlink the site builder swaps) on 127.0.0.1:SITE_PORT. `/x/` → `/x/index.html`,
 * `/x` → 301 `/x/`, unknown paths → the site's 404 page. While no build exists yet it answers with a
 * short Dutch page that refreshes itself. The open-data downloads (`/open-data/catalogus.json`, `.csv`)
 * come from the catalogue bucket, where the site builder exports them (functions/catalogue/s3-open-data.ts).
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Stats } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { openDataKeys } from '../../functions/catalogue/keys';
import { extname, join, normalize, sep } from 'node:path';
import { siteContentSecurityPolicy } from '../../shared/catalogue/site-security';
import { guardRequests } from './request-guard';
import { currentSiteDir } from './site-builder';

export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  // Pagefind's index and fragments (gzip-compressed by Pagefind itself, decompressed in the browser).
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

const buildingPage = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="3">
<title>De site wordt gebouwd — Opleidingsdatabank</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1d1d1b;line-height:1.5}h1{font-size:1.6rem}</style>
</head>
<body>
<main>
<h1>De site wordt gebouwd</h1>
<p>De catalogus van opleidingen wordt gepubliceerd. Deze pagina ververst vanzelf zodra de site klaar is.</p>
</main>
</body>
</html>
`;

interface OpenFile {
  path: string;
  handle: FileHandle;
  info: Stats;
}

/** Opens a file for reading; undefined when it is not there (or not readable). */
async function openFile(path: string): Promise<OpenFile | undefined> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (handle === undefined) return undefined;
  const info = await handle.stat().catch(() => undefined);
  if (info === undefined) {
    await handle.close().catch(() => undefined);
    return undefined;
  }
  return { path, handle, info };
}

/** Streams an opened file as the body (headers already written) and closes it; a read error ends the answer. */
function send(req: IncomingMessage, res: ServerResponse, file: OpenFile): void {
  if (req.method === 'HEAD') {
    res.end();
    void file.handle.close().catch(() => undefined);
    return;
  }
  const stream = file.handle.createReadStream({ autoClose: true });
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

/** The site's CSP with the local stack's origins: the API and the sign-in page are on other local ports. */
export const LOCAL_SITE_CSP = siteContentSecurityPolicy({ connect: ['http://127.0.0.1:*', 'http://localhost:*'], formAction: ['http://127.0.0.1:*', 'http://localhost:*'] });

export interface SiteServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Where the open-data downloads are read from (the bucket the site builder exports them to). */
export interface OpenDataSource { s3: S3Client; bucket: string }

/** The live site of the local stack: `<dataDir>/site/current`, swapped by the site builder. */
export function startSiteServer(options: { dataDir: string; port: number; host?: string; log?: (line: string) => void; openData?: OpenDataSource }): Promise<SiteServer> {
  return serveSite({
    root: currentSiteDir(options.dataDir), port: options.port,
    ...(options.host ? { host: options.host } : {}), ...(options.log ? { log: options.log } : {}), ...(options.openData ? { openData: options.openData } : {}),
  });
}

const openDataPaths = new Map(Object.values(openDataKeys).map((key) => [`/${key}`, key]));

/** Streams an open-data download from the bucket; false when it is not (yet) there. */
async function sendOpenData(req: IncomingMessage, res: ServerResponse, source: OpenDataSource, key: string): Promise<boolean> {
  const object = await source.s3.send(new GetObjectCommand({ Bucket: source.bucket, Key: key })).catch((error: { $metadata?: { httpStatusCode?: number } }) => {
    if (error.$metadata?.httpStatusCode === 404) return undefined;
    throw error;
  });
  if (object?.Body === undefined) return false;
  res.writeHead(200, {
    'content-type': object.ContentType ?? 'application/octet-stream',
    ...(object.ContentLength === undefined ? {} : { 'content-length': object.ContentLength }),
    'cache-control': object.CacheControl ?? 'no-cache',
    ...(object.LastModified ? { 'last-modified': object.LastModified.toUTCString() } : {}),
  });
  const body = object.Body as Readable;
  if (req.method === 'HEAD') {
    body.destroy();
    res.end();
  } else {
    await new Promise<void>((resolve, reject) => { body.pipe(res).on('finish', resolve).on('error', reject); body.on('error', reject); });
  }
  return true;
}

/**
 * Serves a built site from `root` (a folder, or a symlink resolved once per request so a swap during
 * a request cannot mix two builds). Also used by the browser tests to serve a build they made.
 */
export async function serveSite(options: { root: string; port: number; host?: string; log?: (line: string) => void; contentSecurityPolicy?: string; openData?: OpenDataSource }): Promise<SiteServer> {
  const current = options.root;
  const csp = options.contentSecurityPolicy ?? LOCAL_SITE_CSP;
  const server: Server = createServer(guardRequests('site', async (req, res) => {
    // The security headers CloudFront adds in AWS (the same CSP text: shared/catalogue/site-security.ts).
    res.setHeader('content-security-policy', csp);
    res.setHeader('x-content-type-options', 'nosniff');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    // Resolve the live build once per request: a swap during the request cannot mix two builds, and
    // the site builder keeps a superseded build for a grace period, so the resolved one stays readable.
    const root = await realpath(current).catch(() => undefined);
    if (root === undefined) {
      res.writeHead(503, { 'content-type': contentTypes['.html'] as string, 'cache-control': 'no-store', 'retry-after': '3' });
      res.end(req.method === 'HEAD' ? undefined : buildingPage);
      return;
    }
    const base = normalize(root + sep);
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const openDataKey = openDataPaths.get(pathname);
    if (openDataKey !== undefined && options.openData !== undefined && await sendOpenData(req, res, options.openData, openDataKey)) return;
    const file = normalize(join(base, pathname));
    if (!file.startsWith(base) && `${file}${sep}` !== base) {
      res.writeHead(400).end();
      return;
    }
    // Each file is opened once and then only read through its descriptor: a file that exists when it
    // is opened is served whole even when its build is moved away meanwhile.
    let opened = await openFile(file);
    if (opened?.info.isDirectory()) {
      await opened.handle.close();
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      opened = await openFile(join(file, 'index.html'));
    }
    if (opened !== undefined && !opened.info.isFile()) {
      await opened.handle.close();
      opened = undefined;
    }
    if (opened === undefined) {
      const page = await openFile(join(base, '404.html'));
      res.writeHead(404, { 'content-type': contentTypes['.html'] as string, 'cache-control': 'no-cache' });
      if (page === undefined) res.end('Niet gevonden');
      else send(req, res, page);
      return;
    }
    res.writeHead(200, {
      'content-type': contentTypes[extname(opened.path)] ?? 'application/octet-stream',
      'content-length': opened.info.size,
      // Every build replaces every file: let the browser revalidate rather than cache stale pages.
      'cache-control': 'no-cache',
      'last-modified': opened.info.mtime.toUTCString(),
    });
    send(req, res, opened);
  }, options.log));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
