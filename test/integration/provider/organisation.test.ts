import { describe, expect, it } from 'vitest';
import { api, expectStatus, providerToken } from '../../support/stack';
import { uniqueKbo } from '../../support/ids';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, organisationBody, recordQualityRegistration, storedOrganisation, table } from './support';

describe('organisation profile (R-ORG-2, R-ORG-4)', () => {
  it('R-ORG-2: every problem of the body at once, with rule ids where a rule applies', async () => {
    const token = await providerToken(uniqueKbo());
    const response = await api('PUT', '/v1/organisation', {
      token,
      body: { name: '', contact: { name: 'X', email: 'geen-adres', phone: 'abc' }, kind: 'school', lms: { system: 'other' } },
    });
    expectStatus(response, 400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const byPath = Object.fromEntries(response.body.errors?.map((e) => [e.path, e.code]) ?? []);
    expect(Object.keys(byPath).sort()).toEqual(['contact.email', 'contact.phone', 'kind', 'lms.otherName', 'name']);
    expect(byPath['lms.otherName']).toBe('R-ORG-4');
  });

  it('R-ORG-3: the quality registration is read-only for the provider and kept across updates', async () => {
    const kbo = uniqueKbo();
    const token = await providerToken(kbo);
    expect((await api('PUT', '/v1/organisation', { token, body: organisationBody() })).status).toBe(200);
    const smuggled = await api('PUT', '/v1/organisation', { token, body: { ...organisationBody(), qualityRegistration: { registered: true, since: '2020-01-01' } } });
    expectStatus(smuggled, 400);
    await recordQualityRegistration(kbo, '2025-03-01');
    const updated = await api('PUT', '/v1/organisation', { token, body: organisationBody({ name: 'Nieuwe naam' }) });
    expectStatus(updated, 200);
    expect(updated.body).toMatchObject({ kbo, name: 'Nieuwe naam', qualityRegistration: { registered: true, since: '2025-03-01' } });
    const read = await api('GET', '/v1/organisation', { token });
    expect(read.body).toEqual(updated.body);
  });

  it('R-ORG-4: an LMS document slot needs the organisation profile first', async () => {
    const token = await providerToken(uniqueKbo());
    const response = await api('POST', '/v1/organisation/lms-document', { token, body: { name: 'a.pdf', contentType: 'application/pdf', size: 10 } });
    expectStatus(response, 409);
  });

  it('R-REG-4: updating the profile confirms the contact details; the yearly check is due a year later', async () => {
    const kbo = uniqueKbo();
    const token = await providerToken(kbo);
    const saved = await api('PUT', '/v1/organisation', { token, body: organisationBody() });
    expectStatus(saved, 200);
    const stored = await storedOrganisation(kbo);
    const confirmedAt = new Date(stored?.contactConfirmedAt as string);
    const expected = new Date(confirmedAt);
    expected.setUTCFullYear(expected.getUTCFullYear() + 1);
    expect(stored).toMatchObject({ duePk: 'contact-check' });
    expect(Math.abs(new Date(stored?.dueAt as string).getTime() - expected.getTime())).toBeLessThan(2 * 86_400_000);
    expect(saved.body).not.toHaveProperty('duePk');
  });

  it('R-ORG-2: dossier, general and cheques contact are kept and read back', async () => {
    // Prepare
    const token = await providerToken(uniqueKbo());
    const generalContact = { name: 'Directie', email: 'directie@opleider.test', phone: '+32 2 553 00 01' };
    const chequesContact = { name: 'Cheques', email: 'cheques@opleider.test', phone: '+32 2 553 00 02' };
    // Act
    const saved = await api('PUT', '/v1/organisation', { token, body: organisationBody({ generalContact, chequesContact }) });
    const renamed = await api('PUT', '/v1/organisation', { token, body: organisationBody({ name: 'Nieuwe naam' }) });
    // Assess
    expectStatus(saved, 200);
    expect(saved.body).toMatchObject({ generalContact, chequesContact });
    expect(renamed.body).toMatchObject({ name: 'Nieuwe naam', generalContact, chequesContact });
    expect((await api('GET', '/v1/organisation', { token })).body).toEqual(renamed.body);
  });

  it('R-ORG-2: an organisation stored before the general contact existed still reads (general contact = dossier contact)', async () => {
    // Prepare: an item as stored before December 2026, without generalContact and chequesContact
    const kbo = uniqueKbo();
    const contact = { name: 'An Peeters', email: 'oud@opleider.test', phone: '+32 2 553 00 00' };
    await db().send(new PutCommand({
      TableName: table(),
      Item: {
        pk: `ORG#${kbo}`, sk: 'PROFILE', type: 'organisation', gsi1pk: 'ORGS', gsi1sk: kbo, kbo, name: 'Oud centrum', contact, kind: 'general',
        lms: null, qualityRegistration: { registered: false, since: null }, lmsDocument: { status: 'missing', fileName: null, uploadedAt: null },
        contactConfirmedAt: '2025-01-01T10:00:00.000Z', updatedAt: '2025-01-01T10:00:00.000Z', version: 3,
      },
    }));
    // Act
    const read = await api('GET', '/v1/organisation', { token: await providerToken(kbo) });
    // Assess
    expectStatus(read, 200);
    expect(read.body).toMatchObject({ kbo, contact, generalContact: contact, chequesContact: null });
  });
});
