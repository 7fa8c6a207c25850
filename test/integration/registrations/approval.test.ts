import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../functions/storage/keys';
import { api, eventually } from '../../support/stack';
import { approvedApplication, getItem, mailsTo, modularOverrides, seedOrganisation, useStackEnv } from './support';

type RegisterModule = typeof import('../../../functions/registrations/register');
let register: RegisterModule;

beforeAll(async () => {
  useStackEnv();
  register = await import('../../../functions/registrations/register');
});

const approve = async (input: Parameters<RegisterModule['registerApprovedApplication']>[0]) => {
  const prepared = await register.registerApprovedApplication(input);
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

  it('R-BO-4: the series follows the organisation kind (X higher education, Y adult education, Z SYNTRA)', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    for (const [kind, letter] of [['higherEducation', 'X'], ['adultEducation', 'Y'], ['syntra', 'Z']] as const) {
      const org = await seedOrganisation({ kind });
      const { prepared } = await approve({ application: approvedApplication(org), organisation: org, validFrom: '2026-04-01', now });
      expect(prepared.numbers.training.slice(0, 5)).toBe(`ODB-${letter}`);
    }
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
    await new Promise((r) => setTimeout(r, 500));
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
    expect(viaModule.status).toBe(200);
    expect(viaModule.body.odbNumber).toBe(prepared.numbers.training);
    expect(viaModule.body.modules.map((m: { odbNumber: string }) => m.odbNumber)).toEqual(prepared.numbers.modules);
    expect(viaModule.body).not.toHaveProperty('applicationId');
  });
});

describe('re-registration (R-REG-2)', () => {
  it('R-REG-2: approving a replacement marks the old registration replaced; the old number stays resolvable', async () => {
    // Prepare
    const org = await seedOrganisation();
    const now = new Date('2026-03-01T10:00:00Z');
    const old = await approve({ application: approvedApplication(org), organisation: org, validFrom: '2025-01-01', now });
    const oldNumber = old.prepared.numbers.training;

    // Act
    const replacement = await approve({ application: approvedApplication(org, { replacesOdbNumber: oldNumber }), organisation: org, validFrom: '2026-06-01', now });

    // Assess
    const newNumber = replacement.prepared.numbers.training;
    expect(await getItem(keys.registration(oldNumber))).toMatchObject({ status: 'replaced', replacedBy: newNumber, gsi2pk: 'REGSTATUS#replaced', version: 2 });
    expect(await getItem(keys.registration(newNumber))).toMatchObject({ status: 'active', replaces: oldNumber });
    const publicOld = await api('GET', `/v1/trainings/${oldNumber}`);
    expect(publicOld.status).toBe(200);
    expect(publicOld.body).toMatchObject({ odbNumber: oldNumber, status: 'replaced', replacedBy: newNumber });
  });

  it("R-REG-2: replacing another organisation's registration is refused (409) and allocates nothing on retry", async () => {
    const orgA = await seedOrganisation();
    const orgB = await seedOrganisation();
    const now = new Date('2026-03-01T10:00:00Z');
    const ofA = await approve({ application: approvedApplication(orgA), organisation: orgA, validFrom: '2026-01-01', now });
    const application = approvedApplication(orgB, { replacesOdbNumber: ofA.prepared.numbers.training });

    await expect(register.registerApprovedApplication({ application, organisation: orgB, validFrom: '2026-04-01', now })).rejects.toMatchObject({ status: 409 });
    const reservation = await getItem(keys.odbAllocation(application.id));
    await expect(register.registerApprovedApplication({ application, organisation: orgB, validFrom: '2026-04-01', now })).rejects.toMatchObject({ status: 409 });

    expect(await getItem(keys.odbAllocation(application.id))).toEqual(reservation);
    expect(await getItem(keys.registration(ofA.prepared.numbers.training))).toMatchObject({ status: 'active', replacedBy: null });
    expect(await getItem(keys.registration(reservation?.training as string))).toBeUndefined();
  });
});
