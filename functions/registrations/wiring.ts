import { dynamoOrganisationStore } from '../organisations/dynamo-store';
import { dynamoRegistrationStore } from './dynamo-store';
import type { RegistrationPorts } from './use-cases';

/** The composition root of the registrations area: the DynamoDB adapters behind its ports. */
export function registrationPorts(tableName: string): RegistrationPorts {
  return { registrations: dynamoRegistrationStore(tableName), organisations: dynamoOrganisationStore(tableName) };
}
