import { describe, expect, it } from 'vitest';
import { askContactConfirmations, contactCheckMailId } from '../../../functions/organisations/contact-check';
import { contactCheckDue } from '../../../shared/organisations/contact-check';
import { contactCheckStoreContract } from '../../support/contracts/contact-check-store';
import { memoryContactCheckStore } from '../../support/fakes/memory-contact-check-store';

contactCheckStoreContract('in-memory fake', async () => {
  const store = memoryContactCheckStore(1);
  return { store, add: async (organisation, dueAt) => store.add(organisation, dueAt) };
});

const contact = (who: string) => ({ name: who, email: `${who}@opleider.test`, phone: '+32 2 553 00 00' });

describe('contact-check use case on the fake (R-REG-4)', () => {
  it('R-REG-4, R-ORG-2: a due organisation\'s general contact is asked once; the next check is a year after the request', async () => {
    // Prepare
    const contactChecks = memoryContactCheckStore();
    const confirmedAt = '2025-02-10T09:00:00.000Z';
    const dueAt = contactCheckDue({ contactConfirmedAt: confirmedAt })?.dueAt as string;
    contactChecks.add({ kbo: '0403170701', name: 'CVO Brabant', contact: contact('dossier'), generalContact: contact('algemeen'), contactConfirmedAt: confirmedAt }, dueAt);
    contactChecks.add({ kbo: '0202239951', name: 'Later', contact: contact('later'), generalContact: contact('later-algemeen'), contactConfirmedAt: '2025-06-01T09:00:00.000Z' }, '2026-06-01T09:00:00.000Z');

    // Act
    const early = await askContactConfirmations({ contactChecks }, new Date('2026-02-10T08:59:00.000Z')); // due at 09:00
    const first = await askContactConfirmations({ contactChecks }, new Date('2026-02-10T12:00:00.000Z'));
    const second = await askContactConfirmations({ contactChecks }, new Date('2026-02-10T12:00:00.000Z'));

    // Assess
    expect(early).toMatchObject({ job: 'contact-check', examined: 0, changed: 0 });
    expect(first).toMatchObject({ examined: 1, changed: 1 });
    expect(second).toMatchObject({ examined: 0, changed: 0 });
    const message = contactChecks.outbox.get(contactCheckMailId('0403170701', dueAt));
    expect(message).toMatchObject({ kind: 'mail', mail: { to: ['algemeen@opleider.test'], subject: 'Kloppen uw contactgegevens nog?' } });
    expect(contactChecks.outbox.size).toBe(1);
    expect(contactChecks.organisations.get('0403170701')).toMatchObject({ contactCheckRequestedAt: '2026-02-10T12:00:00.000Z', dueAt: '2027-02-10T12:00:00.000Z' });
  });
});
