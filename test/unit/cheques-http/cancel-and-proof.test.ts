/**
 * Issue 11, R-CHQ-7, R-CHQ-8: the worker cancels a request not yet issued (budget back at once, the
 * issuer told, a mail), and downloads a proof in Dutch that the department verifies by its code.
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { body, harness, RRN_A, RRN_B } from './harness';
import { bodyAt, expectStatus } from '../../support/expect-status';

async function pdfText(bytes: Uint8Array | undefined): Promise<string> {
  if (!bytes) throw new Error('no PDF');
  const document = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(document, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('POST /v1/cheque-requests/{id}/cancel', () => {
  it('R-CHQ-7: an approved request awaiting the contribution: cancelled, budget and contribution released, mail and issuer cancellation', async () => {
    const h = harness();
    const created = await h.request(RRN_A, body({ amountCents: 25_001 - 1 }));
    expect(bodyAt(await h.entitlement(RRN_A), 200).remainingCents).toBe(0);
    expectStatus(created, 201);
    const cancelled = await h.cancel(RRN_A, created.body.id);
    expectStatus(cancelled, 200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await h.entitlement(RRN_A)).body).toMatchObject({ usedCents: 0, remainingCents: 25_000 });
    expect([...h.store.budgets.values()][0]).toEqual({ usedCents: 0, usedOrdinaryCents: 0, sharedCents: 0, sharedContributionCents: 0 });
    const order = h.store.outbox.get(`cheque-order-cancel:${created.body.id}`);
    expect(order?.kind === 'issuer-order' && order.order).toMatchObject({ action: 'cancel', requestId: created.body.id, cause: 'worker' });
    const mail = h.store.outbox.get(`cheque-cancelled:${created.body.id}`);
    expect(mail?.kind === 'mail' && mail.mail.text).toContain('U hebt uw aanvraag');
    // The budget can be used again at once.
    expect(bodyAt(await h.request(RRN_A, body({ amountCents: 25_000 })), 201).status).toBe('awaiting-contribution');
  });

  it('R-CHQ-7: an approved (fully paid) request can be cancelled; a second cancel is 409 and changes nothing', async () => {
    const h = harness();
    const created = await h.request(RRN_A, body({ odbNumber: 'ODB-A000002', amountCents: 10_000 }));
    expectStatus(created, 201);
    expect(created.body.status).toBe('approved');
    expect(bodyAt(await h.cancel(RRN_A, created.body.id), 200).status).toBe('cancelled');
    const again = await h.cancel(RRN_A, created.body.id);
    expectStatus(again, 409);
    expect(again.body.detail).toBe('Deze aanvraag is al geannuleerd.');
    expect(bodyAt(await h.entitlement(RRN_A), 200).usedCents).toBe(0);
  });

  it('R-CHQ-7: issued or rejected requests cannot be cancelled (409, nothing released)', async () => {
    const h = harness();
    const created = await h.request(RRN_A, body({ odbNumber: 'ODB-A000002', amountCents: 10_000 }));
    expectStatus(created, 201);
    await h.issuerEvent({ eventId: 'e1', requestId: created.body.id, type: 'cheques-delivered', expiryDate: '2027-12-31' });
    const issued = await h.cancel(RRN_A, created.body.id);
    expectStatus(issued, 409);
    expect(issued.body.detail).toContain('al geleverd');
    expect(bodyAt(await h.entitlement(RRN_A), 200).usedCents).toBe(10_000);
    const refused = await h.request(RRN_A, body({}, { worksInFlanders: false }));
    expectStatus(refused, 201);
    expect((await h.cancel(RRN_A, refused.body.id)).status).toBe(409);
    expect(h.store.outbox.has(`cheque-cancelled:${refused.body.id}`)).toBe(false);
  });

  it("another worker's request is 404 and stays as it is", async () => {
    const h = harness();
    const created = await h.request(RRN_A, body());
    expectStatus(created, 201);
    expect((await h.cancel(RRN_B, created.body.id)).status).toBe(404);
    expect(bodyAt(await h.get(RRN_A, created.body.id), 200).status).toBe('awaiting-contribution');
  });
});

describe('GET /v1/cheque-requests/{id}/proof and /v1/cheque-requests/proofs/{code}', () => {
  it('R-CHQ-8: a refusal: the PDF in Dutch names the request, training, amounts, every reason and a verification code', async () => {
    const h = harness();
    const refused = await h.request(RRN_A, body({ amountCents: 30_000 }, { worksInFlanders: false }));
    expectStatus(refused, 201);
    const proof = await h.proof(RRN_A, refused.body.id);
    expectStatus(proof, 200);
    expect(proof.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(proof.bytes);
    expect(text).toContain('Bewijs van aanvraag van opleidingscheques');
    expect(text).toContain('Datum van de aanvraag: 23 november 2026');
    expect(text).toContain('Titel: Heftruckchauffeur');
    expect(text).toContain('Opleidingsverstrekker: Vormingscentrum Noord');
    expect(text).toContain('ODB-nummer: ODB-A000001');
    expect(text).toContain('Gevraagd bedrag: € 300,00');
    expect(text).toContain('Beslissing: Geweigerd');
    for (const reason of refused.body.reasons as Array<{ message: string }>) expect(text).toContain(reason.message);
    expect(text).not.toMatch(/R-CHQ/);
    const code = /Verificatiecode: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1];
    expect(code).toBeDefined();

    const verified = await h.verify(code ?? '');
    expectStatus(verified, 200);
    expect(verified.body).toMatchObject({
      genuine: true, code, current: true, currentStatus: 'rejected',
      facts: { status: 'rejected', odbNumber: 'ODB-A000001', trainingTitle: 'Heftruckchauffeur', amountCents: 30_000 },
    });
    // No personal data in the public answer.
    const answer = JSON.stringify(verified.body);
    for (const personal of ['An', 'Peeters', 'an.peeters@example.be', RRN_A, 'hash']) expect(answer).not.toContain(`"${personal}"`);
    expect(answer).not.toMatch(/Peeters|example\.be|workerHash/);
  });

  it('R-CHQ-8: an approval states both shares; the same state gives the same code, a new state a new one that is current', async () => {
    const h = harness();
    const created = await h.request(RRN_A, body({ amountCents: 20_001 }));
    expectStatus(created, 201);
    const first = await pdfText((await h.proof(RRN_A, created.body.id)).bytes);
    expect(first).toContain('Persoonlijke bijdrage van de werknemer: € 100,01');
    expect(first).toContain('Deel van de Vlaamse overheid: € 100,00');
    const again = await pdfText((await h.proof(RRN_A, created.body.id)).bytes);
    const codeOf = (text: string) => /Verificatiecode: (\S{19})/.exec(text)?.[1] ?? '';
    expect(codeOf(again)).toBe(codeOf(first));

    h.setNow('2026-11-24T08:00:00.000Z');
    await h.cancel(RRN_A, created.body.id);
    const afterCancel = await pdfText((await h.proof(RRN_A, created.body.id)).bytes);
    expect(afterCancel).toContain('Beslissing: Geannuleerd');
    expect(codeOf(afterCancel)).not.toBe(codeOf(first));
    expect((await h.verify(codeOf(first))).body).toMatchObject({ current: false, currentStatus: 'cancelled', facts: { status: 'awaiting-contribution' } });
    expect((await h.verify(codeOf(afterCancel))).body).toMatchObject({ current: true, currentStatus: 'cancelled' });
  });

  it('an unknown or malformed code: 404 or 400; another worker cannot download the proof (404)', async () => {
    const h = harness();
    const created = await h.request(RRN_A, body());
    expectStatus(created, 201);
    expect((await h.verify('AAAA-BBBB-CCCC-DDDD')).status).toBe(404);
    expect((await h.verify('not-a-code')).status).toBe(400);
    expect((await h.proof(RRN_B, created.body.id)).status).toBe(404);
  });
});
