import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import {
  contactSchema,
  generalContactOf,
  lmsDocumentSchema,
  lmsSchema,
  organisationKindSchema,
  qualityRegistrationSchema,
} from '../../shared/organisations/organisation';
import { dynamo } from '../adapters/aws-clients';
import { gsi, keys } from '../storage/keys';
import { contactCheckDue } from '../../shared/organisations/contact-check';
import { OrganisationVersionConflict, type OrganisationStore, type StoredOrganisation } from './store';

export { OrganisationVersionConflict, type PendingLmsUpload, type StoredOrganisation } from './store';

/**
 * DynamoDB adapter of the organisation store (main table, `ORG#<kbo>` / `PROFILE`, listed on gsi1
 * `ORGS`). Optimistic concurrency: every write names the version it read (`null` for a new
 * organisation), so a provider's PUT cannot overwrite what the back office recorded in between.
 *
 * Items are parsed with zod here, at the boundary. Attributes other areas keep on the item (e.g. the
 * yearly contact check's `contactCheckRequestedAt`) are kept as they are (loose object), so a save
 * never drops them. R-ORG-2: an item stored before the general contact existed reads with the
 * dossier contact as general contact, and without cheques contact.
 */

const pendingUploadSchema = z.object({
  id: z.string(), name: z.string(), contentType: z.string(), size: z.number(), key: z.string(), createdAt: z.string(),
});

const storedOrganisationSchema = z.looseObject({
  kbo: z.string(),
  name: z.string(),
  contact: contactSchema,
  generalContact: contactSchema.nullish(),
  chequesContact: contactSchema.nullish(),
  kind: organisationKindSchema,
  lms: lmsSchema.nullable(),
  qualityRegistration: qualityRegistrationSchema,
  lmsDocument: lmsDocumentSchema,
  contactConfirmedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  lmsUpload: pendingUploadSchema.nullish(),
  lmsDocumentKey: z.string().nullish(),
});

const KEY_ATTRIBUTES = ['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'duePk', 'dueAt'] as const;

/** A stored item as a `StoredOrganisation` (throws when the item is not one). */
export function organisationFromItem(item: Record<string, unknown>): StoredOrganisation {
  const copy = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete copy[attribute];
  const parsed = storedOrganisationSchema.parse(copy);
  const { lms, lmsUpload, lmsDocumentKey, ...rest } = parsed;
  return {
    ...rest,
    lms: lms === null ? null : { system: lms.system, ...(lms.otherName === undefined ? {} : { otherName: lms.otherName }) },
    generalContact: generalContactOf(parsed),
    chequesContact: parsed.chequesContact ?? null,
    ...(lmsUpload === undefined ? {} : { lmsUpload }),
    ...(lmsDocumentKey === undefined ? {} : { lmsDocumentKey }),
  };
}

export function dynamoOrganisationStore(table: string): OrganisationStore {
  return {
    async get(kbo) {
      const result = await dynamo().send(new GetCommand({ TableName: table, Key: keys.organisation(kbo), ConsistentRead: true }));
      return result.Item ? organisationFromItem(result.Item) : null;
    },

    async save(organisation, expectedVersion) {
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
    },
  };
}

/** The organisation, or null (for callers outside the provider area that hold a table name). */
export async function getOrganisation(table: string, kbo: string): Promise<StoredOrganisation | null> {
  return dynamoOrganisationStore(table).get(kbo);
}

/** Writes the organisation when the stored version is still `expectedVersion` (see `OrganisationStore.save`). */
export async function saveOrganisation(
  table: string,
  organisation: Omit<StoredOrganisation, 'version'>,
  expectedVersion: number | null,
): Promise<StoredOrganisation> {
  return dynamoOrganisationStore(table).save(organisation, expectedVersion);
}
