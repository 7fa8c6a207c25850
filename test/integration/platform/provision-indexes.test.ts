import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { mainTable, type TableDefinition } from '../../../functions/storage/definitions';
import { provisionTables } from '../../../infra/local/provision';
import { stack } from '../../support/stack';

describe('local provisioning of a table kept from before an index existed', () => {
  it('adds the indexes the definitions gained since (the worklist index, issue 11) and keeps the table', async () => {
    // Prepare: a table as an older checkout made it, without the worklist index
    const client = new DynamoDBClient({ endpoint: stack().endpoints.dynamodb, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const id = `provision-${randomUUID()}`;
    const older: TableDefinition = { ...mainTable, id, globalIndexes: mainTable.globalIndexes.filter((index) => index.name !== 'worklist') };
    await provisionTables(client, [older]);
    const before = await client.send(new DescribeTableCommand({ TableName: id }));

    // Act
    await provisionTables(client, [{ ...mainTable, id }]);
    await provisionTables(client, [{ ...mainTable, id }]); // idempotent

    // Assess
    const after = await client.send(new DescribeTableCommand({ TableName: id }));
    expect(before.Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).not.toContain('worklist');
    expect(after.Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(mainTable.globalIndexes.map((index) => index.name).sort());
    expect(after.Table?.CreationDateTime).toEqual(before.Table?.CreationDateTime);
    client.destroy();
  });
});
