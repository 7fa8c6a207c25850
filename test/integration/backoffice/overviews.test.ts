import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, backofficeToken, expectStatus, providerToken } from '../../support/stack';
import { approvedApplication, seedOrganisation, useStackEnv } from '../registrations/support';
import { newProvider, recordQuality, submitted } from './support';

type RegisterModule = typeof import('../../../functions/registrations/dynamo-register');
let register: RegisterModule;
beforeAll(async () => {
  useStackEnv();
  register = await import('../../../functions/registrations/dynamo-register');
});

const bo = async <const P extends string>(path: P) => api('GET', path, { token: await backofficeToken() });

describe('back-office overviews (issue 11)', () => {
  it('R-BO-5: registrations due for evaluation before a date, earliest first; later ones and other statuses are not listed', async () => {
    // Prepare: time travel to a past year of this test's own
    const year = randomInt(1930, 1960);
    const org = await seedOrganisation();
    const registeredOn = async (validFrom: string) => {
      const prepared = await register.registerApprovedApplication({
        application: approvedApplication(org), organisation: org, validFrom, grant: { chequeCategory: 'standard', series: null }, now: new Date(`${validFrom}T10:00:00Z`),
      });
      await register.commitRegistration(prepared);
      return prepared.numbers.training;
    };
    const early = await registeredOn(`${year}-02-01`);
    const later = await registeredOn(`${year}-06-01`);
    const notYet = await registeredOn(`${year}-11-01`);

    // Act
    const due = await bo(`/v1/backoffice/registrations?evaluationDueBefore=${year + 1}-07-01`);
    const bad = await bo('/v1/backoffice/registrations?evaluationDueBefore=gisteren');
    const byProvider = await api('GET', `/v1/backoffice/registrations?evaluationDueBefore=${year + 1}-07-01`, { token: await providerToken(org.kbo) });

    // Assess
    expectStatus(due, 200);
    const ours = due.body.items.filter((r: { provider: { kbo: string } }) => r.provider.kbo === org.kbo).map((r: { odbNumber: string }) => r.odbNumber);
    expect(ours).toEqual([early, later]);
    expect(ours).not.toContain(notYet);
    expect(due.body.items.every((r: { evaluationDue: string; status: string }) => r.evaluationDue < `${year + 1}-07-01` && r.status === 'active')).toBe(true);
    expectStatus(bad, 400);
    expectStatus(byProvider, 403);
  });

  it('R-ORG-3: organisations with applications waiting for their quality registration, until it is recorded', async () => {
    // Prepare
    const provider = await newProvider();
    await submitted(provider);
    await submitted(provider);

    // Act
    const before = await bo('/v1/backoffice/organisations?qualityRegistration=missing');
    await recordQuality(provider.kbo);
    const after = await bo('/v1/backoffice/organisations?qualityRegistration=missing');
    const neither = await bo('/v1/backoffice/organisations');

    // Assess
    expectStatus(before, 200);
    expect(before.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kbo: provider.kbo, waitingApplications: 2 })]));
    expectStatus(after, 200);
    expect(after.body.items.map((o: { kbo: string }) => o.kbo)).not.toContain(provider.kbo);
    expectStatus(neither, 400);
  });

  it('R-REG-4: organisations whose yearly contact check is unanswered (asked after their last confirmation)', async () => {
    // Prepare
    const asked = await seedOrganisation({ contactConfirmedAt: '2024-01-01T10:00:00.000Z', extra: { contactCheckRequestedAt: '2025-01-01T10:00:00.000Z', duePk: 'contact-check', dueAt: '2026-01-01T10:00:00.000Z' } });
    const answered = await seedOrganisation({ contactConfirmedAt: '2025-02-01T10:00:00.000Z', extra: { contactCheckRequestedAt: '2025-01-01T10:00:00.000Z', duePk: 'contact-check', dueAt: '2026-02-01T10:00:00.000Z' } });

    // Act
    const response = await bo('/v1/backoffice/organisations?contactUnconfirmed=true');

    // Assess
    expectStatus(response, 200);
    const kbos = response.body.items.map((o: { kbo: string }) => o.kbo);
    expect(kbos).toContain(asked.kbo);
    expect(kbos).not.toContain(answered.kbo);
  });
});
