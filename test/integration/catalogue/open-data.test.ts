/**
 * The open-data downloads (functions/catalogue/s3-open-data.ts), exported into this file's own bucket in the
 * shared stack's S3 emulator by multipart upload and served by the local site server from there
 * (infra/local/site-server.ts): a catalogue whose JSON is larger than the emulator's 11 MiB body limit
 * uploads whole, the JSON download is the snapshot, the CSV one row per training.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { currentOpenData, exportOpenData } from '../../../functions/catalogue/s3-open-data';
import { demoCatalogue } from '../../../infra/local/seed/demo-trainings';
import { serveSite, type SiteServer } from '../../../infra/local/site-server';
import { csvColumns } from '../../../shared/catalogue/csv';
import type { CatalogueSnapshot } from '../../../shared/catalogue/published-training';
import { isolatedCatalogue, type IsolatedCatalogue } from './support';

let catalogue: IsolatedCatalogue;
let root: string;
let server: SiteServer;
// ~300 words per training: the JSON is well above 11 MiB (two or more 8 MiB parts).
const snapshot: CatalogueSnapshot = demoCatalogue(5_000, 3, '2026-11-30T06:00:00.000Z', 300);

beforeAll(async () => {
  catalogue = await isolatedCatalogue();
  root = await mkdtemp(join(tmpdir(), 'open-data-'));
  await writeFile(join(root, '404.html'), 'weg');
  server = await serveSite({ root, port: 0, openData: { s3: catalogue.s3, bucket: catalogue.bucket } });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  if (root) await rm(root, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('open-data downloads', () => {
  it('are not there before the first export (the site answers its 404)', async () => {
    expect(await currentOpenData(catalogue.s3, catalogue.bucket)).toBeNull();
    expect((await fetch(`${server.url}/open-data/catalogus.json`)).status).toBe(404);
  });

  it('a catalogue above the emulator\'s 11 MiB body limit is exported whole; the JSON download is the snapshot', async () => {
    expect(Buffer.byteLength(JSON.stringify(snapshot))).toBeGreaterThan(11 * 1024 * 1024);
    await exportOpenData(catalogue.s3, catalogue.bucket, snapshot, 42);
    expect(await currentOpenData(catalogue.s3, catalogue.bucket)).toEqual({ seq: 42, publishedAt: snapshot.publishedAt, count: snapshot.trainings.length });
    const response = await fetch(`${server.url}/open-data/catalogus.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(snapshot);
  }, 60_000);

  it('the CSV download parses to one row per training with the snapshot values', async () => {
    const text = await (await fetch(`${server.url}/open-data/catalogus.csv`)).text();
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...csvColumns]);
    const body = rows.slice(1);
    expect(body).toHaveLength(snapshot.trainings.length);
    body.forEach((row, i) => {
      const t = snapshot.trainings[i]!;
      const record = Object.fromEntries(csvColumns.map((c, k) => [c, row[k]]));
      expect(record).toMatchObject({
        odbNumber: t.odbNumber, title: t.title, providerKbo: t.provider.kbo, providerName: t.provider.name,
        validFrom: t.validFrom, stopDate: t.stopDate ?? '', status: t.status, replacedBy: t.replacedBy ?? '',
        contactHours: t.contactHours === null ? '' : String(t.contactHours),
        moduleOdbNumbers: t.modules.map((m) => m.odbNumber).join('|'),
        competences: t.competences.join('|'), description: t.description, websiteUrl: t.websiteUrl,
      });
    });
  }, 60_000);
});
