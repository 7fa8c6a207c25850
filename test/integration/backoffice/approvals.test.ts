import { describe, expect, it } from 'vitest';
import { ODB_NUMBER_PATTERN } from '../../../shared/registrations/odb-number';
import { api, eventually, expectEachStatus, expectStatus } from '../../support/stack';
import { db, storedApplication, table } from '../provider/support';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { backoffice, forwarded, mailsTo, registeredProvider } from './support';

/** The ODB numbers reserved for an application (R-BO-4): written once, by the first approval. */
const allocation = async (applicationId: string) =>
  (await db().send(new GetCommand({ TableName: table(), Key: { pk: `ODBALLOC#${applicationId}`, sk: 'ODBALLOC' }, ConsistentRead: true }))).Item;

describe('approval (R-BO-3, R-BO-4)', () => {
  it('R-BO-4: 20 parallel approvals get 20 distinct ODB numbers, each registered in the same transaction as the application', async () => {
    // Prepare
    const provider = await registeredProvider();
    const ids = await Promise.all(Array.from({ length: 20 }, () => forwarded(provider)));

    // Act
    const responses = await Promise.all(ids.map((id) =>
      backoffice('POST', `/v1/backoffice/applications/${id}/decision`, { outcome: 'approved', validFrom: '2026-09-01', chequeCategory: 'standard' })));

    // Assess
    expectEachStatus(responses, 200);
    const numbers = responses.map((r) => r.body.odbNumbers!.training as string);
    expect(new Set(numbers).size).toBe(20);
    for (const number of numbers) expect(number).toMatch(ODB_NUMBER_PATTERN);
    for (const r of responses) expect(r.body).toMatchObject({ status: 'approved', decision: { outcome: 'approved', validFrom: '2026-09-01' }, due: null });
    const list = await api('GET', '/v1/registrations?limit=100', { token: provider.token });
    expectStatus(list, 200);
    expect(list.body.items.map((reg: { odbNumber: string }) => reg.odbNumber).sort()).toEqual([...numbers].sort());
    const mails = await eventually(async () => { const m = (await mailsTo(provider.email)).filter((mail) => numbers.some((n) => mail.body.text?.includes(n))); return m.length === 20 && m; });
    expect(mails).toHaveLength(20);
  });

  it('R-BO-4: a replayed approval (same Idempotency-Key, or the same decision again, or concurrently) allocates nothing new', async () => {
    // Prepare
    const provider = await registeredProvider();
    const id = await forwarded(provider);
    const decision = { outcome: 'approved', validFrom: '2026-10-01', chequeCategory: 'standard' };
    const headers = { 'idempotency-key': `approve-${id}` };

    // Act
    const first = await backoffice('POST', `/v1/backoffice/applications/${id}/decision`, decision, headers);
    const before = await allocation(id);
    const replay = await backoffice('POST', `/v1/backoffice/applications/${id}/decision`, decision, headers);
    const again = await backoffice('POST', `/v1/backoffice/applications/${id}/decision`, decision);
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => backoffice('POST', `/v1/backoffice/applications/${id}/decision`, decision)));
    const after = await allocation(id);

    // Assess
    expectStatus(first, 200);
    expectStatus(replay, 200);
    expect(replay.text).toBe(first.text);
    expectStatus(again, 200);
    expect(again.body.odbNumbers).toEqual(first.body.odbNumbers);
    expectEachStatus(concurrent, 200);
    for (const r of concurrent) expect(r.body.odbNumbers).toEqual(first.body.odbNumbers);
    expect(after).toEqual(before);
    expect(before).toMatchObject({ training: first.body.odbNumbers!.training });
    const list = await api('GET', '/v1/registrations', { token: provider.token });
    expectStatus(list, 200);
    expect(list.body.items).toHaveLength(1);
    expect((await storedApplication(id))?.version).toBe(first.body.version);
  });

  it('R-CHQ-4, R-BO-4: the decision grants category and series; the back office sees proposal and grant side by side', async () => {
    // Prepare: the provider proposes nt2 (fully paid by the government) for what is in fact an ordinary course
    const provider = await registeredProvider();
    const id = await forwarded(provider, { chequeCategory: 'nt2' });
    const before = await backoffice('GET', `/v1/backoffice/applications/${id}`);

    // Act
    const missing = await backoffice('POST', `/v1/backoffice/applications/${id}/decision`, { outcome: 'approved', validFrom: '2026-09-01' });
    const approved = await backoffice('POST', `/v1/backoffice/applications/${id}/decision`, { outcome: 'approved', validFrom: '2026-09-01', chequeCategory: 'standard', series: 'Y' });

    // Assess
    expectStatus(before, 200);
    expect(before.body.grant).toEqual({ proposed: { chequeCategory: 'nt2', series: null }, granted: null });
    expectStatus(missing, 400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'chequeCategory', code: 'R-CHQ-4' })]);
    expectStatus(approved, 200);
    expect(approved.body.grant).toEqual({ proposed: { chequeCategory: 'nt2', series: null }, granted: { chequeCategory: 'standard', series: 'Y' } });
    const odb = approved.body.odbNumbers!.training as string;
    expect(odb).toMatch(/^ODB-Y\d{6}$/);
    expect((await api('GET', `/v1/trainings/${odb}`)).body).toMatchObject({ odbNumber: odb, chequeCategory: 'standard' });
  });

  it('R-BO-4: concurrent approvals of ONE application register it once', async () => {
    // Prepare
    const provider = await registeredProvider();
    const id = await forwarded(provider);

    // Act
    const responses = await Promise.all(Array.from({ length: 6 }, () =>
      backoffice('POST', `/v1/backoffice/applications/${id}/decision`, { outcome: 'approved', validFrom: '2026-10-01', chequeCategory: 'standard' })));

    // Assess
    expectEachStatus(responses, 200);
    expect(new Set(responses.map((r) => r.body.odbNumbers!.training)).size).toBe(1);
    const list = await api('GET', '/v1/registrations', { token: provider.token });
    expectStatus(list, 200);
    expect(list.body.items).toHaveLength(1);
  });
});
