import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Organisation } from '../../shared/organisations/organisation';
import { dynamo } from '../adapters/aws-clients';
import { gsi, keys } from '../storage/keys';
import { contactCheckDue } from '../registrations/due';

/**
 * DynamoDB repository of organisations (main table, `ORG#<kbo>` / `PROFILE`, listed on gsi1 `ORGS`).
 * Optimistic concurrency: every write names the version it read (`null` for a new organisation), so a
 * provider's PUT cannot overwrite what the back office recorded in between (quality registration).
 */

/** An upload slot handed out for the LMS follow-up document (R-ORG-4), not yet confirmed. */
export interface PendingLmsUpload {
  id: string;
  name: string;
  contentType: string;
  size: number;
  key: string;
  createdAt: string;
}

export interface StoredOrganisation extends Organisation {
  version: number;
  /** Internal: the LMS document upload awaiting confirmation. Never in API responses. */
  lmsUpload?: PendingLmsUpload | null;
  /** Internal: the storage key of the LMS document on file. */
  lmsDocumentKey?: string | null;
}

export class OrganisationVersionConflict extends Error {
  constructor(kbo: string) {
    super(`organisation ${kbo} was changed concurrently`);
    this.name = 'OrganisationVersionConflict';
  }
}

const KEY_ATTRIBUTES = ['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'duePk', 'dueAt'] as const;

export async function getOrganisation(table: string, kbo: string): Promise<StoredOrganisation | null> {
  const result = await dynamo().send(new GetCommand({ TableName: table, Key: keys.organisation(kbo), ConsistentRead: true }));
  if (!result.Item) return null;
  const item = { ...result.Item };
  for (const attribute of KEY_ATTRIBUTES) delete item[attribute];
  return item as StoredOrganisation;
}

/**
 * Writes the organisation when the stored version is still `expectedVersion` (`null`: it must not
 * exist yet). Returns the stored organisation with its new version.
 */
export async function saveOrganisation(
  table: string,
  organisation: Omit<StoredOrganisation, 'version'>,
  expectedVersion: number | null,
): Promise<StoredOrganisation> {
  const version = (expectedVersion ?? 0) + 1;
  const stored: StoredOrganisation = { ...organisation, version };
  try {
    await dynamo().send(new PutCommand({
      TableName: table,
      Item: {
        ...keys.organisation(organisation.kbo),
        type: 'organisation',
        gsi1pk: gsi.organisations,
        gsi1sk: organisation.kbo,
        ...stored,
        // R-REG-4: the yearly contact check is due a year after the last confirmation (a profile update confirms)
        ...(contactCheckDue(stored) ?? {}),
      },
      ...(expectedVersion === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#v = :expected', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }),
    }));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new OrganisationVersionConflict(organisation.kbo);
    throw error;
  }
  return stored;
}
