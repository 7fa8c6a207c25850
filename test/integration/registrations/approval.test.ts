import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../functions/storage/keys';
import { api, eventually, expectStatus, streamsIdle } from '../../support/stack';
import { approvedApplication, getItem, mailsTo, modularOverrides, seedOrganisation, useStackEnv } from './support';

type RegisterModule = typeof import('../../../functions/registrations/dynamo-register');
let register: RegisterModule;

beforeAll(async () => {
  useStackEnv();
  register = await import('../../../functions/registrations/dynamo-register');
});

type ApprovalInput = Parameters<RegisterModule['registerApprovedApplication']>[0];
const ORDINARY = { chequeCategory: 'standard', series: null } as const;

const approve = async (input: Omit<ApprovalInput, 'grant'> & { grant?: ApprovalInput['grant'] }) => {
  const prepared = await register.registerApprovedApplication({ grant: ORDINARY, ...input });
  const committed = await register.commitRegistration(prepared);
  return { prepared, committed };
};

describe('approval registers the training (R-BO-3, R-BO-4)', () => {
  it('R-BO-4: 20 parallel approvals get 20 distinct training numbers, and every module its own', async () => {
    // Prepare
    const org = await seedOrganisation({ kind: 'general' });
    const applications = Array.from({ length: 20 }, (_, i) => approvedApplication(org, i % 2 === 0 ? modularOverrides(2) : {}));
    const now = new Date('2026-03-01T10:00:00Z');

    // Act
    const results = await Promise.all(applications.map((application) => approve({ application, organisation: org, validFrom: '2026-04-01', now })));

    // Assess
    const trainingNumbers = results.map((r) => r.prepared.numbers.training);
    const allNumbers = results.flatMap((r) => [r.prepared.numbers.training, ...r.prepared.numbers.modules]);
    expect(new Set(trainingNumbers).size).toBe(20);
    expect(allNumbers).toHaveLength(20 + 10 * 2);
    expect(new Set(allNumbers).size).toBe(allNumbers.length);
    expect(allNumbers.every((n) => /^ODB-A\d{6}$/.test(n))).toBe(true);
    expect(results.every((r) => r.prepared.newlyAllocated && r.committed.committed)).toBe(true);
    for (const r of results) {
      // a block is contiguous: training, then its modules
      const sequence = [r.prepared.numbers.training, ...r.prepared.numbers.modules].map((n) => Number(n.slice(5)));
      expect(sequence).toEqual(sequence.map((_, i) => (sequence[0] as number) + i));
      const stored = await getItem(keys.registration(r.prepared.numbers.training));
      expect(stored).toMatchObject({ type: 'registration', status: 'active', validFrom: '2026-04-01', gsi1pk: `ORG#${org.kbo}#REGS`, gsi2pk: 'REGSTATUS#active' });
    }
  });

  it('R-BO-4: the series is the one the decision grants (X, Y, Z), not the organisation kind', async () => {
    // Prepare
    const now = new Date('2026-03-01T10:00:00Z');
    const general = await seedOrganisation({ kind: 'general' });
    const university = await seedOrganisation({ kind: 'higherEducation' });
    // Act
    const granted = await Promise.all((['X', 'Y', 'Z'] as const).map((series) =>
      approve({ application: approvedApplication(general), organisation: general, validFrom: '2026-04-01', grant: { chequeCategory: 'standard', series }, now })));
    const ordinary = await approve({ application: approvedApplication(university), organisation: university, validFrom: '2026-04-01', now });
    // Assess
    expect(granted.map(({ prepared }) => prepared.numbers.training.slice(0, 5))).toEqual(['ODB-X', 'ODB-Y', 'ODB-Z']);
    expect(ordinary.prepared.numbers.training.slice(0, 5)).toBe('ODB-A'); // a university's teambuilding course is no diploma programme
  });

  it('R-CHQ-4: the registration carries the granted cheque category, not the proposal', async () => {
    // Prepare
    const org = await seedOrganisation();
    const application = approvedApplication(org, { chequeCategory: 'nt2' });
    // Act
    const { prepared } = await approve({ application, organisation: org, validFrom: '2026-04-01', grant: { chequeCategory: 'standard', series: null }, now: new Date('2026-03-01T10:00:00Z') });
    // Assess
    expect(await getItem(keys.registration(prepared.numbers.training))).toMatchObject({ chequeCategory: 'standard' });
    expect((await api('GET', `/v1/trainings/${prepared.numbers.training}`)).body).toMatchObject({ chequeCategory: 'standard' });
  });

  it('R-BO-4: a replayed approval allocates nothing new and writes nothing twice', async () => {
    // Prepare
    const org = await seedOrganisation();
    const application = approvedApplication(org, modularOverrides(3));
    const now = new Date('2026-03-01T10:00:00Z');
    const first = await approve({ application, organisation: org, validFrom: '2026-04-01', now });

    // Act
    const replay = await approve({ application, organisation: org, validFrom: '2026-04-01', now: new Date('2026-03-02T10:00:00Z') });

    // Assess
    expect(replay.prepared.newlyAllocated).toBe(false);
    expect(replay.prepared.alreadyRegistered).toBe(true);
    expect(replay.prepared.transactItems).toEqual([]);
    expect(replay.committed.committed).toBe(false);
    expect(replay.prepared.numbers).toEqual(first.prepared.numbers);
    expect(await getItem(keys.registration(first.prepared.numbers.training))).toMatchObject({ version: 1 });
    await eventually(async () => (await mailsTo(org.contact.email)).length === 1);
  });

  it('R-BO-4: concurrent duplicates of one approval share one set of numbers and one registration', async () => {
    const org = await seedOrganisation();
    const application = approvedApplication(org, modularOverrides(1));
    const now = new Date('2026-03-01T10:00:00Z');

    const results = await Promise.all(Array.from({ length: 6 }, () => approve({ application, organisation: org, validFrom: '2026-04-01', now })));

    expect(new Set(results.map((r) => JSON.stringify(r.prepared.numbers))).size).toBe(1);
    expect(results.filter((r) => r.committed.committed)).toHaveLength(1);
    const mails = await eventually(async () => { const m = await mailsTo(org.contact.email); return m.length > 0 && m; });
    await streamsIdle();
    expect(await mailsTo(org.contact.email)).toHaveLength(mails.length);
    expect(mails).toHaveLength(1);
  });

  it("R-BO-3: the organisation's contact gets the numbers, in Dutch; module numbers resolve to the training", async () => {
    const org = await seedOrganisation();
    const { prepared } = await approve({ application: approvedApplication(org, modularOverrides(2)), organisation: org, validFrom: '2026-04-01', now: new Date('2026-03-01T10:00:00Z') });

    const [mail] = await eventually(async () => { const m = await mailsTo(org.contact.email); return m.length > 0 && m; });
    expect(mail?.subject).toBe(`Opleiding geregistreerd: ${prepared.numbers.training}`);
    for (const n of [prepared.numbers.training, ...prepared.numbers.modules]) expect(mail?.body.text).toContain(n);
    expect(mail?.body.text).toContain('1 april 2026');

    const moduleNumber = prepared.numbers.modules[1] as string;
    const viaModule = await api('GET', `/v1/trainings/${moduleNumber}`);
    expectStatus(viaModule, 200);
    expect(viaModule.body.odbNumber).toBe(prepared.numbers.training);
    expect(viaModule.body.modules.map((m: { odbNumber: string }) => m.odbNumber)).toEqual(prepared.numbers.modules);
    expect(viaModule.body).not.toHaveProperty('applicationId');
  });
});

describe('re-registration (R-REG-2)', () => {
  it('R-REG-2: approving a replacement keeps the old registration active until the new valid-from, naming its successor', async () => {
    // Prepare
    const org = await seedOrganisation();
    const now = new Date('2026-03-01T10:00:00Z');
    const old = await approve({ application: approvedApplication(org), organisation: org, validFrom: '2025-01-01', now });
    const oldNumber = old.prepared.numbers.training;

    // Act
    const replacement = await approve({ application: approvedApplication(org, { replacesOdbNumber: oldNumber }), organisation: org, validFrom: '2026-06-01', now });

    // Assess
    const newNumber = replacement.prepared.numbers.training;
    expect(await getItem(keys.registration(oldNumber))).toMatchObject({
      status: 'active', replacedBy: newNumber, replacedFrom: '2026-06-01', gsi2pk: 'REGSTATUS#active', version: 2,
      duePk: 'stop-dates', dueAt: '2026-05-31T22:00:00.000Z',
    });
    expect(await getItem(keys.registration(newNumber))).toMatchObject({ status: 'active', replaces: oldNumber });
  });

  it('R-REG-2: a replacement valid from today or earlier replaces the old one at once; the old number stays resolvable', async () => {
    const org = await seedOrganisation();
    const now = new Date('2026-03-01T10:00:00Z');
    const old = await approve({ application: approvedApplication(org), organisation: org, validFrom: '2025-01-01', now });
    const oldNumber = old.prepared.numbers.training;

    const replacement = await approve({ application: approvedApplication(org, { replacesOdbNumber: oldNumber }), organisation: org, validFrom: '2026-03-01', now });

    const newNumber = replacement.prepared.numbers.training;
    expect(await getItem(keys.registration(oldNumber))).toMatchObject({ status: 'replaced', replacedBy: newNumber, replacedFrom: '2026-03-01', gsi2pk: 'REGSTATUS#replaced' });
    const publicOld = await api('GET', `/v1/trainings/${oldNumber}`);
    expectStatus(publicOld, 200);
    expect(publicOld.body).toMatchObject({ odbNumber: oldNumber, status: 'replaced', replacedBy: newNumber, replacedFrom: '2026-03-01' });
  });

  it("R-REG-2: replacing another organisation's registration is refused (409) and allocates nothing on retry", async () => {
    const orgA = await seedOrganisation();
    const orgB = await seedOrganisation();
    const now = new Date('2026-03-01T10:00:00Z');
    const ofA = await approve({ application: approvedApplication(orgA), organisation: orgA, validFrom: '2026-01-01', now });
    const application = approvedApplication(orgB, { replacesOdbNumber: ofA.prepared.numbers.training });

    await expect(register.registerApprovedApplication({ application, organisation: orgB, validFrom: '2026-04-01', grant: ORDINARY, now })).rejects.toMatchObject({ status: 409 });
    const reservation = await getItem(keys.odbAllocation(application.id));
    await expect(register.registerApprovedApplication({ application, organisation: orgB, validFrom: '2026-04-01', grant: ORDINARY, now })).rejects.toMatchObject({ status: 409 });

    expect(await getItem(keys.odbAllocation(application.id))).toEqual(reservation);
    expect(await getItem(keys.registration(ofA.prepared.numbers.training))).toMatchObject({ status: 'active', replacedBy: null });
    expect(await getItem(keys.registration(reservation?.training as string))).toBeUndefined();
  });
});
