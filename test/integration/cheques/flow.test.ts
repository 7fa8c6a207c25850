/**
 * End to end on the local stack (R-CHQ-7): request → confirmation and approval mails in the SES
 * emulator → issue order in the issuer bucket → contribution paid → delivered → expired → budget
 * released; the issuer's refusals; the unpaid-contributions job. Tests in this file run in order.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bodyAt, eventually, expectStatus, sentMails, stack, workerToken } from '../../support/stack';
import { uniqueRrn } from '../../support/ids';
import { issuerOrder, postIssuerEvent, requestBody, seedRegistration, storedRequest, uniqueEmail } from './support';

let odbNumber: string;

beforeAll(async () => {
  odbNumber = (await seedRegistration({ chequeCategory: 'standard' })).odbNumber;
});

const mailsTo = async (email: string) => (await sentMails()).filter((m) => m.destination.to.includes(email));

describe('a cheque request from submission to expiry', () => {
  it('R-CHQ-7: request → confirmation + approval mails → contribution paid → delivered → expired → budget released', async () => {
    const rrn = uniqueRrn();
    const email = uniqueEmail();
    const token = await workerToken(rrn);

    const created = await api('POST', '/v1/cheque-requests', { token, body: requestBody(odbNumber, 20_000, email) });
    expectStatus(created, 201);
    expect(created.body).toMatchObject({ status: 'awaiting-contribution', contributionCents: 10_000, governmentCents: 10_000, reasons: [] });
    const id = created.body.id as string;

    const mails = await eventually(async () => {
      const found = await mailsTo(email);
      return found.length >= 2 ? found : undefined;
    });
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Uw aanvraag van opleidingscheques is goedgekeurd',
      'Uw aanvraag van opleidingscheques is ontvangen',
    ]);
    const approval = mails.find((m) => m.subject.includes('goedgekeurd'));
    expect(approval?.body.text).toContain('Uw persoonlijke bijdrage: € 100,00');
    expect(approval?.body.text).toContain('Hoe betaalt u?');
    // Issue 11: from the cheques service's sender, naming the training by title and provider.
    for (const mail of mails) expect(mail.from).toBe('opleidingscheques@opleidingsincentives.local');
    expect(approval?.body.text).toMatch(/"[^"]+" van [^(]+ \(ODB-nummer ODB-/);
    expect(approval?.body.text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b|R-CHQ/);

    const order = await eventually(() => issuerOrder(id));
    expect(order).toMatchObject({ requestId: id, amountCents: 20_000, contributionCents: 10_000, odbNumber });
    expect(JSON.stringify(order)).not.toContain(rrn);

    expect((await api('GET', '/v1/cheques/entitlement', { token })).body).toMatchObject({ usedCents: 20_000, remainingCents: 5_000 });

    const paid = await postIssuerEvent({ requestId: id, type: 'contribution-paid' });
    expect(paid).toMatchObject({ status: 200, body: { status: 'approved' } });
    expect((await storedRequest(id))?.duePk).toBeUndefined();

    const delivered = await postIssuerEvent({ requestId: id, type: 'cheques-delivered', expiryDate: '2027-11-30' });
    expectStatus(delivered, 200);
    expect(delivered.body.status).toBe('issued');
    await eventually(async () => (await mailsTo(email)).find((m) => m.subject === 'Uw opleidingscheques zijn geleverd'));

    const expired = await postIssuerEvent({ requestId: id, type: 'cheques-expired', unusedCents: 7_500 });
    expectStatus(expired, 200);
    expect(expired.body.status).toBe('expired');

    const view = await api('GET', `/v1/cheque-requests/${id}`, { token });
    expect(view.body).toMatchObject({ status: 'expired', expiryDate: '2027-11-30', unusedCents: 7_500 });
    expect((await api('GET', '/v1/cheques/entitlement', { token })).body).toMatchObject({ usedCents: 12_500, remainingCents: 12_500 });

    const stored = JSON.stringify(await storedRequest(id));
    expect(stored).not.toContain(rrn);
  });

  it('R-CHQ-7: the issuer is refused with a wrong signature (401), a stale timestamp (401) and a replayed event id (409); nothing changes', async () => {
    const token = await workerToken(uniqueRrn());
    const created = await api('POST', '/v1/cheque-requests', { token, body: requestBody(odbNumber, 10_000, uniqueEmail()) });
    expectStatus(created, 201);
    const id = created.body.id as string;

    const forged = await postIssuerEvent({ requestId: id, type: 'contribution-paid' }, { secret: 'not-the-shared-secret-at-all' });
    expectStatus(forged, 401);
    const stale = await postIssuerEvent({ requestId: id, type: 'contribution-paid' }, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expectStatus(stale, 401);
    const unsigned = await api('POST', '/v1/issuer/events', { body: { eventId: randomUUID(), requestId: id, type: 'contribution-paid', occurredAt: new Date().toISOString() } });
    expectStatus(unsigned, 401);
    expect((await storedRequest(id))?.status).toBe('awaiting-contribution');

    const eventId = randomUUID();
    expect((await postIssuerEvent({ eventId, requestId: id, type: 'contribution-paid' })).status).toBe(200);
    const before = await storedRequest(id);
    const replay = await postIssuerEvent({ eventId, requestId: id, type: 'cheques-delivered', expiryDate: '2027-06-30' });
    expectStatus(replay, 409);
    expect(await storedRequest(id)).toEqual(before);
  });

  it('R-CHQ-7: job unpaid-contributions cancels an unpaid request at its due time, releases the budget and mails; a second run changes nothing', async () => {
    Object.assign(process.env, stack().env);
    const { handler } = await import('../../../functions/jobs/unpaid-contributions');
    const email = uniqueEmail();
    const token = await workerToken(uniqueRrn());
    const created = await api('POST', '/v1/cheque-requests', { token, body: requestBody(odbNumber, 25_000, email) });
    expectStatus(created, 201);
    const id = created.body.id as string;
    const dueAt = created.body.contributionDueAt as string;
    expect(Date.parse(dueAt) - Date.parse(created.body.createdAt)).toBe(30 * 24 * 3600 * 1000);
    expect(bodyAt(await api('GET', '/v1/cheques/entitlement', { token }), 200).remainingCents).toBe(0);

    const early = await handler({ job: 'unpaid-contributions', time: new Date(Date.parse(dueAt) - 1000).toISOString() });
    expect((await storedRequest(id))?.status).toBe('awaiting-contribution');
    expect(early.job).toBe('unpaid-contributions');

    const first = await handler({ job: 'unpaid-contributions', time: dueAt });
    expect(first.changed).toBeGreaterThanOrEqual(1);
    expect(bodyAt(await api('GET', `/v1/cheque-requests/${id}`, { token }), 200).status).toBe('cancelled');
    expect((await api('GET', '/v1/cheques/entitlement', { token })).body).toMatchObject({ usedCents: 0, remainingCents: 25_000 });
    await eventually(async () => (await mailsTo(email)).find((m) => m.subject === 'Uw aanvraag van opleidingscheques is geannuleerd'));

    const again = await handler({ job: 'unpaid-contributions', time: dueAt });
    expect(again.changed).toBe(0);
  });
});
