/**
 * Demo data: seeded registrations are real registration items that the republish path publishes
 * (own table and bucket in the shared stack's emulators).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dynamo } from '../../../functions/adapters/aws-clients';
import { rebuildCatalogue } from '../../../functions/catalogue/publish';
import { s3CatalogueStore } from '../../../functions/catalogue/s3-store';
import { publishableRegistrations } from '../../../functions/catalogue/dynamo-table-source';
import { getRegistration } from '../../../functions/registrations/dynamo-store';
import { keys } from '../../../functions/storage/keys';
import { hasNoRegistrations, seedRegistrations } from '../../../infra/local/seed/registrations';
import { isolatedCatalogue, publishedCatalogue, type IsolatedCatalogue } from './support';

let catalogue: IsolatedCatalogue;

beforeAll(async () => { catalogue = await isolatedCatalogue(); });
afterAll(() => { vi.unstubAllEnvs(); });

describe('demo seed', () => {
  it('seeds organisations and registrations that the republish path publishes', async () => {
    // Prepare
    expect(await hasNoRegistrations(catalogue.table)).toBe(true);
    const now = new Date('2026-11-23T08:00:00Z');
    // Act
    const result = await seedRegistrations({ table: catalogue.table, count: 80, seed: 4, now });
    const unreadable: unknown[] = [];
    const published = await rebuildCatalogue(s3CatalogueStore(catalogue.bucket, catalogue.s3), publishableRegistrations(catalogue.table, (bad) => unreadable.push(bad)), now, now);
    // Assess
    expect(await hasNoRegistrations(catalogue.table)).toBe(false);
    expect(result.registrations).toBe(80);
    expect(published.rejected).toEqual([]);
    expect(unreadable).toEqual([]);
    const assembled = await publishedCatalogue(catalogue.bucket, catalogue.s3);
    if (assembled === null) throw new Error('nothing published');
    const snapshot = assembled.snapshot;
    expect(snapshot.trainings.length).toBeGreaterThan(50);
    expect(snapshot.trainings.length).toBeLessThanOrEqual(result.published);
    expect(snapshot.trainings.some((t) => t.modules.length > 0)).toBe(true);
    expect(new Set(snapshot.trainings.map((t) => t.competenceGroup))).toEqual(new Set(['basic', 'professionSpecific', 'general']));
    // R-BO-4: numbers come from the real counters, and every module number resolves to its training.
    const modular = snapshot.trainings.find((t) => t.modules.length > 0);
    const moduleNumber = modular?.modules[0]?.odbNumber as string;
    const pointer = await dynamo().send(new GetCommand({ TableName: catalogue.table, Key: keys.registrationModule(moduleNumber) }));
    expect(pointer.Item?.trainingOdbNumber).toBe(modular?.odbNumber);
    const stored = await getRegistration(catalogue.table, snapshot.trainings[0]?.odbNumber as string);
    expect(stored?.registration.provider.kbo).toBe(snapshot.trainings[0]?.provider.kbo);
    const org = await dynamo().send(new GetCommand({ TableName: catalogue.table, Key: keys.organisation(snapshot.trainings[0]?.provider.kbo as string) }));
    expect(org.Item?.type).toBe('organisation');
    // R-BO-5: an active registration has its overdue-evaluation reminder for its evaluation date, as approval writes it.
    const active = snapshot.trainings.find((t) => t.status === 'active') as (typeof snapshot.trainings)[number];
    const reminder = await dynamo().send(new GetCommand({ TableName: catalogue.table, Key: keys.evaluationReminder(active.odbNumber) }));
    const activeStored = await getRegistration(catalogue.table, active.odbNumber);
    expect(reminder.Item?.type).toBe('evaluationReminder');
    expect(reminder.Item?.evaluationDue).toBe(activeStored?.registration.evaluationDue);
  });
});
