import { PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll } from 'vitest';
import { applicationStoreContract, documentStorageContract, organisationStoreContract } from '../../unit/provider/contracts/stores';
import { useStackEnv } from '../registrations/support';
import { bucket, s3, table } from './support';

/** The same contract suites as the fakes, against the real adapters on DynamoDB Local and the S3 emulator. */
let adapters: {
  applications: typeof import('../../../functions/applications/dynamo-store');
  organisations: typeof import('../../../functions/organisations/dynamo-store');
  documents: typeof import('../../../functions/documents/s3-storage');
};

beforeAll(async () => {
  useStackEnv();
  adapters = {
    applications: await import('../../../functions/applications/dynamo-store'),
    organisations: await import('../../../functions/organisations/dynamo-store'),
    documents: await import('../../../functions/documents/s3-storage'),
  };
});

applicationStoreContract('DynamoDB Local adapter', () => adapters.applications.dynamoApplicationStore(table()));
organisationStoreContract('DynamoDB Local adapter', () => adapters.organisations.dynamoOrganisationStore(table()));
documentStorageContract('S3 emulator adapter', () => ({
  storage: adapters.documents.s3DocumentStorage(bucket()),
  upload: async (key, bytes, contentType) => {
    await s3().send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: bytes, ContentType: contentType }));
  },
}));
