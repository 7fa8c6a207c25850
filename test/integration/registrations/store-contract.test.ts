import { beforeAll } from 'vitest';
import type { RegistrationStore } from '../../../functions/registrations/store';
import { registrationStoreContract } from '../../support/contracts/registration-store';
import { table, useStackEnv } from './support';

/** The same contract suite as the fake's, against the DynamoDB adapter on DynamoDB Local. */
let make: () => RegistrationStore;

beforeAll(async () => {
  useStackEnv(); // the adapter's clients follow AWS_ENDPOINT_URL_DYNAMODB and the local credentials
  const { dynamoRegistrationStore } = await import('../../../functions/registrations/dynamo-store');
  make = () => dynamoRegistrationStore(table());
});

registrationStoreContract('DynamoDB Local adapter', () => make());
