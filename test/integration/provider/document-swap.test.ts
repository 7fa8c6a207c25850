import { GetObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bodyAt, expectStatus } from '../../support/stack';
import { uniqueKbo } from '../../support/ids';
import { docx, DOCX_TYPE, jar, odt, ODT_TYPE, pdf, peExecutable, xlsx } from '../../unit/provider/document-fixtures';
import { bucket, createDraft, documentConfirmPath, lmsConfirmPath, objectExists, type Provider, providerWithOrganisation, s3, uploadWithSlot } from './support';

/**
 * Issue 12 (High, ASVS 5.2, R-SUB-1): a checked document cannot be replaced after confirm. Before the
 * fix the presigned POST wrote the very key the back office served, stayed valid for 15 minutes, and
 * a second confirm answered 200 without re-checking: a PE executable was served as application/pdf.
 */
const finalKeyOf = (slot: { upload: { fields: Record<string, string> } }) => (slot.upload.fields.key as string).replace(/^quarantine\//, '');

async function bytesAt(key: string): Promise<Uint8Array> {
  const object = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
  return (await object.Body?.transformToByteArray()) ?? new Uint8Array();
}

describe('issue 12: evidence that cannot be swapped', () => {
  let provider: Provider;
  let id: string;

  beforeAll(async () => {
    provider = await providerWithOrganisation(uniqueKbo());
    id = (await createDraft(provider)).id;
  });

  const slotFor = async (name: string, contentType: string, size: number) => {
    const response = await api('POST', `/v1/applications/${id}/documents`, { token: provider.token, body: { name, contentType, size } });
    expectStatus(response, 201);
    return response.body;
  };

  it('re-using the slot after confirm (a PE executable as application/pdf) changes nothing the back office gets; a second confirm re-checks nothing', async () => {
    // Prepare: a checked PDF
    const good = pdf();
    const slot = await slotFor('brochure.pdf', 'application/pdf', good.length);
    await uploadWithSlot(slot, good);
    const first = await api('POST', documentConfirmPath(slot), { token: provider.token });
    expectStatus(first, 200);

    // Act: the attacker posts other bytes with the same (still valid) slot and confirms again
    const evil = peExecutable().subarray(0, good.length);
    expect((await uploadWithSlot(slot, evil)).status).toBeLessThan(300);
    const again = await api('POST', documentConfirmPath(slot), { token: provider.token });

    // Assess: the final object holds the checked bytes; the slot's key is not the final key
    expect(slot.upload.fields.key).not.toBe(finalKeyOf(slot));
    expectStatus(again, 200);
    expect(again.body).toEqual(first.body);
    expect(Buffer.from(await bytesAt(finalKeyOf(slot))).equals(Buffer.from(good))).toBe(true);
    const app = await api('GET', `/v1/applications/${id}`, { token: provider.token });
    expectStatus(app, 200);
    expect(app.body.documents.filter((d: { id: string }) => d.id === first.body.id)).toEqual([first.body]);
  });

  it.each([
    ['an .xlsx', xlsx()],
    ['a .jar', jar()],
    ['an .odt', odt()],
  ])('%s declared as DOCX is refused and deleted; nothing reaches the final key', async (_what, bytes) => {
    const slot = await slotFor('programma.docx', DOCX_TYPE, bytes.length);
    await uploadWithSlot(slot, bytes);
    const confirm = await api('POST', documentConfirmPath(slot), { token: provider.token });
    expectStatus(confirm, 400);
    expect(confirm.body.errors?.map((e: { code: string }) => e.code)).toEqual(['document-magic-bytes']);
    expect(await objectExists(slot.upload.fields.key as string)).toBe(false);
    expect(await objectExists(finalKeyOf(slot))).toBe(false);
    // the slot is single-use: once refused, it cannot be confirmed again
    expect((await api('POST', documentConfirmPath(slot), { token: provider.token })).status).toBe(404);
  });

  it('a real DOCX and a real ODT pass', async () => {
    for (const [name, type, bytes] of [['a.docx', DOCX_TYPE, docx()], ['a.odt', ODT_TYPE, odt()]] as const) {
      const slot = await slotFor(name, type, bytes.length);
      await uploadWithSlot(slot, bytes);
      expect((await api('POST', documentConfirmPath(slot), { token: provider.token })).status).toBe(200);
      expect(await objectExists(finalKeyOf(slot))).toBe(true);
    }
  });

  it('R-ORG-4: the LMS follow-up document cannot be swapped after confirm either', async () => {
    // Prepare
    const org = await providerWithOrganisation(uniqueKbo(), { lms: { system: 'moodle' } });
    const good = pdf();
    const slot = bodyAt(await api('POST', '/v1/organisation/lms-document', {
      token: org.token, body: { name: 'opvolging.pdf', contentType: 'application/pdf', size: good.length },
    }), 201);
    await uploadWithSlot(slot, good);
    const first = await api('POST', lmsConfirmPath(slot), { token: org.token });
    expectStatus(first, 200);
    // Act
    await uploadWithSlot(slot, peExecutable().subarray(0, good.length));
    const again = await api('POST', lmsConfirmPath(slot), { token: org.token });
    // Assess
    expectStatus(again, 200);
    expect(again.body.lmsDocument).toEqual(first.body.lmsDocument);
    expect(Buffer.from(await bytesAt(finalKeyOf(slot))).equals(Buffer.from(good))).toBe(true);
  });
});
