import type { TransactItem } from '../adapters/dynamo-transaction';
import { dynamoRegistrationLookup } from '../applications/wiring';
import { dynamoApplicationStore } from '../applications/dynamo-store';
import { dynamoOrganisationStore } from '../organisations/dynamo-store';
import { registerApprovedApplication } from '../registrations/dynamo-register';
import { s3DocumentLinker } from './s3-document-linker';
import { listHistory } from './history-store';
import type { BackofficePorts } from './ports';

/** The composition root of the back office: its ports on DynamoDB and S3. */
export function backofficePorts(config: { table: string; bucket: string }): BackofficePorts<TransactItem> {
  return {
    applications: dynamoApplicationStore(config.table),
    organisations: dynamoOrganisationStore(config.table),
    registrations: dynamoRegistrationLookup(config.table),
    history: { list: (applicationId) => listHistory(config.table, applicationId) },
    links: s3DocumentLinker(config.bucket),
    approvals: {
      async prepare(input) {
        const prepared = await registerApprovedApplication(input, { tableName: config.table });
        return { numbers: prepared.numbers, extraItems: prepared.transactItems };
      },
    },
  };
}
