import { randomUUID } from 'node:crypto';
import { notFound } from '../../shared/http/problem';
import { listHistory } from '../backoffice/history-store';
import { s3DocumentStorage } from '../documents/s3-storage';
import { dynamoOrganisationStore } from '../organisations/dynamo-store';
import { getRegistration } from '../registrations/dynamo-store';
import type { ProviderPorts, RegistrationLookup } from './ports';
import { dynamoApplicationStore } from './dynamo-store';
import type { StoredApplication } from './store';

/** The composition root of the provider area: the DynamoDB and S3 adapters behind its ports. */

export interface ApplicationsConfig {
  table: string;
  bucket: string;
}

/** R-REG-2: reads a registration through the registrations area's store. */
export function dynamoRegistrationLookup(table: string): RegistrationLookup {
  return {
    async find(odbNumber) {
      const stored = await getRegistration(table, odbNumber);
      return stored ? { providerKbo: stored.registration.provider.kbo, status: stored.registration.status } : null;
    },
  };
}

export function providerPorts(config: ApplicationsConfig): ProviderPorts {
  return {
    applications: dynamoApplicationStore(config.table),
    organisations: dynamoOrganisationStore(config.table),
    registrations: dynamoRegistrationLookup(config.table),
    documents: s3DocumentStorage(config.bucket),
    history: { list: (applicationId) => listHistory(config.table, applicationId) },
    newId: randomUUID,
  };
}

/** One application of this organisation (404 otherwise), for areas that hold a table name (the back office's answers). */
export async function loadOwnApplication(config: Pick<ApplicationsConfig, 'table'>, kbo: string, id: string): Promise<StoredApplication> {
  const app = await dynamoApplicationStore(config.table).get(id);
  if (!app || app.orgKbo !== kbo) throw notFound('Deze aanvraag bestaat niet of hoort niet bij uw organisatie.');
  return app;
}
