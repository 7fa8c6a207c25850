import { describe, expect, it } from 'vitest';
import { api, eventually, expectStatus } from '../../support/stack';
import { uniqueKbo } from '../../support/ids';
import { applicationBody, documentConfirmPath, mailsTo, objectExists, organisationBody, PDF_BYTES, storedApplication, uploadWithSlot } from './support';
import { providerToken } from '../../support/stack';

describe('the provider journey over HTTP', () => {
  it('R-SUB-1: profile → draft → upload → confirm → check → submit → Dutch confirmation mail to the contact email', async () => {
    // Prepare
    const kbo = uniqueKbo();
    const token = await providerToken(kbo);
    const organisation = organisationBody();

    // Act: organisation profile (R-ORG-2)
    const profile = await api('PUT', '/v1/organisation', { token, body: organisation });
    expectStatus(profile, 200);
    expect(profile.body).toMatchObject({ kbo, name: organisation.name, qualityRegistration: { registered: false, since: null } });

    // Act: a draft, then a document through the presigned POST
    const draft = await api('POST', '/v1/applications', { token, body: applicationBody({ title: 'Lassen voor beginners' }) });
    expectStatus(draft, 201);
    expect(draft.body).toMatchObject({ status: 'draft', title: 'Lassen voor beginners', submittedAt: null });
    const id = draft.body.id as string;

    const slot = await api('POST', `/v1/applications/${id}/documents`, {
      token, body: { name: 'brochure.pdf', contentType: 'application/pdf', size: PDF_BYTES.length, kind: 'brochure' },
    });
    expectStatus(slot, 201);
    const uploaded = await uploadWithSlot(slot.body, PDF_BYTES);
    expect(uploaded.status).toBeLessThan(300);
    const confirmed = await api('POST', documentConfirmPath(slot.body), { token });
    expectStatus(confirmed, 200);
    expect(confirmed.body).toMatchObject({ status: 'uploaded', name: 'brochure.pdf' });
    // issue 12: the checked copy is under the final key; nothing stays in quarantine
    expect(await objectExists((slot.body.upload.fields.key as string).replace(/^quarantine\//, ''))).toBe(true);
    expect(await objectExists(slot.body.upload.fields.key as string)).toBe(false);

    // Act: check, then submit
    const check = await api('POST', `/v1/applications/${id}/check`, { token });
    expectStatus(check, 200);
    expect(check.body).toMatchObject({ complete: true, admissible: true, outcome: 'accepted', problems: [] });

    const submitted = await api('POST', `/v1/applications/${id}/submit`, { token, headers: { 'idempotency-key': `submit-${id}` } });

    // Assess: waiting for the quality registration (R-ORG-3), documents kept, mail sent once, in Dutch
    expectStatus(submitted, 200);
    expect(submitted.body).toMatchObject({ id, status: 'waiting-for-quality-registration', submittedAt: expect.any(String) });
    expect(submitted.body.documents).toEqual([expect.objectContaining({ name: 'brochure.pdf', status: 'uploaded' })]);
    const mails = await eventually(async () => { const m = await mailsTo(organisation.contact.email); return m.length > 0 && m; });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Aanvraag ontvangen: Lassen voor beginners');
    expect(mail.body.text).toContain('Wij ontvingen op');
    expect(mail.body.text).toContain('kwaliteitsregistratie');
    expect(mail.body.html).toContain('<html lang="nl">');

    const list = await api('GET', '/v1/applications?status=waiting-for-quality-registration', { token });
    expectStatus(list, 200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([id]);
    const stored = await storedApplication(id);
    // R-ORG-3: not on the decision clock while waiting for the quality registration
    expect(stored).toMatchObject({ gsi2pk: 'APPSTATUS#waiting-for-quality-registration', deadlines: null });
    expect(stored).not.toHaveProperty('duePk');
  });
});
