/**
 * The catalogue search as a visitor meets it, in Chromium: time from the last key (Enter) to the
 * results on screen, measured in the page, and every request it made with its size. Used by
 * `npm run bench -- site` and by `npm run bench -- site-search` (an already built site).
 *
 * Bytes are counted as served (body + headers) for the page AND its workers (Pagefind searches in a
 * Web Worker, which a page-level CDP session does not see). The local site server does not compress;
 * CloudFront does (infra/cdk/stacks/site-stack.ts `compress: true`) for text types, so each request
 * also gets its gzip size (`wireBytes`: gzip for text, as served for Pagefind's own gzipped files).
 */
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';

export interface FetchedFile {
  url: string;
  /** Body + headers as served by the local server. */
  bytes: number;
  /** What CloudFront would send: gzip of a text body (+ headers), or the body as is. */
  wireBytes: number;
  /** Request start → response end, ms (from the request's own timing). */
  ms: number;
}

export interface QueryMeasure {
  query: string;
  /** Last key (Enter) → results on screen, measured in the page. */
  ms: number;
  bytes: number;
  wireBytes: number;
  files: FetchedFile[];
  /** The result count line the page shows. */
  results: string;
  /** Where the page's search spent its time (the page's own `window.__searchTimings`, if any). */
  timings: Record<string, number>;
}

const textTypes = /^(text\/|application\/(json|javascript))/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Records every finished request of `context` (page and workers) until `take()` is called. */
export function recordRequests(context: BrowserContext): { take: () => Promise<FetchedFile[]> } {
  let pending: Array<Promise<FetchedFile | undefined>> = [];
  context.on('requestfinished', (request) => {
    pending.push((async () => {
      try {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        const timing = request.timing();
        const type = (await response?.headerValue('content-type')) ?? '';
        const body = textTypes.test(type) ? await response?.body().catch(() => undefined) : undefined;
        const wireBody = body === undefined ? sizes.responseBodySize : gzipSync(body).length;
        return {
          url: request.url().replace(/^https?:\/\/[^/]+/, ''),
          bytes: sizes.responseBodySize + sizes.responseHeadersSize,
          wireBytes: wireBody + sizes.responseHeadersSize,
          ms: Math.max(0, timing.responseEnd),
        };
      } catch {
        return undefined;
      }
    })());
  });
  return {
    take: async () => {
      const files = (await Promise.all(pending)).filter((f): f is FetchedFile => f !== undefined);
      pending = [];
      return files;
    },
  };
}

/** Types `query` into the search box of `page`, presses Enter and measures until the results show. */
export async function timedQuery(page: Page, query: string, requests: { take: () => Promise<FetchedFile[]> }): Promise<QueryMeasure> {
  await requests.take();
  await page.evaluate(() => {
    const w = window as unknown as { __lastKey: number; __shown: number; __searchTimings?: Record<string, number> };
    w.__lastKey = 0;
    w.__shown = 0;
    // The page's own timings object (site/src/scripts/search.ts): emptied, not replaced.
    for (const key of Object.keys(w.__searchTimings ?? {})) delete w.__searchTimings?.[key];
    document.getElementById('q')?.addEventListener('keydown', () => { w.__lastKey = performance.now(); });
    const count = document.getElementById('result-count') as HTMLElement;
    const list = document.getElementById('results') as HTMLElement;
    // Shown: the count says how many were found AND the first results are in the list (they wait for
    // their fragments, after the count), or nothing was found; then the next frame.
    new MutationObserver(() => {
      const text = count.textContent ?? '';
      const done = /^Geen/.test(text) || (/gevonden/.test(text) && list.children.length > 0);
      if (done && w.__lastKey > 0 && w.__shown === 0) {
        w.__shown = -1;
        requestAnimationFrame(() => { w.__shown = performance.now(); });
      }
    }).observe(document.getElementById('results-section') as HTMLElement, { childList: true, characterData: true, subtree: true });
  });
  const input = page.getByLabel('Zoekterm of ODB-nummer');
  await input.fill('');
  await input.pressSequentially(query, { delay: 20 });
  await input.press('Enter');
  await page.waitForFunction(() => (window as unknown as { __shown: number }).__shown > 0, undefined, { timeout: 120_000 });
  const { ms, timings } = await page.evaluate(() => {
    const w = window as unknown as { __lastKey: number; __shown: number; __searchTimings?: Record<string, number> };
    return { ms: w.__shown - w.__lastKey, timings: w.__searchTimings ?? {} };
  });
  await sleep(300);
  const files = await requests.take();
  return {
    query, ms, timings, files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    wireBytes: files.reduce((sum, f) => sum + f.wireBytes, 0),
    results: (await page.locator('#result-count').textContent()) ?? '',
  };
}

/** What kind of file a request is, for the breakdown (Pagefind's file names carry hashes). */
export function fileKind(url: string): string {
  const path = url.replace(/\?.*$/, '');
  const base = path.startsWith('/pagefind-delta/') ? 'delta ' : path.startsWith('/pagefind/') ? '' : 'page ';
  const rest = path.replace(/^\/pagefind(-delta)?\//, '');
  if (/^fragment\//.test(rest)) return `${base}fragment`;
  if (/^index\//.test(rest)) return `${base}index chunk`;
  if (/^filter\//.test(rest)) return `${base}filter`;
  if (/\.pf_meta$/.test(rest)) return `${base}meta`;
  if (/^wasm\./.test(rest)) return `${base}wasm`;
  return `${base}${rest.replace(/^.*\//, '')}`;
}

/** Lines of a per-kind breakdown: count, bytes as served, gzip (wire) bytes. */
export function breakdown(files: FetchedFile[]): string[] {
  const kinds = new Map<string, { n: number; bytes: number; wire: number; ms: number }>();
  for (const f of files) {
    const kind = fileKind(f.url);
    const k = kinds.get(kind) ?? { n: 0, bytes: 0, wire: 0, ms: 0 };
    k.n++;
    k.bytes += f.bytes;
    k.wire += f.wireBytes;
    k.ms = Math.max(k.ms, f.ms);
    kinds.set(kind, k);
  }
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  return [...kinds].sort((a, b) => b[1].bytes - a[1].bytes)
    .map(([kind, k]) => `${kind.padEnd(28)} ${String(k.n).padStart(3)} × = ${kb(k.bytes).padStart(9)} served, ${kb(k.wire).padStart(9)} gzip; slowest ${Math.round(k.ms)} ms`);
}
