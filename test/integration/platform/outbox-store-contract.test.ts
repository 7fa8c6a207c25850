import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll } from 'vitest';
import { dynamoOutboxStore } from '../../../functions/outbox/dynamo-store';
import { outboxPut } from '../../../functions/outbox/dynamo-store';
import { keys } from '../../../functions/storage/keys';
import { outboxStoreContract } from '../../support/contracts/outbox-store';
import { ownTable } from '../faults/support';

let own: Awaited<ReturnType<typeof ownTable>>;
beforeAll(async () => { own = await ownTable('outbox-contract'); });

outboxStoreContract('DynamoDB Local adapter', async () => ({
  store: dynamoOutboxStore(own.doc, own.table),
  add: async (id, message, now) => {
    await own.doc.send(new TransactWriteCommand({ TransactItems: [outboxPut(own.table, id, message, now)] }));
  },
  addInvalid: async (id, now) => {
    await own.doc.send(new PutCommand({
      TableName: own.table,
      Item: { ...keys.outbox(id), type: 'outbox', id, kind: 'carrier-pigeon', status: 'pending', message: { kind: 'carrier-pigeon' }, attempts: 0, createdAt: now.toISOString() },
    }));
  },
}));
