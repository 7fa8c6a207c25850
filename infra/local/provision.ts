import {
  CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceInUseException, UpdateTableCommand, UpdateTimeToLiveCommand,
  type AttributeDefinition, type GlobalSecondaryIndex, type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import type { BucketDefinition, TableDefinition } from '../../functions/storage/definitions';

/** Creates the tables from the shared definitions (idempotent: existing tables are kept, and get the indexes the definitions added since). */
export async function provisionTables(client: DynamoDBClient, definitions: readonly TableDefinition[]): Promise<void> {
  for (const table of definitions) {
    const attributes = new Set<string>([table.partitionKey]);
    const keySchema: KeySchemaElement[] = [{ AttributeName: table.partitionKey, KeyType: 'HASH' }];
    if (table.sortKey) {
      attributes.add(table.sortKey);
      keySchema.push({ AttributeName: table.sortKey, KeyType: 'RANGE' });
    }
    const indexes: GlobalSecondaryIndex[] = table.globalIndexes.map((index) => {
      attributes.add(index.partitionKey);
      attributes.add(index.sortKey);
      return {
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      };
    });
    const attributeDefinitions: AttributeDefinition[] = [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' }));
    try {
      await client.send(new CreateTableCommand({
        TableName: table.id,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: keySchema,
        AttributeDefinitions: attributeDefinitions,
        ...(indexes.length ? { GlobalSecondaryIndexes: indexes } : {}),
        ...(table.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream } } : {}),
      }));
      if (table.ttlAttribute) {
        await client.send(new UpdateTimeToLiveCommand({
          TableName: table.id,
          TimeToLiveSpecification: { Enabled: true, AttributeName: table.ttlAttribute },
        }));
      }
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
      await addMissingIndexes(client, table.id, indexes, attributeDefinitions);
    }
  }
}

/**
 * A table kept in `.data/` from before an index was defined gets it now (one UpdateTable per index,
 * as DynamoDB requires). Items written before carry no key attributes of the new index until their
 * next write (e.g. the back office's `worklist`, docs/decisions/0014).
 */
async function addMissingIndexes(client: DynamoDBClient, tableName: string, indexes: GlobalSecondaryIndex[], attributeDefinitions: AttributeDefinition[]) {
  const existing = new Set(((await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of indexes.filter((candidate) => !existing.has(candidate.IndexName))) {
    await client.send(new UpdateTableCommand({
      TableName: tableName, AttributeDefinitions: attributeDefinitions, GlobalSecondaryIndexUpdates: [{ Create: index }],
    }));
  }
}

export async function streamArnOf(client: DynamoDBClient, tableName: string): Promise<string> {
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const arn = described.Table?.LatestStreamArn;
  if (!arn) throw new Error(`Table ${tableName} has no stream`);
  return arn;
}

/** Creates the buckets (idempotent), with CORS for browser uploads where the definition asks for it. */
export async function provisionBuckets(client: S3Client, definitions: readonly BucketDefinition[], allowedOrigins: string[]) {
  for (const bucket of definitions) {
    try {
      await client.send(new CreateBucketCommand({ Bucket: bucket.id }));
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
    }
    if (bucket.browserUploads) {
      await client.send(new PutBucketCorsCommand({
        Bucket: bucket.id,
        CORSConfiguration: { CORSRules: [{ AllowedMethods: ['POST'], AllowedOrigins: allowedOrigins, AllowedHeaders: ['*'], MaxAgeSeconds: 3000 }] },
      })).catch(() => undefined); // the emulator may not implement CORS configuration; it is not enforced locally
    }
  }
}
