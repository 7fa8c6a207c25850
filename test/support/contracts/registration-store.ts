/**
 * The registration store port's contract (issue 15), run against the in-memory fake
 * (test/unit/registrations/store-contract.test.ts) AND the DynamoDB Local adapter
 * (test/integration/registrations/store-contract.test.ts), so the fake cannot drift from the real store.
 *
 * The stack's table is shared with every other test file, and their jobs act on whatever is due up to
 * their `now`: registrations here are valid from the 1920s, later than the `evaluation-overdue` test's
 * times and earlier than any other test's, and ODB numbers are random in a range no approval reaches.
 */
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../../shared/http/problem';
import { evaluationReminderDue } from '../../../shared/registrations/due';
import { addMonths, brusselsMidnight } from '../../../shared/time/calendar';
import { RegistrationWriteConflict, type RegistrationStore } from '../../../functions/registrations/store';
import type { OutboxMessage } from '../../../functions/outbox/outbox';
import { registration } from '../../unit/catalogue/registration-fixture';
import { uniqueKbo } from '../ids';

const freshOdb = () => `ODB-X9${String(randomInt(0, 100_000)).padStart(5, '0')}`;
const mail = (subject: string): OutboxMessage => ({ kind: 'mail', mail: { to: ['algemeen@opleider.test'], subject, text: subject, html: `<p>${subject}</p>` } });
const at = (iso: string) => new Date(iso);

function fresh(overrides: Parameters<typeof registration>[0] = {}) {
  const year = randomInt(1920, 1930);
  const validFrom = `${year}-0${randomInt(1, 10)}-15`;
  return registration({ odbNumber: freshOdb(), provider: { kbo: uniqueKbo(), name: 'Centrum' }, validFrom, evaluationDue: addMonths(validFrom, 12), applicationId: `app-${randomInt(0, 1e9)}`, ...overrides });
}

export function registrationStoreContract(name: string, makeStore: () => RegistrationStore): void {
  describe(`RegistrationStore contract: ${name}`, () => {
    it('R-BO-4: a new registration is written only if its number is free; a change only over the version it read', async () => {
      // Prepare
      const store = makeStore();
      const reg = fresh();
      const now = at('2026-03-01T10:00:00Z');

      // Act
      await store.write({ registration: reg, expected: null }, now);
      const first = await store.get(reg.odbNumber);
      const again = await store.write({ registration: { ...reg, title: 'Dubbel' }, expected: null }, now).then(() => 'written', (error: unknown) => error);
      await store.write({ registration: { ...reg, title: 'Nieuw' }, expected: first }, now);
      const stale = await store.write({ registration: { ...reg, title: 'Verouderd' }, expected: first }, now).then(() => 'written', (error: unknown) => error);

      // Assess
      expect(again).toBeInstanceOf(RegistrationWriteConflict);
      expect(stale).toBeInstanceOf(RegistrationWriteConflict);
      expect(first).toEqual({ registration: reg, version: 1, createdAt: now.toISOString() });
      expect(await store.get(reg.odbNumber)).toEqual({ registration: { ...reg, title: 'Nieuw' }, version: 2, createdAt: now.toISOString() });
      expect(await store.get(freshOdb())).toBeNull();
    });

    it('R-BO-6: history and outbox are written with the change or not at all (a message id is written once)', async () => {
      const store = makeStore();
      const reg = fresh();
      const now = at('2026-03-01T10:00:00Z');
      await store.write({ registration: reg, expected: null }, now);
      const v1 = await store.get(reg.odbNumber);
      const history = [{ applicationId: reg.applicationId, entry: { at: now.toISOString(), actor: 'bo-1', event: 'evaluation' as const, reason: 'Jaarlijkse evaluatie positief' }, n: 'evaluation-1' }];
      const outbox = [{ id: `contract-evaluation:${reg.odbNumber}`, message: mail('Evaluatie positief') }];

      await store.write({ registration: { ...reg, title: 'Geëvalueerd' }, expected: v1, history, outbox }, now);
      const v2 = await store.get(reg.odbNumber);
      const repeated = await store.write({ registration: { ...reg, title: 'Nog eens' }, expected: v2, outbox }, at('2026-03-02T10:00:00Z')).then(() => 'written', (error: unknown) => error);

      expect(repeated).toBeInstanceOf(RegistrationWriteConflict);
      expect(await store.get(reg.odbNumber)).toMatchObject({ version: 2, registration: { title: 'Geëvalueerd' } });
    });

    it('R-SUB-2: the organisation\'s registrations, every status, oldest valid-from first, paged; a crafted cursor is a 400', async () => {
      const store = makeStore();
      const kbo = uniqueKbo();
      const now = at('2026-03-01T10:00:00Z');
      const regs = [fresh({ validFrom: '1925-05-01' }), fresh({ validFrom: '1921-05-01', status: 'stopped' }), fresh({ validFrom: '1923-05-01' })]
        .map((reg) => ({ ...reg, provider: { kbo, name: 'Centrum' } }));
      for (const reg of regs) await store.write({ registration: reg, expected: null }, now);

      const first = await store.listByOrganisation(kbo, 2, undefined);
      const second = await store.listByOrganisation(kbo, 2, first.nextCursor ?? undefined);

      expect(first.items.map((s) => s.registration.validFrom)).toEqual(['1921-05-01', '1923-05-01']);
      expect(first.nextCursor).toEqual(expect.any(String));
      expect(second.items.map((s) => s.registration.validFrom)).toEqual(['1925-05-01']);
      expect(second.nextCursor).toBeNull();
      await expect(store.listByOrganisation(kbo, 2, 'bm90LWEtY3Vyc29y')).rejects.toMatchObject({ status: 400 });
      await expect(store.listByOrganisation(uniqueKbo(), 2, first.nextCursor ?? undefined)).rejects.toBeInstanceOf(ProblemError);
    });

    it('R-BO-5: a scheduled reminder is due from the day after the evaluation date; completing it is once; a new date schedules it again', async () => {
      // Prepare
      const store = makeStore();
      const reg = fresh();
      const entry = evaluationReminderDue(reg.evaluationDue);
      await store.write({ registration: reg, expected: null, scheduleEvaluationReminder: true }, at('2026-03-01T10:00:00Z'));
      const mine = async (now: Date) => {
        const found = [];
        for await (const page of store.dueReminders(now)) found.push(...page.items.filter((r) => r.odbNumber === reg.odbNumber));
        return found;
      };
      const justBefore = new Date(new Date(entry.dueAt).getTime() - 1000);
      const after = new Date(new Date(entry.dueAt).getTime() + 60_000);

      // Act
      const before = await mine(justBefore);
      const due = await mine(after);
      const completion = { reminder: due[0] ?? { odbNumber: reg.odbNumber, evaluationDue: reg.evaluationDue, dueAt: entry.dueAt }, outbox: [{ id: `contract-overdue:${reg.odbNumber}`, message: mail('Herinnering') }], history: [] };
      await store.completeReminder(completion, after);
      const second = await store.completeReminder(completion, after).then(() => 'completed again', (error: unknown) => error);
      const afterCompletion = await mine(after);
      const v1 = await store.get(reg.odbNumber);
      const nextDue = addMonths(reg.evaluationDue, 12);
      await store.write({ registration: { ...reg, evaluationDue: nextDue }, expected: v1, scheduleEvaluationReminder: true }, after);
      const rescheduled = await mine(new Date(new Date(evaluationReminderDue(nextDue).dueAt).getTime() + 60_000));

      // Assess
      expect(before).toEqual([]);
      expect(due).toEqual([{ odbNumber: reg.odbNumber, evaluationDue: reg.evaluationDue, dueAt: entry.dueAt }]);
      expect(second).toBeInstanceOf(RegistrationWriteConflict);
      expect(afterCompletion).toEqual([]);
      expect(rescheduled).toEqual([{ odbNumber: reg.odbNumber, evaluationDue: nextDue, dueAt: evaluationReminderDue(nextDue).dueAt }]);
      // the registration itself is untouched by its reminder (the catalogue reads its attributes)
      expect(v1).toMatchObject({ version: 1, registration: reg });
    });

    it('R-REG-1: a registration is in the due index for its one job from its date on, not before', async () => {
      const store = makeStore();
      const reg = fresh({ stopDate: '2190-02-01' }); // after every other test's job times: no other run stops it
      await store.write({ registration: reg, expected: null }, at('2026-03-01T10:00:00Z'));
      const mine = async (job: 'stop-dates' | 'evaluation-removals', now: Date) => {
        const found = [];
        for await (const page of store.due(job, now)) found.push(...page.items.filter((s) => s.registration.odbNumber === reg.odbNumber));
        return found;
      };

      const midnight = new Date(brusselsMidnight('2190-02-01'));
      expect(await mine('stop-dates', new Date(midnight.getTime() - 60_000))).toEqual([]);
      // Other files' stop-dates runs (at later times) may stop it meanwhile; then it has left the index.
      const listed = await mine('stop-dates', midnight);
      const current = await store.get(reg.odbNumber);
      if (current?.registration.status === 'active') expect(listed).toEqual([{ registration: reg, version: 1, createdAt: '2026-03-01T10:00:00.000Z' }]);
      else expect(current?.registration.status).toBe('stopped');
      expect(await mine('evaluation-removals', at('2189-01-01T00:00:00Z'))).toEqual([]);
    });
  });
}
