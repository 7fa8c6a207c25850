/**
 * Issue 11: the cheque mails as a worker reads them: the training by title and provider with its ODB
 * number, dates in Dutch words, a short reference, no rule codes, no ISO dates, no UUIDs; sent as the
 * cheques service.
 */
import { describe, expect, it } from 'vitest';
import { cancelledMessages, deliveredMessage, messagesOnSubmit } from '../../../functions/cheques/messages';
import type { StoredChequeRequest } from '../../../functions/cheques/stored-request';
import type { Mail } from '../../../functions/mail/mail';
import { storedChequeRequest } from '../../support/fixtures/cheques';

const ID = '3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c';
const base = storedChequeRequest({ id: ID });
const rejected: StoredChequeRequest = {
  ...base, status: 'rejected', contributionCents: 0, governmentCents: 0, contributionDueAt: null,
  reasons: [{ path: 'worker.worksInFlanders', code: 'R-CHQ-2', message: 'Opleidingscheques zijn er alleen voor werknemers die in Vlaanderen werken.' }],
};
const cancelled = { ...base, status: 'cancelled' as const, updatedAt: '2026-11-30T10:00:00.000Z' };

const mails = (entries: ReturnType<typeof messagesOnSubmit>): Array<[string, Mail]> =>
  entries.flatMap((entry) => (entry.message.kind === 'mail' ? [[entry.id, entry.message.mail] as [string, Mail]] : []));

const all: Array<[string, Mail]> = [
  ...mails(messagesOnSubmit(base)),
  ...mails(messagesOnSubmit(rejected)),
  ...mails([deliveredMessage({ ...base, status: 'issued' }, '2027-12-31')]),
  ...mails(cancelledMessages(base, cancelled, 'worker')),
  ...mails(cancelledMessages(base, cancelled, 'unpaid')).map(([id, mail]) => [`${id}:unpaid`, mail] as [string, Mail]),
];

describe('cheque mails read as a person would', () => {
  it('covers every cheque template', () => {
    expect(all.map(([id]) => id.split(':')[0]).sort()).toEqual(
      ['cheque-cancelled', 'cheque-cancelled', 'cheque-decision', 'cheque-decision', 'cheque-delivered', 'cheque-submitted', 'cheque-submitted'],
    );
  });

  it.each(all)('%s: no rule code, ISO date or UUID; names the training, its provider and ODB number; cheques sender', (_id, mail) => {
    for (const text of [mail.subject, mail.text, mail.html]) {
      expect(text).not.toMatch(/\bR-[A-Z]{2,4}-\d+\b/);
      expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    }
    expect(mail.text).toContain('"Heftruckchauffeur" van Vormingscentrum Noord (ODB-nummer ODB-A000123)');
    expect(mail.text).toContain('OC-3F2B8C1E');
    expect(mail.sender).toBe('cheques');
    expect(mail.text).toContain('Dienst Opleidingscheques');
  });

  it('dates are Dutch words: the payment deadline and the expiry date', () => {
    const approval = all.find(([id]) => id === `cheque-decision:${ID}`)?.[1];
    expect(approval?.text).toContain('uiterlijk op 23 december 2026');
    const delivered = all.find(([id]) => id.startsWith('cheque-delivered'))?.[1];
    expect(delivered?.text).toContain('tot en met 31 december 2027');
  });

  it('R-CHQ-7: a worker cancellation after an order tells the issuer and says so', () => {
    const entries = cancelledMessages(base, cancelled, 'worker');
    expect(entries.map((e) => e.id)).toEqual([`cheque-cancelled:${ID}`, `cheque-order-cancel:${ID}`]);
    const order = entries[1]?.message;
    expect(order?.kind === 'issuer-order' && order.order).toMatchObject({ action: 'cancel', requestId: ID });
    const mail = entries[0]?.message;
    expect(mail?.kind === 'mail' && mail.mail.text).toContain('Wij hebben de uitgever van de opleidingscheques gevraagd de bestelling te schrappen.');
  });

  it('an unknown training is named by its number alone', () => {
    const [, mail] = mails(messagesOnSubmit({ ...rejected, training: null }))[1] ?? [];
    expect(mail?.text).toContain('de opleiding met ODB-nummer ODB-A000123');
  });
});
