/**
 * The public catalogue, built from 200 demo trainings and driven in Chromium. Self-contained: builds
 * the site into a temp dir, serves it on a free port and needs nothing from the global setup.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogue } from '../../../infra/local/seed/demo-trainings';
import { buildSite } from '../../../site/build';
import { formatKboNumber } from '../../../shared/catalogue/kbo-number';
import {
  chequeCategoryLabels,
  competenceGroupLabels,
  incentiveLabels,
} from '../../../shared/catalogue/labels';
import type { CatalogueSnapshot, PublishedTraining } from '../../../shared/catalogue/published-training';
import { launchBrowser, serveStatic, type Browser, type StaticServer } from './support';

let work: string;
let snapshot: CatalogueSnapshot;
let server: StaticServer;
let browser: Browser;
let page: Page;

function find(predicate: (t: PublishedTraining) => boolean, what: string): PublishedTraining {
  const t = snapshot.trainings.find(predicate);
  if (t === undefined) throw new Error(`demo data has no ${what}`);
  return t;
}

async function search(query: string): Promise<string> {
  await page.goto(`${server.url}/`);
  await page.getByLabel('Zoekterm of ODB-nummer').fill(query);
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  // The first search loads the index (and merges the delta index): allow for a busy machine.
  await expect.poll(() => page.locator('#result-count').textContent(), { timeout: 20_000 }).toMatch(/gevonden/);
  return (await page.locator('#result-count').textContent()) ?? '';
}

async function resultCount(): Promise<number> {
  const text = (await page.locator('#result-count').textContent()) ?? '';
  if (text.startsWith('Geen')) return 0;
  return Number(/^([\d.]+)/.exec(text)?.[1]?.replaceAll('.', '') ?? Number.NaN);
}

async function expectNoAxeViolations(what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'catalogue-site-'));
  snapshot = demoCatalogue(200, 7, '2026-01-15T06:00:00.000Z');
  const cataloguePath = join(work, 'catalogue.json');
  await writeFile(cataloguePath, JSON.stringify(snapshot));
  const built = await buildSite({ cataloguePath, outDir: join(work, 'out') });
  expect(built.pages).toBeGreaterThanOrEqual(200);
  server = await serveStatic(join(work, 'out'));
  browser = await launchBrowser();
  page = await browser.context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('search', () => {
  it('R-CHQ-1: "jeugd" finds Jeugd- en gehandicaptenzorg with its ODB number', async () => {
    // A keyword search offers active registrations only (status policy, shared/catalogue/search.ts).
    const youthCare = snapshot.trainings.filter((t) => t.title.startsWith('Jeugd- en gehandicaptenzorg') && t.status === 'active');
    expect(youthCare.length).toBeGreaterThan(0);

    await search('jeugd');
    // Ten results per page: show them all ("Toon meer resultaten" until it is gone).
    const more = page.getByRole('button', { name: 'Toon meer resultaten' });
    await expect.poll(() => page.locator('#results li').count()).toBeGreaterThan(0);
    while (await more.isVisible()) {
      const shown = await page.locator('#results li').count();
      await more.click();
      await expect.poll(() => page.locator('#results li').count()).toBeGreaterThan(shown);
    }

    for (const t of youthCare) {
      const result = page.locator('#results li', { has: page.locator(`a[href="/opleidingen/${t.odbNumber}/"]`) });
      await expect.poll(() => result.count()).toBe(1);
      expect(await result.textContent()).toContain(t.odbNumber);
      expect(await result.locator('h3').textContent()).toContain('Jeugd- en gehandicaptenzorg');
    }
  });

  it('an ODB number finds exactly that training (also a module number, and in lower case)', async () => {
    const modular = find((t) => t.modules.length > 1 && t.status === 'active', 'modular training');
    const successor = find((t) => snapshot.trainings.some((o) => o.replacedBy === t.odbNumber), 'replacing training');
    const cases: Array<[string, string]> = [
      [snapshot.trainings[0]!.odbNumber, snapshot.trainings[0]!.odbNumber],
      [modular.odbNumber, modular.odbNumber],
      [modular.modules[1]!.odbNumber, modular.odbNumber],
      // The replaced registration names its successor, but is not a hit for the successor's number.
      [successor.odbNumber, successor.odbNumber],
      [modular.odbNumber.toLowerCase(), modular.odbNumber],
    ];
    for (const [query, expected] of cases) {
      await search(query);
      expect(await resultCount(), query).toBe(1);
      expect(await page.locator('#results li a').getAttribute('href'), query).toBe(`/opleidingen/${expected}/`);
    }
  });

  it('a filter narrows the results to exactly the matching trainings', async () => {
    await search('opleiding');
    const before = await resultCount();
    expect(before).toBeGreaterThan(10);

    await page.getByLabel('Competentiegroep').selectOption('basic');
    await expect.poll(resultCount).toBeLessThan(before);
    const basicHits = await resultCount();
    expect(basicHits).toBeGreaterThan(0);
    expect(page.url()).toContain('groep=');

    // With an empty query the filter alone lists every training of that group.
    await page.getByLabel('Zoekterm of ODB-nummer').fill('');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    // Only active registrations are offered (the status policy of shared/catalogue/search.ts).
    const basicAll = snapshot.trainings.filter((t) => t.competenceGroup === 'basic' && t.status === 'active').length;
    await expect.poll(resultCount).toBe(basicAll);

    await page.getByLabel('Blended leren').selectOption({ index: 1 });
    await expect.poll(resultCount).toBeLessThan(basicAll);
  });

  it('the search page and its results have no axe violations', async () => {
    await page.goto(`${server.url}/`);
    await expectNoAxeViolations('home');
    await search('heftruck');
    expect(await resultCount()).toBeGreaterThan(0);
    await expectNoAxeViolations('results');
  });
});

describe('detail pages', () => {
  it('show every published field of a modular training, without needing JavaScript', async () => {
    const t = find((x) => x.modules.length > 1 && x.status === 'active' && x.incentives.includes('opleidingscheques'), 'modular training');
    const html = await (await fetch(`${server.url}/opleidingen/${t.odbNumber}/`)).text();
    await page.goto(`${server.url}/opleidingen/${t.odbNumber}/`);
    const main = page.locator('main');

    expect(await page.locator('h1').textContent()).toBe(t.title);
    const text = (await main.textContent()) ?? '';
    for (const expected of [
      t.odbNumber, t.provider.name, formatKboNumber(t.provider.kbo), t.targetGroup,
      competenceGroupLabels[t.competenceGroup], chequeCategoryLabels[t.chequeCategory],
      ...t.competences, ...t.incentives.map((i) => incentiveLabels[i]),
      ...t.modules.flatMap((m) => [m.odbNumber, m.title]),
    ]) {
      expect(text, expected).toContain(expected);
      expect(html, `${expected} in the static HTML`).toContain(expected.replaceAll('&', '&amp;').replaceAll('’', '’'));
    }
    expect(text).toContain(t.description.slice(0, 60));
    expect(await main.locator(`time[datetime="${t.validFrom}"]`).count()).toBe(1);
    if (t.stopDate !== null) expect(await main.locator(`time[datetime="${t.stopDate}"]`).count()).toBe(1);
    else expect(text).toContain('Geen stopdatum');
    expect(text).toMatch(/contacturen|studiepunten/);
    expect(await main.locator(`a[href="${t.websiteUrl}"]`).count()).toBe(1);
    // One copy button for the training and one per module; hidden in the HTML, shown by the script.
    expect(html.match(/data-copy="/g)?.length).toBe(1 + t.modules.length);
    expect(await main.locator('button[data-copy]:visible').count()).toBe(1 + t.modules.length);
    await expectNoAxeViolations('detail');
  });

  it('the copy button copies the ODB number', async () => {
    const t = snapshot.trainings[0]!;
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`${server.url}/opleidingen/${t.odbNumber}/`);
    await page.locator('.odb-box button[data-copy]').click();
    await expect.poll(() => page.locator('#copy-status').textContent()).toBe(`${t.odbNumber} gekopieerd`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(t.odbNumber);
  });

  it('R-REG-2: a replaced registration links to the registration that replaced it', async () => {
    const old = find((t) => t.status === 'replaced', 'replaced training');
    await page.goto(`${server.url}/opleidingen/${old.odbNumber}/`);
    const notice = page.locator('.notice');
    expect(await notice.textContent()).toContain('vervangen');
    await expectNoAxeViolations('replaced detail');

    await notice.locator(`a[href="/opleidingen/${old.replacedBy}/"]`).click();
    await page.waitForURL(`**/opleidingen/${old.replacedBy}/`);
    expect(await page.locator('.odb-box .value').textContent()).toBe(old.replacedBy);
  });
});

describe('open data', () => {
  it('the open-data page shows the publication date, the downloads and the API', async () => {
    await page.goto(`${server.url}/open-data/`);
    expect(await page.locator(`time[datetime="${snapshot.publishedAt}"]`).count()).toBe(1);
    expect(await page.locator('a[href="/open-data/catalogus.json"]').count()).toBe(1);
    expect(await page.locator('a[href="/open-data/catalogus.csv"]').count()).toBe(1);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('GET /v1/trainings');
    expect(text).toContain('GET /v1/trainings/{odbNumber}');
    await expectNoAxeViolations('open data');
  });

  it('the list of all trainings works without JavaScript and has no axe violations', async () => {
    await page.goto(`${server.url}/alle-opleidingen/`);
    expect(await page.locator('tbody tr').count()).toBe(100);
    await expectNoAxeViolations('list');
  });
});

describe('build', () => {
  it('a record that breaks the schema fails the build, naming the record', async () => {
    const bad = structuredClone(snapshot);
    (bad.trainings[3] as Record<string, unknown>).provider = { kbo: '0403170702', name: 'X' };
    const path = join(work, 'bad.json');
    await writeFile(path, JSON.stringify(bad));
    await expect(buildSite({ cataloguePath: path, outDir: join(work, 'bad-out') })).rejects.toThrow(
      `trainings[3] (${bad.trainings[3]!.odbNumber}).provider.kbo`,
    );
  }, 60_000);
});

describe('content security policy (issue 12)', () => {
  it('no built page has an inline script, so the CSP needs no unsafe-inline', async () => {
    const pages = (await readdir(join(work, 'out'), { recursive: true })).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(200);
    const inline: string[] = [];
    for (const file of pages) {
      const html = await readFile(join(work, 'out', file), 'utf8');
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) if (!/\ssrc=/.test(tag)) inline.push(`${file}: ${tag}`);
      if (/\son[a-z]+=/i.test(html.replace(/<script[\s\S]*?<\/script>/g, ''))) inline.push(`${file}: inline event handler`);
    }
    expect(inline).toEqual([]);
  });

  it('the site is served with the CSP and search and copy work under it, with no violation reported', async () => {
    const response = await fetch(`${server.url}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline' 'wasm");
    const violations: string[] = [];
    page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
    expect(await search('jeugd')).toMatch(/gevonden/);
    await page.goto(`${server.url}/opleidingen/${snapshot.trainings[0]!.odbNumber}/`);
    expect(await page.locator('button[data-copy]').first().isVisible()).toBe(true);
    expect(violations).toEqual([]);
  });
});
