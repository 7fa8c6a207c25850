/**
 * Republish end to end, through the shared local stack: a registration written to the main table (with
 * the registrations area's own item builder, as the approval writes it) → stream → republish consumer
 * → snapshot in S3 → the local site builder → the static site server, Pagefind search and the API.
 * The stack runs with DEMO_SEED=off, so its catalogue holds only what tests write.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dynamo } from '../../../functions/adapters/aws-clients';
import { allocateOdbNumbers } from '../../../functions/registrations/dynamo-odb-allocator';
import { toRegistrationItem } from '../../../functions/registrations/items';
import { readSiteStatus, type SiteStatus } from '../../../infra/local/site-builder';
import type { Registration } from '../../../shared/registrations/registration';
import { uniqueKbo } from '../../support/ids';
import { api, bodyAt, eventually, stack } from '../../support/stack';
import { registration } from '../../unit/catalogue/registration-fixture';
import { launchBrowser, type Browser } from '../site/support';

let browser: Browser;
let page: Page;
let table: string;
const kbo = uniqueKbo();

/** A word no other training has: letters only, so Pagefind indexes it as one word. */
const uniqueWord = () => `proef${Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;

async function store(reg: Registration): Promise<void> {
  const now = new Date();
  await dynamo().send(new PutCommand({ TableName: table, Item: toRegistrationItem(reg, 1, now.toISOString(), now) }));
}

async function newRegistration(word: string): Promise<Registration> {
  const [odbNumber] = await allocateOdbNumbers(table, 'A', 1);
  return registration({
    odbNumber: odbNumber as string,
    title: `Opleiding ${word}`,
    provider: { kbo, name: 'Testcentrum Republish' },
    validFrom: '2026-01-05',
    content: `Een testopleiding over ${word} en nog wat meer.`,
    websiteUrl: `https://www.testcentrum.example/${word}`,
  });
}

const pageStatus = async (odbNumber: string) => (await fetch(`${stack().siteUrl}/opleidingen/${odbNumber}/`)).status;
const siteStatus = (): SiteStatus | null => readSiteStatus(stack().dataDir);

/**
 * ODB numbers the site's Pagefind search shows for `query`. Other test files change the shared catalogue
 * meanwhile, so a rebuild can swap the site mid-search; the assertions poll, as a person would retry.
 */
async function siteSearch(query: string): Promise<string[]> {
  await page.goto(`${stack().siteUrl}/`);
  await page.getByLabel('Zoekterm of ODB-nummer').fill(query);
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect.poll(() => page.locator('#result-count').textContent()).toMatch(/gevonden/);
  return page.locator('#results .odb').allTextContents();
}

const apiSearch = async (q: string) => bodyAt(await api('GET', `/v1/trainings?q=${encodeURIComponent(q)}`), 200);

beforeAll(async () => {
  for (const [name, value] of Object.entries(stack().env)) vi.stubEnv(name, value);
  table = stack().env.TABLE_NAME as string;
  browser = await launchBrowser();
  page = await browser.context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  vi.unstubAllEnvs();
});

describe('republish on every change', () => {
  it('R-BO-3, R-REG-1: an approved registration appears on the site, in search and in the API; stopped, it disappears', async () => {
    // Prepare
    const word = uniqueWord();
    const reg = await newRegistration(word);
    // Act
    await store(reg);
    // Assess: the detail page, Pagefind search and the API all show it.
    await eventually(async () => (await pageStatus(reg.odbNumber)) === 200, 60_000, 300);
    const html = await (await fetch(`${stack().siteUrl}/opleidingen/${reg.odbNumber}/`)).text();
    expect(html).toContain(`Opleiding ${word}`);
    await expect.poll(() => siteSearch(word), { timeout: 30_000 }).toEqual([reg.odbNumber]);
    await expect.poll(() => siteSearch(reg.odbNumber), { timeout: 30_000 }).toEqual([reg.odbNumber]);
    expect((await apiSearch(word)).items.map((t) => t.odbNumber)).toEqual([reg.odbNumber]);

    // Act: the provider stops it (the stop date has come).
    await store({ ...reg, status: 'stopped', stopDate: '2026-06-01', stopReason: 'Niet meer georganiseerd.' });
    // Assess
    await eventually(async () => (await pageStatus(reg.odbNumber)) === 404, 60_000, 300);
    await page.goto(`${stack().siteUrl}/`);
    await page.getByLabel('Zoekterm of ODB-nummer').fill(word);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await expect.poll(() => page.locator('#result-count').textContent()).toMatch(/^Geen/);
    expect((await apiSearch(word)).total).toBe(0);
  }, 120_000);

  it('two changes during one build are both live after the next build (none is lost)', async () => {
    // Prepare: a change that starts a build.
    const first = await newRegistration(uniqueWord());
    const before = siteStatus()?.builds ?? 0;
    await store(first);
    const building = await eventually(async () => {
      const status = siteStatus();
      return status?.state === 'building' && status.building !== null && status.builds === before ? status : undefined;
    }, 60_000, 50);
    // Act: two more changes while that build runs.
    const [second, third] = [await newRegistration(uniqueWord()), await newRegistration(uniqueWord())];
    await Promise.all([store(second), store(third)]);
    const stillBuilding = siteStatus()?.building?.etag === building.building?.etag;
    // Assess: both are live after the next build, and so is the first.
    await eventually(async () => {
      const codes = await Promise.all([first, second, third].map((r) => pageStatus(r.odbNumber)));
      return codes.every((c) => c === 200);
    }, 90_000, 300);
    await expect.poll(() => siteSearch(third.title.split(' ')[1] as string), { timeout: 30_000 }).toEqual([third.odbNumber]);
    expect((siteStatus()?.builds ?? 0)).toBeGreaterThan(before + (stillBuilding ? 1 : 0));
  }, 150_000);

});
