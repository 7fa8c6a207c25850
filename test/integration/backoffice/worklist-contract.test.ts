import { beforeAll } from 'vitest';
import { worklistIndexContract } from '../../support/contracts/worklist-index';
import { table, useStackEnv } from '../registrations/support';

/** The worklist index's contract against DynamoDB Local, written through the application store's real item mapping. */
let adapters: {
  applications: typeof import('../../../functions/applications/repository');
  worklist: typeof import('../../../functions/backoffice/worklist-store');
};

beforeAll(async () => {
  useStackEnv();
  adapters = {
    applications: await import('../../../functions/applications/repository'),
    worklist: await import('../../../functions/backoffice/worklist-store'),
  };
});

worklistIndexContract('DynamoDB Local adapter', () => ({
  applications: adapters.applications.dynamoApplicationStore(table()),
  index: adapters.worklist.dynamoWorklistIndex(table()),
}));
