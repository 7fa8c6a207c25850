/** Each cheque rule at the HTTP level: status codes, decisions and reasons as a client sees them. */
import { describe, expect, it } from 'vitest';
import { body, harness, RRN_A, RRN_B } from './harness';
import { bodyAt, expectStatus } from '../../support/expect-status';

describe('POST /v1/cheque-requests: the decision per rule', () => {
  it('R-CHQ-1: an unknown ODB number is a rejected request with reason R-CHQ-1', async () => {
    const h = harness();
    const response = await h.request(RRN_A, body({ odbNumber: 'ODB-Z999999' }));
    expectStatus(response, 201);
    expect(response.body.status).toBe('rejected');
    expect(response.body.reasons.map((r: { code: string }) => r.code)).toEqual(['R-CHQ-1']);
    expect(response.body.chequeCategory).toBeNull();
  });

  it('R-CHQ-1: a training that is no longer active is rejected', async () => {
    const h = harness();
    const response = await h.request(RRN_A, body({ odbNumber: 'ODB-A000004' }));
    expectStatus(response, 201);
    expect(response.body.status).toBe('rejected');
    expect(response.body.reasons[0]).toMatchObject({ code: 'R-CHQ-1', path: 'odbNumber' });
  });

  it('R-CHQ-2: missing and malformed worker data gives 400 with every problem, nothing stored', async () => {
    const h = harness();
    const response = await h.request(RRN_A, { odbNumber: '', amountCents: -5, worker: { firstName: 'An', email: 'geen-mail' } });
    expectStatus(response, 400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    const paths = response.body.errors?.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining([
      'odbNumber', 'amountCents', 'worker.lastName', 'worker.email', 'worker.educationLevel', 'worker.worksInFlanders', 'worker.hasPersonalDevelopmentPlan',
    ]));
    expect(h.store.requests.size).toBe(0);
  });

  it('R-CHQ-2: a worker who does not work in Flanders is rejected with reason R-CHQ-2', async () => {
    const h = harness();
    const response = await h.request(RRN_A, body({}, { worksInFlanders: false }));
    expectStatus(response, 201);
    expect(response.body.status).toBe('rejected');
    expect(response.body.reasons).toEqual([expect.objectContaining({ code: 'R-CHQ-2', path: 'worker.worksInFlanders' })]);
  });

  it('R-CHQ-3: €250 for an ordinary training: the worker pays half, then nothing is left', async () => {
    const h = harness();
    const first = await h.request(RRN_A, body({ amountCents: 25_000 }));
    expect(first.body).toMatchObject({ status: 'awaiting-contribution', contributionCents: 12_500, governmentCents: 12_500, schoolYear: '2026-2027' });
    expectStatus(first, 201);
    expect(first.body.contributionDueAt).toBe('2026-12-23T10:00:00.000Z');
    const second = await h.request(RRN_A, body({ amountCents: 1 }));
    expectStatus(second, 201);
    expect(second.body.status).toBe('rejected');
    expect(second.body.reasons).toEqual([expect.objectContaining({ code: 'R-CHQ-3', path: 'amountCents' })]);
    expect((await h.entitlement(RRN_A)).body).toEqual({ schoolYear: '2026-2027', usedCents: 25_000, remainingCents: 0, remainingHigherEducationCents: 25_000, provisional: false });
  });

  it("R-CHQ-3: an odd amount: the worker share is rounded in the government's favour, contribution + government = amount", async () => {
    const h = harness();
    const response = await h.request(RRN_A, body({ amountCents: 10_001 }));
    expect(response.body).toMatchObject({ contributionCents: 5_001, governmentCents: 5_000 });
  });

  it('R-CHQ-3: split into 1-cent requests, the worker still pays half of the total (running total)', async () => {
    const h = harness();
    const contributions: number[] = [];
    for (let i = 0; i < 7; i++) contributions.push(bodyAt(await h.request(RRN_A, body({ amountCents: 1 })), 201).contributionCents);
    expect(contributions).toEqual([1, 0, 1, 0, 1, 0, 1]);
    const whole = await h.request(RRN_B, body({ amountCents: 7 }));
    expectStatus(whole, 201);
    expect(whole.body.contributionCents).toBe(4);
  });

  it('R-CHQ-5: time-travel to 2031: requests use the latest known rules, the entitlement says provisional', async () => {
    const h = harness('2031-10-15T09:00:00.000Z');
    const response = await h.request(RRN_A, body({ amountCents: 25_000 }));
    expect(response.body).toMatchObject({ status: 'awaiting-contribution', schoolYear: '2031-2032', contributionCents: 12_500 });
    expect((await h.entitlement(RRN_A)).body).toEqual({
      schoolYear: '2031-2032', usedCents: 25_000, remainingCents: 0, remainingHigherEducationCents: 25_000, provisional: true,
    });
    expect(bodyAt(await h.entitlement(RRN_A, { schoolYear: '2026-2027' }), 200).provisional).toBe(false);
  });

  it('R-CHQ-4: an NT2 training is approved at once; the government pays everything', async () => {
    const h = harness();
    const response = await h.request(RRN_A, body({ odbNumber: 'ODB-A000002', amountCents: 25_000 }));
    expect(response.body).toMatchObject({ status: 'approved', contributionCents: 0, governmentCents: 25_000, contributionDueAt: null });
  });

  it('R-CHQ-5: a bachelor training may use €500, the worker pays €250; more is rejected with R-CHQ-5', async () => {
    const h = harness();
    const ok = await h.request(RRN_A, body({ odbNumber: 'ODB-A000003', amountCents: 50_000 }, { educationLevel: 'secondary' }));
    expect(ok.body).toMatchObject({ status: 'awaiting-contribution', contributionCents: 25_000, governmentCents: 25_000 });
    const over = await h.request(RRN_B, body({ odbNumber: 'ODB-A000003', amountCents: 50_001 }));
    expectStatus(over, 201);
    expect(over.body.status).toBe('rejected');
    expect(over.body.reasons[0]?.code).toBe('R-CHQ-5');
  });

  it('R-CHQ-6: with a higher-education degree and no POP the request is rejected; with a POP it is accepted', async () => {
    const h = harness();
    const noPop = await h.request(RRN_A, body({}, { educationLevel: 'higher', hasPersonalDevelopmentPlan: false }));
    expectStatus(noPop, 201);
    expect(noPop.body.reasons).toEqual([expect.objectContaining({ code: 'R-CHQ-6' })]);
    const withPop = await h.request(RRN_B, body({}, { educationLevel: 'higher', hasPersonalDevelopmentPlan: true }));
    expectStatus(withPop, 201);
    expect(withPop.body.status).toBe('awaiting-contribution');
  });

  it('R-CHQ-1…6: every reason is reported at once', async () => {
    const h = harness();
    const response = await h.request(RRN_A, body({ odbNumber: 'ODB-A000004', amountCents: 60_000 }, { worksInFlanders: false, educationLevel: 'higher' }));
    expectStatus(response, 201);
    expect(response.body.reasons.map((r: { code: string }) => r.code).sort()).toEqual(['R-CHQ-1', 'R-CHQ-2', 'R-CHQ-3', 'R-CHQ-6']);
  });

  it('R-CHQ-7: submitted → confirmation; accepted → approval mail with the share and an issue order; rejected → mail with reasons', async () => {
    const h = harness();
    const accepted = await h.request(RRN_A, body({ amountCents: 20_000 }));
    const rejected = await h.request(RRN_B, body({}, { worksInFlanders: false }));
    expectStatus(accepted, 201);
    expectStatus(rejected, 201);
    const ids = [...h.store.outbox.keys()].sort();
    expect(ids).toEqual([
      `cheque-decision:${accepted.body.id}`, `cheque-decision:${rejected.body.id}`, `cheque-order:${accepted.body.id}`,
      `cheque-submitted:${accepted.body.id}`, `cheque-submitted:${rejected.body.id}`,
    ].sort());
    expectStatus(accepted, 201);
    const approval = h.store.outbox.get(`cheque-decision:${accepted.body.id}`);
    expect(approval?.kind === 'mail' && approval.mail.text).toContain('Uw persoonlijke bijdrage: € 100,00');
    expectStatus(rejected, 201);
    const refusal = h.store.outbox.get(`cheque-decision:${rejected.body.id}`);
    const refusalText = refusal?.kind === 'mail' ? refusal.mail.text : '';
    expect(refusalText).toContain('Opleidingscheques zijn er alleen voor werknemers die in Vlaanderen werken.');
    expect(refusalText).toContain('"Heftruckchauffeur" van Vormingscentrum Noord (ODB-nummer ODB-A000001)');
    expect(refusalText).not.toMatch(/R-CHQ/);
  });
});

describe('the national register number', () => {
  it('a token without a valid national register number is refused (403), nothing stored', async () => {
    const h = harness();
    const response = await h.raw({ routeKey: 'POST /v1/cheque-requests', body: body(), claims: { sub: 'w', roles: '[worker]', rrn: '85073003329' } });
    expectStatus(response, 403);
    expect(h.store.requests.size).toBe(0);
  });

  it('is never stored in plain text: keys use a keyed hash', async () => {
    const h = harness();
    await h.request(RRN_A, body());
    const stored = JSON.stringify([...h.store.requests.values(), [...h.store.budgets.keys()], [...h.store.outbox.values()]]);
    expect(stored).not.toContain(RRN_A);
    expect([...h.store.requests.values()][0]?.workerHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a number born from 2000 (check over 2 + first nine digits) is accepted', async () => {
    const h = harness();
    expect((await h.request(RRN_B, body())).status).toBe(201);
  });
});

describe('own data only', () => {
  it("a worker never sees another worker's request (404), and lists only their own", async () => {
    const h = harness();
    const mine = await h.request(RRN_A, body());
    await h.request(RRN_B, body());
    expectStatus(mine, 201);
    expect((await h.get(RRN_A, mine.body.id)).status).toBe(200);
    expect((await h.get(RRN_B, mine.body.id)).status).toBe(404);
    const list = await h.list(RRN_A);
    expectStatus(list, 200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([mine.body.id]);
    expect(JSON.stringify(list.body)).not.toContain('workerHash');
  });

  it('a provider gets 403 on worker routes', async () => {
    const h = harness();
    const response = await h.raw({ routeKey: 'GET /v1/cheque-requests', claims: { sub: 'p', roles: '[provider]', org: '0403170701' } });
    expectStatus(response, 403);
  });

  it('entitlement: defaults to the current school year, accepts another, refuses a malformed one', async () => {
    const h = harness();
    expect(bodyAt(await h.entitlement(RRN_A), 200).schoolYear).toBe('2026-2027');
    expect((await h.entitlement(RRN_A, { schoolYear: '2027-2028' })).body).toEqual({
      schoolYear: '2027-2028', usedCents: 0, remainingCents: 25_000, remainingHigherEducationCents: 50_000, provisional: false,
    });
    expect((await h.entitlement(RRN_A, { schoolYear: '2027-2029' })).status).toBe(400);
    // R-CHQ-5: a later year without data borrows the latest rules (provisional); a year before all data has none.
    expect((await h.entitlement(RRN_A, { schoolYear: '2040-2041' })).body).toMatchObject({ remainingCents: 25_000, provisional: true });
    expect(bodyAt(await h.entitlement(RRN_A, { schoolYear: '2010-2011' }), 200)).toMatchObject({ remainingCents: 0, provisional: false });
  });
});

describe('issue 12: worker mail goes to the verified address', () => {
  const mailsTo = (h: ReturnType<typeof harness>) =>
    [...h.store.outbox.values()].flatMap((message) => (message.kind === 'mail' ? message.mail.to : []));

  it('a verified email claim replaces the typed address for the request and every mail', async () => {
    const h = harness();
    const response = await h.request(RRN_A, body({}, { email: 'stranger@example.org' }), { email: 'an@verified.example', email_verified: 'true' });
    expectStatus(response, 201);
    expect(response.body.worker.email).toBe('an@verified.example');
    expect(new Set(mailsTo(h))).toEqual(new Set(['an@verified.example']));
  });

  it('an unverified email claim is not trusted: the typed address is used', async () => {
    const h = harness();
    await h.request(RRN_A, body({}, { email: 'an.peeters@example.be' }), { email: 'other@example.org', email_verified: 'false' });
    expect(new Set(mailsTo(h))).toEqual(new Set(['an.peeters@example.be']));
  });
});
