import { dynamoChequeStore } from '../../../functions/cheques/dynamo-store';
import { stack } from '../../support/stack';
import { chequeStoreContract } from '../../unit/cheques-http/store-contract';

chequeStoreContract('DynamoDB adapter on DynamoDB Local', () => {
  // The adapter's clients follow AWS_ENDPOINT_URL_DYNAMODB and the local credentials, as in the local stack.
  Object.assign(process.env, stack().env);
  return dynamoChequeStore(stack().env.TABLE_NAME as string);
});
