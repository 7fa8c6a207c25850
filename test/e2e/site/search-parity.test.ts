/**
 * Issue 13: ONE search semantics for the site and GET /v1/trainings. A table of queries (words, plurals,
 * -e endings, ODB numbers in every spelling, filters) runs against the built site's Pagefind index in
 * Chromium — through the same request the site's search script makes (shared/catalogue/search.ts
 * pagefindRequest) — and against the API's search (the same module's index, what functions/api/catalogue.ts
 * serves); both must find the same trainings.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogue } from '../../../infra/local/seed/demo-trainings';
import type { CatalogueSnapshot } from '../../../shared/catalogue/published-training';
import { buildSearchIndex, pagefindRequest, search, type SearchFilters, type SearchIndex } from '../../../shared/catalogue/search';
import { buildSite } from '../../../site/build';
import { launchBrowser, serveStatic, type Browser, type StaticServer } from './support';

let work: string;
let snapshot: CatalogueSnapshot;
let index: SearchIndex;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'search-parity-'));
  snapshot = demoCatalogue(200, 7, '2026-01-15T06:00:00.000Z');
  const cataloguePath = join(work, 'catalogue.json');
  await writeFile(cataloguePath, JSON.stringify(snapshot));
  await buildSite({ cataloguePath, outDir: join(work, 'out') });
  index = buildSearchIndex(snapshot.trainings);
  server = await serveStatic(join(work, 'out'));
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(`${server.url}/`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

/** ODB numbers the site's Pagefind index finds for the request the site's search script makes. */
async function siteHits(q: string, filters: SearchFilters): Promise<string[]> {
  const request = pagefindRequest(q, filters);
  // A script text, not a function: the test runner would rewrite a dynamic import() in a function.
  const odbs = await page.evaluate(`(async () => {
    const pf = await import('/pagefind/pagefind.js');
    await pf.options({ baseUrl: '/' });
    await pf.init();
    const found = await pf.search(${JSON.stringify(request.term)}, { filters: ${JSON.stringify(request.filters)} });
    return Promise.all(found.results.map(async (r) => (await r.data()).meta.odb ?? '?'));
  })()`) as string[];
  return odbs.sort();
}

const apiHits = (q: string, filters: SearchFilters) => search(index, { q, ...filters }).map((doc) => index.trainings[doc]!.odbNumber).sort();

describe('one search semantics: site (Pagefind) and API give the same hits (issue 13)', () => {
  it('for a table of words, plurals, -e endings, ODB numbers in every spelling and filters', async () => {
    const trainings = snapshot.trainings;
    const modular = trainings.find((t) => t.modules.length > 1 && t.status === 'active')!;
    const replaced = trainings.find((t) => t.status === 'replaced')!;
    const kbo = trainings[0]!.provider.kbo;
    const table: Array<[string, SearchFilters]> = [
      ['jeugd', {}], ['Jeugd', {}], ['heftruck', {}], ['heftrucks', {}], ['opleiding', {}], ['opleidingen', {}],
      ['technische', {}], ['technisch', {}], ['lassen', {}], ['lasser', {}], ['zorg', {}], ['verzorgende', {}],
      ['boekhouden', {}], ['veiligheid', {}], ['lassen roestvast', {}], ['heftruck zzzzqqq', {}], ['zzzzqqq', {}], ['heftruck lassen', {}],
      [trainings[0]!.odbNumber, {}], [trainings[0]!.odbNumber.toLowerCase(), {}], [trainings[0]!.odbNumber.replace('-', ''), {}],
      [trainings[0]!.odbNumber.replace('-', ' '), {}], [modular.modules[1]!.odbNumber, {}], [replaced.odbNumber, {}],
      ['opleiding', { group: 'basic' }], ['', { group: 'professionSpecific' }],
      ['', { provider: `${kbo.slice(0, 4)}.${kbo.slice(4, 7)}.${kbo.slice(7)}` }],
      ['', { size: 'lt32' }], ['opleiding', { blended: true }], ['', { chequeCategory: 'shortageOccupation' }],
      [replaced.title.split(' ')[0]!, {}],
    ];
    // The one known difference: Pagefind 1.6 stems with Snowball 3's revised Dutch algorithm, which also
    // undoubles a final double consonant ("lassen" → "las", so it also finds "lastdiagrammen"); the API's
    // @orama/stemmers implements the original Snowball Dutch ("lassen" → "lass"). For such a query the
    // API's hits must be a subset of the site's; every other query must give exactly the same hits.
    const knownStemmerDifference = new Set(['lassen', 'heftruck lassen']);
    const differences: string[] = [];
    let nonEmpty = 0;
    for (const [q, filters] of table) {
      const [site, api] = [await siteHits(q, filters), apiHits(q, filters)];
      if (api.length > 0) nonEmpty++;
      if (knownStemmerDifference.has(q)) {
        expect(api.every((o) => site.includes(o)), q).toBe(true);
        continue;
      }
      if (JSON.stringify(site) !== JSON.stringify(api)) {
        const onlySite = site.filter((o) => !api.includes(o));
        const onlyApi = api.filter((o) => !site.includes(o));
        differences.push(`${JSON.stringify(q)} ${JSON.stringify(filters)}: site ${site.length}, api ${api.length}; only site ${onlySite.slice(0, 5).join(',')}; only api ${onlyApi.slice(0, 5).join(',')}`);
      }
    }
    expect(differences).toEqual([]);
    // The table is not vacuous: most queries find something.
    expect(nonEmpty).toBeGreaterThan(table.length - 5);
  }, 120_000);
});
