/**
 * GET /v1/trainings: the open-data search over the latest published snapshot, invoked in process
 * against this file's own catalogue bucket (S3 emulator of the shared stack), plus one call through the
 * local gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import type { S3Client } from '@aws-sdk/client-s3';
import { publishTrainings } from '../../../functions/catalogue/publish';
import { s3CatalogueStore } from '../../../functions/catalogue/s3-store';
import { demoCatalogue } from '../../../infra/local/seed/demo-trainings';
import { trainingSearchResponse, type TrainingSearchResponse } from '../../../shared/api/catalogue';
import { sizeBucket, type CatalogueSnapshot, type PublishedTraining } from '../../../shared/catalogue/published-training';
import { httpEvent, testContext } from '../../support/events';
import { api, expectStatus } from '../../support/stack';
import { isolatedCatalogue } from './support';

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string; headers: Record<string, string> }>;
let handler: Handler;
let bucket: string;
let s3: S3Client;
const snapshot: CatalogueSnapshot = demoCatalogue(150, 11, '2026-11-01T06:00:00.000Z');

async function get(query: Record<string, string> = {}): Promise<{ status: number; body: TrainingSearchResponse & { errors?: Array<{ path: string }> } }> {
  const response = await handler(httpEvent({ routeKey: 'GET /v1/trainings', query }), testContext());
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

const publish = (s: CatalogueSnapshot) => publishTrainings(s3CatalogueStore(bucket, s3), s.trainings, new Date(s.publishedAt));

beforeAll(async () => {
  ({ bucket, s3 } = await isolatedCatalogue());
  handler = (await import('../../../functions/api/catalogue')).handler as unknown as Handler;
});
afterAll(() => { vi.unstubAllEnvs(); });

describe('GET /v1/trainings (in process, own bucket)', () => {
  it('answers an empty list while nothing is published yet', async () => {
    const { status, body } = await get({ q: 'jeugd' });
    expect(status).toBe(200);
    expect(body).toEqual({ items: [], total: 0, nextCursor: null, publishedAt: null });
  });

  it('R-CHQ-1: "jeugd" finds the youth-care training, as published, with its ODB number', async () => {
    // Prepare
    await publish(snapshot);
    const youthCare = snapshot.trainings.filter((t) => t.status === 'active' && t.title.startsWith('Jeugd- en gehandicaptenzorg'));
    expect(youthCare.length).toBeGreaterThan(0);
    // Act
    const { status, body } = await get({ q: 'jeugd' });
    // Assess
    expect(status).toBe(200);
    expect(trainingSearchResponse.safeParse(body).success).toBe(true);
    expect(body.publishedAt).toBe(snapshot.publishedAt);
    for (const t of youthCare) expect(body.items).toContainEqual(t);
    expect(body.items[0]?.title).toMatch(/^Jeugd- en gehandicaptenzorg/);
  });

  it('R-BO-4: an ODB number finds exactly that training (also a module number, in lower case)', async () => {
    const modular = snapshot.trainings.find((t) => t.modules.length > 0 && t.status === 'active') as PublishedTraining;
    for (const q of [modular.odbNumber, (modular.modules[0]?.odbNumber as string).toLowerCase()]) {
      const { body } = await get({ q });
      expect(body.items.map((t) => t.odbNumber)).toEqual([modular.odbNumber]);
      expect(body.total).toBe(1);
    }
    expect((await get({ q: 'ODB-Z999999' })).body.total).toBe(0);
  });

  it('filters by competence group and by provider', async () => {
    const { body: basic } = await get({ group: 'basic', limit: '100' });
    expect(basic.total).toBe(snapshot.trainings.filter((t) => t.status === 'active' && t.competenceGroup === 'basic').length);
    expect(basic.items.every((t) => t.competenceGroup === 'basic')).toBe(true);
    const kbo = (snapshot.trainings[0] as PublishedTraining).provider.kbo;
    const { body: byProvider } = await get({ provider: `BE${kbo.slice(0, 4)}.${kbo.slice(4, 7)}.${kbo.slice(7)}`, limit: '100' });
    expect(byProvider.total).toBe(snapshot.trainings.filter((t) => t.status === 'active' && t.provider.kbo === kbo).length);
    expect(byProvider.items.every((t) => t.provider.kbo === kbo)).toBe(true);
  });

  it('filters by size, blended and cheque category, the site\'s other filters (issue 13)', async () => {
    const { body } = await get({ size: 'lt32', blended: 'false', chequeCategory: 'shortageOccupation', limit: '100' });
    const expected = snapshot.trainings.filter((t) => t.status === 'active' && sizeBucket(t) === 'lt32' && !t.blended && t.chequeCategory === 'shortageOccupation');
    expect(body.total).toBe(expected.length);
    expect(body.items.map((t) => t.odbNumber).sort()).toEqual(expected.map((t) => t.odbNumber).sort().slice(0, 100));
  });

  it('pages with a cursor through every active training exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await get({ limit: '17', ...(cursor ? { cursor } : {}) });
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(17);
      seen.push(...body.items.map((t) => t.odbNumber));
      cursor = body.nextCursor;
      pages++;
    } while (cursor !== null && pages < 50);
    const active = snapshot.trainings.filter((t) => t.status === 'active').map((t) => t.odbNumber);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(active));
  });

  it('refuses a bad query with every problem at once (problem+json 400)', async () => {
    const { status, body } = await get({ group: 'sport', limit: '0', provider: '123', cursor: 'bm9wZQ', size: 'huge', blended: 'ja', chequeCategory: 'x' });
    expect(status).toBe(400);
    expect((body.errors ?? []).map((e) => e.path).sort()).toEqual(['query.blended', 'query.chequeCategory', 'query.group', 'query.limit', 'query.provider', 'query.size']);
    const badCursor = await get({ cursor: 'bm9wZQ' });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors?.[0]?.path).toBe('query.cursor');
  });

  it('serves a change as soon as it is published (only the changed shards are re-read)', async () => {
    const next: CatalogueSnapshot = { publishedAt: '2026-11-02T06:00:00.000Z', trainings: snapshot.trainings.slice(0, 10) };
    await publish(next);
    const { body } = await get({ limit: '100' });
    expect(body.publishedAt).toBe(next.publishedAt);
    expect(body.total).toBe(next.trainings.filter((t) => t.status === 'active').length);
  });
});

describe('GET /v1/trainings through the local gateway', () => {
  it('is public and answers the contract shape', async () => {
    const response = await api('GET', '/v1/trainings?q=opleiding&limit=5');
    expectStatus(response, 200);
    expect(trainingSearchResponse.safeParse(response.body).success).toBe(true);
  });
});
