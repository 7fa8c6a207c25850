import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ApplicationBody } from '../../../shared/applications/application';
import type { OrganisationBody } from '../../../shared/organisations/organisation';
import { api, providerToken, sentMails, stack, type SentMail } from '../../support/stack';
import { validApplication } from '../../unit/applications/application-fixture';

/** Fixtures and direct store access for the provider tests (real SDK against the stack's emulators). */

export const organisationBody = (overrides: Partial<OrganisationBody> = {}): OrganisationBody => ({
  name: 'Opleidingscentrum Test',
  contact: { name: 'An Peeters', email: `contact-${Math.random().toString(36).slice(2, 10)}@opleider.test`, phone: '+32 2 553 00 00' },
  kind: 'general',
  lms: null,
  ...overrides,
});

/** A complete, admissible integral application (the unit fixture, with a unique own reference and a later start). */
export const applicationBody = (overrides: Partial<ApplicationBody> = {}): ApplicationBody => validApplication({
  ownReference: `XL-${Math.random().toString(36).slice(2, 8)}`,
  plannedStart: '2027-09-01',
  plannedEnd: '2028-06-30',
  ...overrides,
});

let documentClient: DynamoDBDocumentClient | undefined;
export function db(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: stack().endpoints.dynamodb, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return documentClient;
}

let s3Client: S3Client | undefined;
export function s3(): S3Client {
  s3Client ??= new S3Client({ endpoint: stack().endpoints.s3, region: 'eu-west-1', forcePathStyle: true, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return s3Client;
}

export const table = () => stack().env.TABLE_NAME as string;
export const bucket = () => stack().env.DOCUMENTS_BUCKET as string;

export async function storedApplication(id: string): Promise<Record<string, unknown> | undefined> {
  return (await db().send(new GetCommand({ TableName: table(), Key: { pk: `APP#${id}`, sk: 'APP' }, ConsistentRead: true }))).Item;
}

export async function storedOrganisation(kbo: string): Promise<Record<string, unknown> | undefined> {
  return (await db().send(new GetCommand({ TableName: table(), Key: { pk: `ORG#${kbo}`, sk: 'PROFILE' }, ConsistentRead: true }))).Item;
}

export async function applicationsOf(kbo: string): Promise<Record<string, unknown>[]> {
  const result = await db().send(new QueryCommand({
    TableName: table(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': `ORG#${kbo}#APPS` },
  }));
  return result.Items ?? [];
}

export async function outboxItem(id: string): Promise<Record<string, unknown> | undefined> {
  return (await db().send(new GetCommand({ TableName: table(), Key: { pk: `OUTBOX#${id}`, sk: 'OUTBOX' }, ConsistentRead: true }))).Item;
}

/** What the back office will record (its route comes later): the organisation's quality registration (R-ORG-3). */
export async function recordQualityRegistration(kbo: string, since = '2025-01-01'): Promise<void> {
  await db().send(new UpdateCommand({
    TableName: table(), Key: { pk: `ORG#${kbo}`, sk: 'PROFILE' },
    UpdateExpression: 'SET qualityRegistration = :q, #v = #v + :one',
    ExpressionAttributeNames: { '#v': 'version' },
    ExpressionAttributeValues: { ':q': { registered: true, since }, ':one': 1 },
  }));
}

export async function objectExists(key: string): Promise<boolean> {
  try {
    await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
    return true;
  } catch {
    return false;
  }
}

export interface Provider {
  kbo: string;
  token: string;
  email: string;
}

/** A provider whose organisation profile is filled in. */
export async function providerWithOrganisation(kbo: string, overrides: Partial<OrganisationBody> = {}): Promise<Provider> {
  const token = await providerToken(kbo);
  const body = organisationBody(overrides);
  const response = await api('PUT', '/v1/organisation', { token, body });
  if (response.status !== 200) throw new Error(`PUT /v1/organisation: ${response.status} ${response.text}`);
  return { kbo, token, email: body.contact.email };
}

export async function createDraft(provider: Provider, overrides: Partial<ApplicationBody> = {}): Promise<{ id: string; body: ApplicationBody }> {
  const body = applicationBody(overrides);
  const response = await api('POST', '/v1/applications', { token: provider.token, body });
  if (response.status !== 201) throw new Error(`POST /v1/applications: ${response.status} ${response.text}`);
  return { id: response.body.id, body };
}

export interface UploadSlotBody {
  document: { id: string; status: string };
  upload: { url: string; fields: Record<string, string> };
  confirmUrl: string;
}

/**
 * A slot's confirm URL as the contract route it goes to, checked here, so `api('POST', …)` types the
 * confirmation's response from the contract (test/support/api-types.ts) instead of `unknown`.
 */
export function documentConfirmPath(slot: { confirmUrl: string }): `/v1/applications/${string}/documents/${string}/confirm` {
  if (!/^\/v1\/applications\/[^/]+\/documents\/[^/]+\/confirm$/.test(slot.confirmUrl)) throw new Error(`not a document confirm URL: ${slot.confirmUrl}`);
  return slot.confirmUrl as `/v1/applications/${string}/documents/${string}/confirm`;
}

/** The same for an LMS document's slot (`/v1/organisation/lms-document/{documentId}/confirm`). */
export function lmsConfirmPath(slot: { confirmUrl: string }): `/v1/organisation/lms-document/${string}/confirm` {
  if (!/^\/v1\/organisation\/lms-document\/[^/]+\/confirm$/.test(slot.confirmUrl)) throw new Error(`not an LMS document confirm URL: ${slot.confirmUrl}`);
  return slot.confirmUrl as `/v1/organisation/lms-document/${string}/confirm`;
}

/** Uploads like a browser: a multipart/form-data POST of the slot's fields, then the file (last). */
export async function uploadWithSlot(slot: UploadSlotBody, bytes: Uint8Array, fieldOverrides: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...slot.upload.fields, ...fieldOverrides })) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)]), 'upload.bin');
  return fetch(slot.upload.url, { method: 'POST', body: form });
}

export const PDF_BYTES = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'));
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

export const mailsTo = async (email: string): Promise<SentMail[]> =>
  (await sentMails()).filter((mail) => mail.destination.to.includes(email));
