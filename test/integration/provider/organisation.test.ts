import { describe, expect, it } from 'vitest';
import { api, providerToken } from '../../support/stack';
import { uniqueKbo } from '../../support/ids';
import { organisationBody, recordQualityRegistration, storedOrganisation } from './support';

describe('organisation profile (R-ORG-2, R-ORG-4)', () => {
  it('R-ORG-2: every problem of the body at once, with rule ids where a rule applies', async () => {
    const token = await providerToken(uniqueKbo());
    const response = await api('PUT', '/v1/organisation', {
      token,
      body: { name: '', contact: { name: 'X', email: 'geen-adres', phone: 'abc' }, kind: 'school', lms: { system: 'other' } },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const byPath = Object.fromEntries(response.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]));
    expect(Object.keys(byPath).sort()).toEqual(['contact.email', 'contact.phone', 'kind', 'lms.otherName', 'name']);
    expect(byPath['lms.otherName']).toBe('R-ORG-4');
  });

  it('R-ORG-3: the quality registration is read-only for the provider and kept across updates', async () => {
    const kbo = uniqueKbo();
    const token = await providerToken(kbo);
    expect((await api('PUT', '/v1/organisation', { token, body: organisationBody() })).status).toBe(200);
    const smuggled = await api('PUT', '/v1/organisation', { token, body: { ...organisationBody(), qualityRegistration: { registered: true, since: '2020-01-01' } } });
    expect(smuggled.status).toBe(400);
    await recordQualityRegistration(kbo, '2025-03-01');
    const updated = await api('PUT', '/v1/organisation', { token, body: organisationBody({ name: 'Nieuwe naam' }) });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ kbo, name: 'Nieuwe naam', qualityRegistration: { registered: true, since: '2025-03-01' } });
    const read = await api('GET', '/v1/organisation', { token });
    expect(read.body).toEqual(updated.body);
  });

  it('R-ORG-4: an LMS document slot needs the organisation profile first', async () => {
    const token = await providerToken(uniqueKbo());
    const response = await api('POST', '/v1/organisation/lms-document', { token, body: { name: 'a.pdf', contentType: 'application/pdf', size: 10 } });
    expect(response.status).toBe(409);
  });

  it('R-REG-4: updating the profile confirms the contact details; the yearly check is due a year later', async () => {
    const kbo = uniqueKbo();
    const token = await providerToken(kbo);
    const saved = await api('PUT', '/v1/organisation', { token, body: organisationBody() });
    expect(saved.status).toBe(200);
    const stored = await storedOrganisation(kbo);
    const confirmedAt = new Date(stored?.contactConfirmedAt as string);
    const expected = new Date(confirmedAt);
    expected.setUTCFullYear(expected.getUTCFullYear() + 1);
    expect(stored).toMatchObject({ duePk: 'contact-check' });
    expect(Math.abs(new Date(stored?.dueAt as string).getTime() - expected.getTime())).toBeLessThan(2 * 86_400_000);
    expect(saved.body).not.toHaveProperty('duePk');
  });
});
