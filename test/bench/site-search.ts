/**
 * `npm run bench -- site-search --site <built site dir> [--queries jeugd,heftruck] [--runs 3]`: the
 * catalogue search in Chromium on an already built site (`npx tsx site/build.ts --catalogue … --out …`),
 * without the full republish of `npm run bench -- site`: the first query on a fresh profile, then the
 * next ones, each with time (last key → results on screen), bytes and every request by kind. With
 * `--runs N` the whole sequence runs N times (fresh profile each) and the medians are printed.
 */
import { parseArgs } from 'node:util';
import { launchBrowser, serveStatic } from '../e2e/site/support';
import { breakdown, recordRequests, timedQuery, type QueryMeasure } from './_site-query';

const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    queries: { type: 'string', default: 'jeugd,heftruck' },
    runs: { type: 'string', default: '1' },
  },
});
if (values.site === undefined) {
  console.error('usage: npm run bench -- site-search --site <built site dir> [--queries jeugd,heftruck] [--runs 3]');
  process.exit(2);
}
const queries = values.queries.split(',').filter((q) => q !== '');
const runs = Math.max(1, Number(values.runs));
const server = await serveStatic(values.site);
const all: QueryMeasure[][] = [];
for (let run = 0; run < runs; run++) {
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  const requests = recordRequests(browser.context);
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  await requests.take();
  const measures: QueryMeasure[] = [];
  for (const q of queries) measures.push(await timedQuery(page, q, requests));
  all.push(measures);
  await browser.close();
}
await server.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(`\nbench site-search — ${values.site} (${runs} run${runs === 1 ? '' : 's'}, fresh profile each; medians)\n`);
queries.forEach((q, i) => {
  const per = all.map((m) => m[i] as QueryMeasure);
  const last = per[per.length - 1] as QueryMeasure;
  console.log(`${i === 0 ? 'first' : 'next'} query "${q}": ${Math.round(median(per.map((m) => m.ms)))} ms (each: ${per.map((m) => Math.round(m.ms)).join(', ')}), `
    + `${Math.round(median(per.map((m) => m.bytes)) / 1024)} KB served, ${Math.round(median(per.map((m) => m.wireBytes)) / 1024)} KB gzip — ${last.results}`);
  if (Object.keys(last.timings).length > 0) console.log(`  page timings (last run): ${Object.entries(last.timings).map(([k, v]) => `${k} ${Math.round(v)} ms`).join(', ')}`);
  for (const line of breakdown(last.files)) console.log(`  ${line}`);
});
process.exit(0);
