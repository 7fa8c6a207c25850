import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/applications/application';
import { addDays, addMonths } from '../../../shared/time/calendar';
import { provisionTables } from '../../../infra/local/provision';
import { mainTable } from '../../../functions/storage/definitions';
import { keys } from '../../../functions/storage/keys';
import { WORKLIST_KEY_ATTRIBUTES } from '../../../functions/applications/worklist-items';
import { worklistBackfillContract } from '../../support/contracts/worklist-backfill';
import { stack } from '../../support/stack';
import { freshKbo, newApplication } from '../../unit/provider/contracts/stores';
import { useStackEnv } from '../registrations/support';

/*
 * The worklist backfill (decision 0014) against DynamoDB Local, on a main table of this test's own (the
 * backfill reads a whole table): applications stored the way they were before the worklist existed
 * (no index keys, no token items) are found by the worklist after one run; a second run writes nothing.
 */
const ownTable = `main-backfill-${Date.now()}`;
/** The whole-run test's table: it counts every application the run reads. */
const runTable = `main-backfill-run-${Date.now()}`;
let db: DynamoDBDocumentClient;
let adapters: {
  repository: typeof import('../../../functions/applications/dynamo-store');
  index: typeof import('../../../functions/backoffice/worklist-store');
  worklist: typeof import('../../../functions/backoffice/worklist');
  backfill: typeof import('../../../functions/backoffice/worklist-backfill');
  store: typeof import('../../../functions/backoffice/worklist-backfill-store');
};

beforeAll(async () => {
  useStackEnv();
  const client = new DynamoDBClient({ endpoint: stack().endpoints.dynamodb, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await provisionTables(client, [{ ...mainTable, id: ownTable }, { ...mainTable, id: runTable }]);
  db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  adapters = {
    repository: await import('../../../functions/applications/dynamo-store'),
    index: await import('../../../functions/backoffice/worklist-store'),
    worklist: await import('../../../functions/backoffice/worklist'),
    backfill: await import('../../../functions/backoffice/worklist-backfill'),
    store: await import('../../../functions/backoffice/worklist-backfill-store'),
  };
});
afterAll(() => db?.destroy());

function submittedOn(on: string, overrides: Partial<Application> = {}): Application {
  const end = addMonths(on, 3);
  return newApplication(freshKbo(), {
    title: 'Heftruck veilig besturen', status: 'screening', submittedAt: `${on}T09:00:00.000Z`, organisationName: 'Vormingscentrum Oud',
    deadlines: { decisionPeriodEnd: end, forcedForwardDate: addDays(end, -14) }, ...overrides,
  });
}

/** An application item as stored before the worklist existed: the same item without its index keys, and no token items. */
async function storeOldShaped(app: Application, table = ownTable): Promise<void> {
  const [item] = adapters.repository.applicationItems(app);
  const old = { ...item };
  for (const name of WORKLIST_KEY_ATTRIBUTES) delete old[name];
  await db.send(new PutCommand({ TableName: table, Item: old }));
}

worklistBackfillContract('DynamoDB Local adapter', () => ({
  store: adapters.store.dynamoWorklistBackfillStore(ownTable),
  storeOldShaped: (app) => storeOldShaped(app),
  find: async (word) => (await adapters.worklist.listWorklist(adapters.index.dynamoWorklistIndex(ownTable), { q: word, sort: 'submitted' })).items.map((item) => item.id),
}));

describe('worklist backfill on DynamoDB Local (decision 0014)', () => {
  it('old-shaped applications are found by the worklist after one run, the data untouched; a second run writes nothing; a run resumes from a printed cursor', async () => {
    // Prepare: three old-shaped submitted dossiers, an old-shaped draft, and one written by today's store (already indexed)
    const old = [submittedOn('2026-01-10'), submittedOn('2026-02-10', { status: 'forwarded' }), submittedOn('2026-03-10', { ownReference: 'ZORRO-77' })];
    const draft = newApplication(freshKbo(), { title: 'Heftruck ontwerp' });
    const current = submittedOn('2026-04-10');
    for (const app of [...old, draft]) await storeOldShaped(app, runTable);
    await adapters.repository.dynamoApplicationStore(runTable).create(current);
    const index = adapters.index.dynamoWorklistIndex(runTable);
    const store = adapters.store.dynamoWorklistBackfillStore(runTable);
    const found = async () => (await adapters.worklist.listWorklist(index, { q: 'heftruck', sort: 'submitted' })).items.map((item) => item.id);
    const before = await found();
    const pages: Array<string | null> = [];

    // Act
    const first = await adapters.backfill.backfillWorklist(store, { pageSize: 2, onPage: (p) => pages.push(p.cursor) });
    const after = await found();
    const second = await adapters.backfill.backfillWorklist(store, { pageSize: 2 });
    const resumed = await adapters.backfill.backfillWorklist(store, { pageSize: 2, from: pages[0] ?? null });

    // Assert
    expect(before).toEqual([current.id]);
    expect(first).toMatchObject({ read: 5, written: 3, changedMeanwhile: 0, cursor: null });
    expect(after).toEqual([...old.map((app) => app.id), current.id]);
    expect((await adapters.worklist.listWorklist(index, { q: 'zorro', sort: 'submitted' })).items.map((item) => item.id)).toEqual([old[2]!.id]);
    expect(second).toMatchObject({ read: 5, written: 0, changedMeanwhile: 0 });
    expect(pages.at(-1)).toBeNull();
    expect(resumed.read).toBeLessThan(5);
    expect(resumed.written).toBe(0);
    const stored = (await db.send(new GetCommand({ TableName: runTable, Key: keys.application(old[0]!.id), ConsistentRead: true }))).Item;
    expect(stored).toMatchObject({ version: 1, title: old[0]!.title, wlpk: 'APPSTATUS#screening' });
  });
});
