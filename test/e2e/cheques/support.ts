/**
 * Serves a built site and, on the same origin, forwards `/v1/*` and `/local-auth/*` to the shared test
 * stack's gateway. Same origin, so the page needs no CORS grant for a test port; the gateway, the
 * handlers and the local sign-in page are the real ones.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.wasm': 'application/wasm',
};

export interface SiteWithApi {
  url: string;
  setRoot(root: string): void;
  close(): Promise<void>;
}

export async function serveSiteWithApi(apiUrl: string): Promise<SiteWithApi> {
  let base = '';
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname.startsWith('/v1/') || url.pathname.startsWith('/local-auth/')) {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) {
          if (value !== undefined && !['host', 'connection', 'content-length'].includes(name)) headers[name] = Array.isArray(value) ? value.join(',') : value;
        }
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const upstream = await fetch(`${apiUrl}${url.pathname}${url.search}`, {
          method: req.method ?? 'GET', headers, redirect: 'manual', ...(body ? { body } : {}),
        });
        const out: Record<string, string> = {};
        upstream.headers.forEach((value, name) => { if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) out[name] = value; });
        res.writeHead(upstream.status, out).end(Buffer.from(await upstream.arrayBuffer()));
        return;
      }
      const root = normalize(base + sep);
      let file = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!file.startsWith(root)) { res.writeHead(400).end(); return; }
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!url.pathname.endsWith('/')) { res.writeHead(301, { location: `${url.pathname}/` }).end(); return; }
        file = join(file, 'index.html');
      }
      const found = await stat(file).catch(() => undefined);
      if (!found?.isFile()) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream', 'content-length': found.size });
      createReadStream(file).pipe(res);
    } catch {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setRoot: (root) => { base = root; },
    close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
  };
}
