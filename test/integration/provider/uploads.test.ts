import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bodyAt, expectStatus } from '../../support/stack';
import { uniqueKbo } from '../../support/ids';
import { bucket, createDraft, documentConfirmPath, lmsConfirmPath, objectExists, PDF_BYTES, PNG_BYTES, type Provider, providerWithOrganisation, s3, uploadWithSlot } from './support';

const MB = 1024 * 1024;

describe('document uploads (presigned POST, then a magic-byte check)', () => {
  let provider: Provider;
  let id: string;

  beforeAll(async () => {
    provider = await providerWithOrganisation(uniqueKbo());
    id = (await createDraft(provider)).id;
  });

  const slotFor = (body: unknown) => api('POST', `/v1/applications/${id}/documents`, { token: provider.token, body });

  it('the key is chosen by the server: nothing of the file name, bound to this application; the policy fixes type and size', async () => {
    const slot = await slotFor({ name: '../../etc/passwd.pdf', contentType: 'application/pdf', size: 100 });
    expectStatus(slot, 400); // path separators are refused outright
    const ok = await slotFor({ name: 'mijn brochure.pdf', contentType: 'application/pdf', size: 100 });
    expectStatus(ok, 201);
    const key = ok.body.upload.fields.key as string;
    // issue 12: the client writes only to quarantine; the checked copy's key is never in a policy
    expect(key).toBe(`quarantine/applications/${id}/documents/${ok.body.document.id}`);
    expect(key).not.toContain('brochure');
    expect(ok.body.upload.fields['Content-Type']).toBe('application/pdf');
    const policy = JSON.parse(Buffer.from(ok.body.upload.fields.Policy as string, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(expect.arrayContaining([['content-length-range', 100, 100], ['eq', '$Content-Type', 'application/pdf'], { key }]));
  });

  it('declared oversize (> 20 MB) or a type that is not allowed is refused with every problem at once', async () => {
    const response = await slotFor({ name: 'film.mp4', contentType: 'video/mp4', size: 21 * MB });
    expectStatus(response, 400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(response.body.errors?.map((e) => e.path).sort()).toEqual(['contentType', 'size']);
  });

  it('a file larger than declared is refused at confirmation and deleted (the emulator does not enforce the policy)', async () => {
    const slot = await slotFor({ name: 'klein.pdf', contentType: 'application/pdf', size: PDF_BYTES.length });
    expectStatus(slot, 201);
    const bigger = new Uint8Array(PDF_BYTES.length + 1000);
    bigger.set(PDF_BYTES);
    expect((await uploadWithSlot(slot.body, bigger)).status).toBeLessThan(300);
    const confirm = await api('POST', documentConfirmPath(slot.body), { token: provider.token });
    expectStatus(confirm, 400);
    expect(confirm.body.errors?.map((e: { code: string }) => e.code)).toEqual(['document-size-mismatch']);
    expect(await objectExists(slot.body.upload.fields.key as string)).toBe(false);
  });

  it('a file over 20 MB is refused at confirmation and deleted', async () => {
    // Prepare: the emulator's POST endpoint caps bodies at 11 MiB, so put > 20 MB at the slot's key by multipart upload
    const slot = await slotFor({ name: 'groot.pdf', contentType: 'application/pdf', size: 20 * MB });
    expectStatus(slot, 201);
    const key = slot.body.upload.fields.key as string;
    const part = new Uint8Array(5 * MB);
    part.set(PDF_BYTES);
    const { UploadId } = await s3().send(new CreateMultipartUploadCommand({ Bucket: bucket(), Key: key, ContentType: 'application/pdf' }));
    const parts = [];
    for (const [index, body] of [part, new Uint8Array(5 * MB), new Uint8Array(5 * MB), new Uint8Array(5 * MB), new Uint8Array(1)].entries()) {
      const { ETag } = await s3().send(new UploadPartCommand({ Bucket: bucket(), Key: key, UploadId, PartNumber: index + 1, Body: body }));
      parts.push({ ETag, PartNumber: index + 1 });
    }
    await s3().send(new CompleteMultipartUploadCommand({ Bucket: bucket(), Key: key, UploadId, MultipartUpload: { Parts: parts } }));

    // Act
    const confirm = await api('POST', documentConfirmPath(slot.body), { token: provider.token });

    // Assess
    expectStatus(confirm, 400);
    expect(confirm.body.errors?.map((e: { code: string }) => e.code)).toEqual(['document-too-large']);
    expect(await objectExists(key)).toBe(false);
  });

  it('magic bytes that do not match the declared type are refused, the object deleted and the declaration dropped', async () => {
    const slot = await slotFor({ name: 'vals.pdf', contentType: 'application/pdf', size: PNG_BYTES.length });
    expectStatus(slot, 201);
    expect((await uploadWithSlot(slot.body, PNG_BYTES)).status).toBeLessThan(300);
    const confirm = await api('POST', documentConfirmPath(slot.body), { token: provider.token });
    expectStatus(confirm, 400);
    expect(confirm.body.errors?.map((e: { code: string }) => e.code)).toEqual(['document-magic-bytes']);
    expect(await objectExists(slot.body.upload.fields.key as string)).toBe(false);
    const app = await api('GET', `/v1/applications/${id}`, { token: provider.token });
    expectStatus(app, 200);
    expect(app.body.documents.map((d: { id: string }) => d.id)).not.toContain(slot.body.document.id);
  });

  it('an upload with another Content-Type than declared is refused', async () => {
    const slot = await slotFor({ name: 'foto.png', contentType: 'image/png', size: PNG_BYTES.length });
    expectStatus(slot, 201);
    expect((await uploadWithSlot(slot.body, PNG_BYTES, { 'Content-Type': 'text/html' })).status).toBeLessThan(300);
    const confirm = await api('POST', documentConfirmPath(slot.body), { token: provider.token });
    expectStatus(confirm, 400);
    expect(confirm.body.errors?.map((e: { code: string }) => e.code)).toEqual(['document-content-type']);
  });

  it('confirming before uploading → 409; a matching PNG is attached; confirming again changes nothing', async () => {
    const slot = await slotFor({ name: 'foto.png', contentType: 'image/png', size: PNG_BYTES.length, kind: 'other' });
    expectStatus(slot, 201);
    expect((await api('POST', documentConfirmPath(slot.body), { token: provider.token })).status).toBe(409);
    await uploadWithSlot(slot.body, PNG_BYTES);
    const first = await api('POST', documentConfirmPath(slot.body), { token: provider.token });
    const again = await api('POST', documentConfirmPath(slot.body), { token: provider.token });
    expectStatus(first, 200);
    expect(first.body).toMatchObject({ status: 'uploaded', contentType: 'image/png' });
    expect(again.body).toEqual(first.body);
  });

  it('R-ORG-4: the LMS follow-up document goes on file after a checked upload', async () => {
    const org = await providerWithOrganisation(uniqueKbo(), { lms: { system: 'other', otherName: 'Eigen platform' } });
    const slot = await api('POST', '/v1/organisation/lms-document', {
      token: org.token, body: { name: 'opvolging.pdf', contentType: 'application/pdf', size: PDF_BYTES.length },
    });
    expectStatus(slot, 201);
    expect(slot.body.upload.fields.key).toBe(`quarantine/organisations/${org.kbo}/lms-document/${slot.body.document.id}`);
    expect(bodyAt(await api('GET', '/v1/organisation', { token: org.token }), 200).lmsDocument.status).toBe('pending');
    await uploadWithSlot(slot.body, PDF_BYTES);
    const confirmed = await api('POST', lmsConfirmPath(slot.body), { token: org.token });
    expectStatus(confirmed, 200);
    expect(confirmed.body.lmsDocument).toMatchObject({ status: 'on-file', fileName: 'opvolging.pdf' });
    expect(await objectExists(`organisations/${org.kbo}/lms-document/${slot.body.document.id}`)).toBe(true);
    expect(await objectExists(slot.body.upload.fields.key as string)).toBe(false);
  });

  it('R-APP-2: a blended training is admissible once the organisation has its LMS document on file', async () => {
    const org = await providerWithOrganisation(uniqueKbo(), { lms: { system: 'moodle' } });
    const draft = await createDraft(org, { blended: { distanceHours: 10 } });
    const before = await api('POST', `/v1/applications/${draft.id}/check`, { token: org.token });
    expectStatus(before, 200);
    expect(before.body.problems?.map((p: { code: string }) => p.code)).toContain('R-APP-2');
    const slot = await api('POST', '/v1/organisation/lms-document', {
      token: org.token, body: { name: 'opvolging.pdf', contentType: 'application/pdf', size: PDF_BYTES.length },
    });
    expectStatus(slot, 201);
    await uploadWithSlot(slot.body, PDF_BYTES);
    expect((await api('POST', lmsConfirmPath(slot.body), { token: org.token })).status).toBe(200);
    const after = await api('POST', `/v1/applications/${draft.id}/check`, { token: org.token });
    expectStatus(after, 200);
    expect(after.body.problems?.map((p: { code: string }) => p.code)).not.toContain('R-APP-2');
  });
});
