import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll } from 'vitest';
import type { ContactCheckStore } from '../../../functions/organisations/contact-check-store';
import type { RegistrationStore } from '../../../functions/registrations/store';
import { keys } from '../../../functions/storage/keys';
import { contactCheckStoreContract } from '../../support/contracts/contact-check-store';
import { registrationStoreContract } from '../../support/contracts/registration-store';
import { db, table, useStackEnv } from './support';

/** The same contract suites as the fakes', against the DynamoDB adapters on DynamoDB Local. */
let registrations: () => RegistrationStore;
let contactChecks: () => ContactCheckStore;

beforeAll(async () => {
  useStackEnv(); // the adapters' clients follow AWS_ENDPOINT_URL_DYNAMODB and the local credentials
  const { dynamoRegistrationStore } = await import('../../../functions/registrations/dynamo-store');
  const { dynamoContactCheckStore } = await import('../../../functions/organisations/dynamo-contact-check-store');
  registrations = () => dynamoRegistrationStore(table());
  contactChecks = () => dynamoContactCheckStore(table());
});

registrationStoreContract('DynamoDB Local adapter', () => registrations());

contactCheckStoreContract('DynamoDB Local adapter', async () => ({
  store: contactChecks(),
  // an organisation item as the organisation adapter writes it, with its contact-check entry
  add: async (organisation, dueAt) => {
    await db().send(new PutCommand({
      TableName: table(),
      Item: {
        ...keys.organisation(organisation.kbo), type: 'organisation', gsi1pk: 'ORGS', gsi1sk: organisation.kbo, ...organisation,
        chequesContact: null, kind: 'general', lms: null, qualityRegistration: { registered: true, since: '2020-01-01' },
        lmsDocument: { status: 'missing', fileName: null, uploadedAt: null }, updatedAt: organisation.contactConfirmedAt, version: 1,
        duePk: 'contact-check', dueAt,
      },
    }));
  },
}));
