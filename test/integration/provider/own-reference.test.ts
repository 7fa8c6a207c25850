import { describe, expect, it } from 'vitest';
import { api, bodyAt, expectStatus } from '../../support/stack';
import { uniqueKbo } from '../../support/ids';
import { seedRegistration } from '../cheques/support';
import { createDraft, providerWithOrganisation, storedApplication } from './support';

/** Issue 10: uniqueness by conditional write (claims), and R-REG-2 at check and submit — over real HTTP and DynamoDB Local. */
describe('own reference unique per provider, by a conditional write', () => {
  it('unique-own-reference: two parallel submits with the same reference — exactly one passes, the other stays a draft with the problem', async () => {
    // Prepare
    const provider = await providerWithOrganisation(uniqueKbo());
    const reference = `PAR-${Math.random().toString(36).slice(2, 8)}`;
    const a = await createDraft(provider, { ownReference: reference });
    const b = await createDraft(provider, { ownReference: reference });
    // Act
    const responses = await Promise.all([a.id, b.id].map((id) => api('POST', `/v1/applications/${id}/submit`, { token: provider.token })));
    // Assess
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = responses.find((r) => r.status === 409);
    expect(loser?.body.errors?.map((e: { code: string }) => e.code)).toContain('unique-own-reference');
    const statuses = await Promise.all([a.id, b.id].map(async (id) => (await storedApplication(id))?.status));
    expect(statuses.sort()).toEqual(['draft', 'waiting-for-quality-registration']);
  });

  it('unique-own-reference: check reports a reference a submitted application holds; another organisation may use it', async () => {
    const provider = await providerWithOrganisation(uniqueKbo());
    const other = await providerWithOrganisation(uniqueKbo());
    const reference = `REF-${Math.random().toString(36).slice(2, 8)}`;
    const first = await createDraft(provider, { ownReference: reference });
    expect((await api('POST', `/v1/applications/${first.id}/submit`, { token: provider.token })).status).toBe(200);
    const second = await createDraft(provider, { ownReference: reference });
    const elsewhere = await createDraft(other, { ownReference: reference });
    const check = await api('POST', `/v1/applications/${second.id}/check`, { token: provider.token });
    expectStatus(check, 200);
    expect(check.body.problems).toEqual([expect.objectContaining({ path: 'ownReference', code: 'unique-own-reference' })]);
    expect(bodyAt(await api('POST', `/v1/applications/${elsewhere.id}/check`, { token: other.token }), 200).problems).toEqual([]);
  });
});

describe('R-REG-2: what a re-registration may replace', () => {
  it('R-REG-2: another provider\'s or a stopped registration is refused at check and submit; the own active one is accepted', async () => {
    // Prepare
    const provider = await providerWithOrganisation(uniqueKbo());
    const own = await seedRegistration({ chequeCategory: 'standard', provider: { kbo: provider.kbo, name: 'Eigen' } });
    const stopped = await seedRegistration({ chequeCategory: 'standard', provider: { kbo: provider.kbo, name: 'Eigen' }, status: 'stopped', stopDate: '2025-01-01' });
    const foreign = await seedRegistration({ chequeCategory: 'standard', provider: { kbo: uniqueKbo(), name: 'Ander' } });
    const errorsFor = async (odbNumber: string) => {
      const { id } = await createDraft(provider, { replacesOdbNumber: odbNumber, plannedStart: '2030-09-01', plannedEnd: '2031-06-30' });
      const check = await api('POST', `/v1/applications/${id}/check`, { token: provider.token });
      expectStatus(check, 200);
      return { id, errors: check.body.problems.filter((p: { severity: string }) => p.severity === 'error').map((p: { path: string; code: string }) => `${p.path}:${p.code}`) };
    };
    // Act
    const [ownCheck, stoppedCheck, foreignCheck] = [await errorsFor(own.odbNumber), await errorsFor(stopped.odbNumber), await errorsFor(foreign.odbNumber)];
    const submitForeign = await api('POST', `/v1/applications/${foreignCheck.id}/submit`, { token: provider.token });
    // Assess
    expect(ownCheck.errors).toEqual([]);
    expect(stoppedCheck.errors).toEqual(['replacesOdbNumber:R-REG-2']);
    expect(foreignCheck.errors).toEqual(['replacesOdbNumber:R-REG-2']);
    expectStatus(submitForeign, 409);
    expect((await storedApplication(foreignCheck.id))?.status).toBe('draft');
  });
});
