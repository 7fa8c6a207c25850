import { describe, expect, it } from 'vitest';
import { ApplicationVersionConflict } from '../../../functions/applications/store';
import type { BackofficePorts } from '../../../functions/backoffice/ports';
import { freshKbo, newApplication } from '../../unit/provider/contracts/stores';

const mail = (to: string) => ({ to: [to], subject: 'Uw dossier werd gewijzigd', text: 'Tekst', html: '<p>Tekst</p>' });

/**
 * The back office's application port with its history (R-BO-6, R-BO-7), against the in-memory fake
 * (unit) AND the DynamoDB Local adapters (integration): every transition and change is one history
 * entry with who, when, what and why, in order; a change is version-checked and sends its mail once.
 */
export function backofficeHistoryContract(name: string, make: () => Pick<BackofficePorts, 'applications' | 'history'>) {
  describe(`back-office application store and history contract: ${name}`, () => {
    it('R-BO-6: each transition and change is one entry (actor, event, reason), oldest first', async () => {
      const { applications, history } = make();
      const stored = await applications.create(newApplication(freshKbo(), { status: 'screening', submittedAt: '2026-10-01T09:00:00.000Z' }));

      const asked = await applications.transition({
        application: stored, event: 'ask-question', actor: 'backoffice', actorId: 'bo-1', reason: 'Welke lesgevers?', now: new Date('2026-10-02T10:00:00.000Z'),
      });
      const changed = await applications.change({
        application: asked, event: 'amend', actorId: 'bo-2', reason: 'Uren aangepast', now: new Date('2026-10-03T10:00:00.000Z'), changes: { contactHours: 48 },
      });

      expect(changed).toMatchObject({ status: 'question-open', contactHours: 48, version: stored.version + 2 });
      expect(await history.list(stored.id)).toEqual([
        { at: '2026-10-02T10:00:00.000Z', actor: 'bo-1', event: 'ask-question', reason: 'Welke lesgevers?' },
        { at: '2026-10-03T10:00:00.000Z', actor: 'bo-2', event: 'amend', reason: 'Uren aangepast' },
      ]);
    });

    it('R-BO-7: a change on a stale version conflicts and writes nothing; its mail id is used once', async () => {
      const { applications, history } = make();
      const stored = await applications.create(newApplication(freshKbo(), { status: 'screening', submittedAt: '2026-10-01T09:00:00.000Z' }));
      const outboxId = `contract-amended:${stored.id}`;
      const first = await applications.change({
        application: stored, event: 'amend', actorId: 'bo-1', reason: 'a', now: new Date('2026-10-02T10:00:00.000Z'), changes: { contactHours: 41 },
        mail: { outboxId, mail: mail('a@opleider.test') },
      });

      await expect(applications.change({ application: stored, event: 'amend', actorId: 'bo-1', reason: 'b', now: new Date('2026-10-02T11:00:00.000Z'), changes: { contactHours: 42 } }))
        .rejects.toBeInstanceOf(ApplicationVersionConflict);
      await expect(applications.change({ application: first, event: 'amend', actorId: 'bo-1', reason: 'c', now: new Date('2026-10-02T12:00:00.000Z'), changes: { contactHours: 43 }, mail: { outboxId, mail: mail('a@opleider.test') } }))
        .rejects.toBeInstanceOf(ApplicationVersionConflict);
      expect(await applications.get(stored.id)).toMatchObject({ contactHours: 41, version: first.version });
      expect((await history.list(stored.id)).map((entry) => entry.reason)).toEqual(['a']);
    });
  });
}
