import { searchTokens, worklistSortKey } from '../../../../shared/backoffice/worklist';
import type { StoredApplication } from '../../../../functions/applications/store';
import type { WorklistEntry, WorklistIndex } from '../../../../functions/backoffice/worklist';

/**
 * In-memory fake of the worklist index over the applications of an in-memory application store: the
 * same partitions (status, or status and token), order and exclusive bounds as the DynamoDB adapter,
 * from the same pure rules (shared/backoffice/worklist.ts). The contract suite
 * (test/support/contracts/worklist-index.ts) runs against both.
 */
export function memoryWorklistIndex(applications: Map<string, StoredApplication>): WorklistIndex {
  return {
    async read(query) {
      const entries: WorklistEntry[] = [];
      for (const app of applications.values()) {
        if (!app.submittedAt || app.status !== query.status) continue;
        const tokens = searchTokens(app);
        if (query.token !== null && !tokens.includes(query.token)) continue;
        if (!query.alsoTokens.every((token) => tokens.includes(token))) continue;
        const sortKey = worklistSortKey(app, query.sort);
        if (query.after !== null && sortKey <= query.after) continue;
        if (query.before !== null && sortKey >= query.before) continue;
        entries.push({ sortKey, applicationId: app.id, application: query.token === null ? structuredClone(app) : null });
      }
      return entries.sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1)).slice(0, query.limit);
    },
    async applications(ids) {
      return ids.flatMap((id) => {
        const app = applications.get(id);
        return app ? [structuredClone(app)] : [];
      });
    },
  };
}
