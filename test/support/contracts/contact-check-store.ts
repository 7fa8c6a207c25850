/**
 * The contact-check port's contract (R-REG-4), run against the in-memory fake
 * (test/unit/organisations/contact-check.test.ts) AND the DynamoDB Local adapter
 * (test/integration/registrations/store-contract.test.ts). Entries are due in 1921–1929, before any
 * other test's contact-check run, so no other run records them meanwhile.
 */
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ContactCheckStore, DueContactCheck } from '../../../functions/organisations/contact-check-store';
import type { OutboxMessage } from '../../../functions/outbox/outbox';
import { uniqueKbo } from '../ids';

export interface ContactCheckStoreUnderTest {
  store: ContactCheckStore;
  /** Stores an organisation whose `contact-check` entry is due at `dueAt`, as the organisation adapter writes it. */
  add(organisation: DueContactCheck['organisation'], dueAt: string): Promise<void>;
}

const mail = (id: string): { id: string; message: OutboxMessage } => ({ id, message: { kind: 'mail', mail: { to: ['algemeen@opleider.test'], subject: 'Kloppen uw contactgegevens nog?', text: 't', html: '<p>t</p>' } } });
const contact = (who: string) => ({ name: who, email: `${who}@opleider.test`, phone: '+32 2 553 00 00' });

export function contactCheckStoreContract(name: string, make: () => Promise<ContactCheckStoreUnderTest>): void {
  describe(`ContactCheckStore contract: ${name}`, () => {
    it('R-REG-4: an organisation is due from its entry on, not before; recording the request moves the entry, once', async () => {
      // Prepare
      const { store, add } = await make();
      const kbo = uniqueKbo();
      const organisation = { kbo, name: `Centrum ${kbo}`, contact: contact('dossier'), generalContact: contact('algemeen'), contactConfirmedAt: '1920-03-01T09:00:00.000Z' };
      const dueAt = `19${randomInt(21, 29)}-03-01T09:00:00.000Z`;
      await add(organisation, dueAt);
      const mine = async (now: Date) => {
        const found: DueContactCheck[] = [];
        for await (const page of store.due(now)) found.push(...page.items.filter((item) => item.organisation.kbo === kbo));
        return found;
      };
      const after = new Date(new Date(dueAt).getTime() + 60_000);

      // Act
      const before = await mine(new Date(new Date(dueAt).getTime() - 1000));
      const due = await mine(after);
      const check = due[0] ?? { organisation, dueAt };
      const first = await store.recordRequest(check, '2099-01-01T00:00:00.000Z', mail(`contract-contact-check:${kbo}:${dueAt}`), after);
      const second = await store.recordRequest(check, '2099-01-01T00:00:00.000Z', mail(`contract-contact-check:${kbo}:${dueAt}:2`), after);

      // Assess
      expect(before).toEqual([]);
      expect(due).toEqual([{ organisation, dueAt }]);
      expect(first).toBe('recorded');
      expect(second).toBe('stale');
      expect(await mine(after)).toEqual([]);
      expect(await mine(new Date('2099-01-01T00:00:00.000Z'))).toEqual([{ organisation, dueAt: '2099-01-01T00:00:00.000Z' }]);
    });
  });
}
