import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { afterAll, beforeAll } from 'vitest';
import { provisionTables, streamArnOf } from '../../infra/local/provision';
import { stack } from './stack';

export interface StreamTable {
  ddb: DynamoDBClient;
  streams: DynamoDBStreamsClient;
  table: string;
  streamArn: string;
}

/**
 * A table of the test's own (key `pk`, NEW_AND_OLD_IMAGES stream) in the shared stack's DynamoDB Local,
 * created before the suite's tests and its clients closed after them. Read the fields inside tests.
 */
export function streamTable(prefix: string): StreamTable {
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const t = { table: `${prefix}-${Date.now()}` } as StreamTable;
  beforeAll(async () => {
    const endpoint = stack().endpoints.dynamodb;
    t.ddb = new DynamoDBClient({ endpoint, region: 'eu-west-1', credentials });
    t.streams = new DynamoDBStreamsClient({ endpoint, region: 'eu-west-1', credentials });
    await provisionTables(t.ddb, [{ id: t.table, envVar: 'X', partitionKey: 'pk', globalIndexes: [], stream: 'NEW_AND_OLD_IMAGES' }]);
    t.streamArn = await streamArnOf(t.ddb, t.table);
  });
  afterAll(() => { t.ddb?.destroy(); t.streams?.destroy(); });
  return t;
}
