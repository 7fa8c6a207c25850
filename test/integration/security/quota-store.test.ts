import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoQuotaStore } from '../../../functions/quotas/dynamo-quota-store';
import { quotaTable } from '../../../functions/storage/definitions';
import { stack } from '../../support/stack';
import { quotaStoreContract } from '../../support/quota-store-contract';

quotaStoreContract('DynamoDB adapter on DynamoDB Local', () => {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({
    endpoint: stack().endpoints.dynamodb, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  }));
  return dynamoQuotaStore(quotaTable.id, client);
});
