import type { HistoryEntry } from '../../../../shared/applications/history';
import { ApplicationVersionConflict } from '../../../../functions/applications/store';
import type { ApprovalInput, BackofficePorts } from '../../../../functions/backoffice/ports';
import { memoryApplicationStore, memoryOrganisationStore, memoryRegistrations } from '../../provider/fakes/memory-stores';

/**
 * Every port of the back office in memory: the provider area's application and organisation fakes,
 * a history that records each transition and change with its actor and reason (R-BO-6), links that
 * name the document, and an approval registrar that allocates numbers in order and records what it
 * registered.
 */
export function memoryBackofficePorts() {
  const store = memoryApplicationStore();
  const organisations = memoryOrganisationStore();
  const history = new Map<string, HistoryEntry[]>();
  const approved: ApprovalInput[] = [];
  let nextNumber = 0;
  const record = (applicationId: string, entry: HistoryEntry) => history.set(applicationId, [...(history.get(applicationId) ?? []), entry]);
  const withoutExtra = <T extends { extraItems?: unknown }>(request: T): Omit<T, 'extraItems'> => {
    const { extraItems: _extra, ...rest } = request;
    return rest;
  };

  const applications: BackofficePorts['applications'] = {
    get: store.get, create: store.create, put: store.put, listByOrg: store.listByOrg, claimHolders: store.claimHolders, statuses: store.statuses,
    async transition(request) {
      const next = await store.transition(withoutExtra(request));
      record(next.id, { at: request.now.toISOString(), actor: request.actorId ?? request.actor, event: request.event, reason: request.reason ?? null });
      return next;
    },
    async change(request) {
      const { application, now } = request;
      const current = store.applications.get(application.id);
      if (!current || current.version !== application.version) throw new ApplicationVersionConflict(application.id);
      if (request.mail && store.outbox.has(request.mail.outboxId)) throw new ApplicationVersionConflict(application.id);
      const { version: _v, duePk: _p, dueAt: _a, ...data } = application;
      const next = await store.put({ ...data, ...request.changes, updatedAt: now.toISOString() }, application.version, { previous: application });
      if (request.mail) store.outbox.set(request.mail.outboxId, structuredClone(request.mail.mail));
      record(next.id, { at: now.toISOString(), actor: request.actorId, event: request.event, reason: request.reason ?? null });
      return next;
    },
  };

  const ports: BackofficePorts = {
    applications,
    organisations,
    registrations: memoryRegistrations(),
    history: { list: async (applicationId) => structuredClone(history.get(applicationId) ?? []) },
    links: async (applicationId, document) => `memory://documents/${applicationId}/${document.id}`,
    approvals: {
      async prepare(input) {
        approved.push(input);
        const number = () => `ODB-A${String(++nextNumber).padStart(6, '0')}`;
        return { numbers: { training: number(), modules: (input.application.modules ?? []).map(() => number()) }, extraItems: [] };
      },
    },
  };
  return { ports, store, organisations, history, approved };
}
