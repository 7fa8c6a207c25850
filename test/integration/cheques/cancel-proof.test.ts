/**
 * Issue 11 over the real gateway and DynamoDB Local: cancel releases the budget in the same transaction,
 * tells the issuer (a cancellation file next to the order) and mails; the proof comes back as a PDF
 * through the gateway and its code verifies publicly, without personal data.
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueRrn } from '../../support/ids';
import { api, eventually, expectStatus, sentMails, stack, workerToken } from '../../support/stack';
import { requestBody, s3, seedRegistration, uniqueEmail } from './support';
import { GetObjectCommand } from '@aws-sdk/client-s3';

let odbNumber: string;
let title: string;

beforeAll(async () => {
  const registration = await seedRegistration({ chequeCategory: 'standard' });
  odbNumber = registration.odbNumber;
  title = registration.title;
});

describe('cancel and proof on the local stack', () => {
  it('R-CHQ-7: cancel → budget back at once, cancellation order for the issuer, confirmation mail', async () => {
    const token = await workerToken(uniqueRrn());
    const email = uniqueEmail();
    const created = await api('POST', '/v1/cheque-requests', { token, body: requestBody(odbNumber, 25_000, email) });
    expectStatus(created, 201);
    expect(created.body.status).toBe('awaiting-contribution');
    const cancelled = await api('POST', `/v1/cheque-requests/${created.body.id}/cancel`, { token });
    expectStatus(cancelled, 200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await api('GET', '/v1/cheques/entitlement', { token })).body).toMatchObject({ usedCents: 0, remainingCents: 25_000 });
    expect((await api('POST', `/v1/cheque-requests/${created.body.id}/cancel`, { token })).status).toBe(409);

    const bucket = stack().env.ISSUER_BUCKET as string;
    const cancellation = await eventually(async () => {
      try {
        const object = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: `orders/${created.body.id}.cancel.json` }));
        return JSON.parse(await object.Body?.transformToString() ?? 'null') as Record<string, unknown>;
      } catch {
        return undefined;
      }
    });
    expect(cancellation).toMatchObject({ action: 'cancel', requestId: created.body.id, cause: 'worker' });
    const mail = await eventually(async () => (await sentMails()).find((m) => m.destination.to.includes(email) && m.subject.includes('geannuleerd')));
    expect(mail.body.text).toContain(`"${title}"`);
  });

  it('R-CHQ-8: the proof is a PDF through the gateway; its code verifies publicly without personal data', async () => {
    const token = await workerToken(uniqueRrn());
    const email = uniqueEmail();
    const created = await api('POST', '/v1/cheque-requests', { token, body: requestBody(odbNumber, 12_345, email) });
    expectStatus(created, 201);
    const response = await fetch(`${stack().apiUrl}/v1/cheque-requests/${created.body.id}/proof`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(`ODB-nummer: ${odbNumber}`);
    expect(flat).toContain('Persoonlijke bijdrage van de werknemer: € 61,73');
    const code = /Verificatiecode: (\S{19})/.exec(flat)?.[1] ?? '';
    const verified = await api('GET', `/v1/cheque-requests/proofs/${code}`);
    expectStatus(verified, 200);
    expect(verified.body).toMatchObject({ genuine: true, current: true, facts: { odbNumber, amountCents: 12_345, status: 'awaiting-contribution' } });
    expect(verified.text).not.toContain(email);
    expect(verified.text).not.toMatch(/workerHash|Janssens|"Sam"/);
    expect((await api('GET', '/v1/cheque-requests/proofs/AAAA-BBBB-CCCC-DDDD')).status).toBe(404);
    const other = await workerToken(uniqueRrn());
    expect((await api('GET', `/v1/cheque-requests/${created.body.id}/proof`, { token: other })).status).toBe(404);
  });
});
