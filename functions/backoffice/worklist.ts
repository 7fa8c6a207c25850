import type { ApplicationStatus } from '../../shared/applications/state-machine';
import { listApplicationsByStatus, statusQueueCursor } from '../applications/repository';
import { toApplicationResponse } from '../applications/use-cases';
import { gsi } from '../storage/keys';
import { loadApplication, type BackofficeConfig } from './context';
import { view } from './view';

/** GET /v1/backoffice/applications: the queue of one status, oldest submission first (gsi2 Query). */
export async function listQueue(
  config: BackofficeConfig,
  query: { status: ApplicationStatus; limit?: number | undefined; cursor?: string | undefined },
) {
  const startKey = query.cursor === undefined ? undefined : statusQueueCursor.decode(query.cursor, { gsi2pk: gsi.applicationStatus(query.status) });
  const page = await listApplicationsByStatus(config.table, query.status, {
    limit: query.limit ? Number(query.limit) : 50,
    ...(startKey ? { startKey } : {}),
  });
  return { items: page.items.map((app) => ({ ...toApplicationResponse(app), orgKbo: app.orgKbo })), nextCursor: page.nextCursor };
}

/** GET /v1/backoffice/applications/{id}: everything, with the history (R-BO-6). */
export async function readForBackoffice(config: BackofficeConfig, id: string, now: Date) {
  return view(config, await loadApplication(config.table, id), now);
}
