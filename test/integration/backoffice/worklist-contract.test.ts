import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomInt } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { addDays } from '../../../shared/time/calendar';
import { worklistIndexContract } from '../../support/contracts/worklist-index';
import { freshKbo, newApplication } from '../../unit/provider/contracts/stores';
import { db, table, useStackEnv } from '../registrations/support';

/** The worklist index's contract against DynamoDB Local, written through the application store's real item mapping. */
let adapters: {
  applications: typeof import('../../../functions/applications/dynamo-store');
  worklist: typeof import('../../../functions/backoffice/worklist-store');
  clients: typeof import('../../../functions/adapters/aws-clients');
};

beforeAll(async () => {
  useStackEnv();
  adapters = {
    applications: await import('../../../functions/applications/dynamo-store'),
    worklist: await import('../../../functions/backoffice/worklist-store'),
    clients: await import('../../../functions/adapters/aws-clients'),
  };
});

worklistIndexContract('DynamoDB Local adapter', () => ({
  applications: adapters.applications.dynamoApplicationStore(table()),
  index: adapters.worklist.dynamoWorklistIndex(table()),
}));

it('DynamoDB adapter, several words: a long run of the lead word without the other is skipped unread (zig-zag), not filtered entry by entry', async () => {
  const lead = `zz${randomInt(1e9, 1e10 - 1).toString(36)}`;
  const other = `zy${randomInt(1e9, 1e10 - 1).toString(36)}`;
  const kbo = freshKbo();
  // 300 dossiers with the lead word only, then one with both
  const apps = Array.from({ length: 301 }, (_, i) => newApplication(kbo, {
    title: i === 300 ? `Heftruck ${lead} ${other}` : `Heftruck ${lead}`, status: 'screening', submittedAt: `${addDays('1936-01-01', i)}T09:00:00.000Z`,
    deadlines: { decisionPeriodEnd: addDays('1936-04-01', i), forcedForwardDate: addDays('1936-03-18', i) },
  }));
  const items = apps.flatMap((app) => adapters.applications.applicationItems(app));
  for (let start = 0; start < items.length; start += 25) {
    await db().send(new BatchWriteCommand({ RequestItems: { [table()]: items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
  let evaluated = 0;
  const meter = 'worklistEvaluatedMeter';
  adapters.clients.dynamo().middlewareStack.add((next) => async (args) => {
    const result = await next(args);
    evaluated += (result.output as { ScannedCount?: number }).ScannedCount ?? 0;
    return result;
  }, { step: 'initialize', name: meter });
  try {
    const index = adapters.worklist.dynamoWorklistIndex(table());

    const found = await index.read({ status: 'screening', token: lead, alsoTokens: [other], sort: 'deadline', after: null, before: null, limit: 5 });

    expect(found.map((e) => e.applicationId)).toEqual([apps[300]!.id]);
    // filtering every entry of the run evaluates all 301; the zig-zag evaluates one page (16), one lookup of the other word, then the match
    expect(evaluated).toBeLessThan(40);
  } finally {
    adapters.clients.dynamo().middlewareStack.remove(meter);
  }
});
