/**
 * Test support for the cheque area: registrations seeded directly as items (keys.registration, shape
 * `Registration`) with the real SDK — so these tests do not wait for the back-office area — and the
 * issuer's signed events.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomInt, randomUUID } from 'node:crypto';
import { keys } from '../../../functions/storage/keys';
import type { ChequeCategory } from '../../../shared/cheques/cheque-category';
import type { ChequeRequestBody } from '../../../shared/cheques/cheque-request';
import { ISSUER_SIGNATURE_HEADER, ISSUER_TIMESTAMP_HEADER } from '../../../shared/cheques/issuer-events';
import { signIssuerEvent } from '../../../shared/cheques/signature';
import type { Registration } from '../../../shared/registrations/registration';
import { toRegistrationItem } from '../../../functions/registrations/items';
import { api, stack } from '../../support/stack';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
let documentClient: DynamoDBDocumentClient | undefined;
export function db(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: stack().endpoints.dynamodb, region: 'eu-west-1', credentials }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return documentClient;
}

let s3Client: S3Client | undefined;
export function s3(): S3Client {
  s3Client ??= new S3Client({ endpoint: stack().endpoints.s3, region: 'eu-west-1', credentials, forcePathStyle: true });
  return s3Client;
}

/** A fresh, well-formed ODB number high in the Z series, far above what test allocations reach, so tests never collide. */
export const uniqueOdbNumber = () => `ODB-Z${randomInt(900_000, 1_000_000)}`;

export const uniqueEmail = (what = 'werknemer') => `${what}-${randomUUID().slice(0, 8)}@example.be`;

/** Writes a registration item as the back-office area stores it. */
export async function seedRegistration(overrides: Partial<Registration> & { chequeCategory: ChequeCategory }): Promise<Registration> {
  const odbNumber = overrides.odbNumber ?? uniqueOdbNumber();
  const registration: Registration = {
    odbNumber,
    title: `Testopleiding ${odbNumber}`,
    ownReference: 'TEST',
    provider: { kbo: '0403170701', name: 'Testaanbieder' },
    validFrom: '2024-09-01',
    stopDate: null,
    status: 'active',
    replacedBy: null,
    replaces: null,
    modules: [],
    structure: 'integral',
    competenceGroups: ['professionSpecific'],
    contactHours: 40,
    studyPoints: null,
    mentorTraining: null,
    targetGroup: 'Werknemers',
    content: 'Inhoud',
    websiteUrl: 'https://example.be',
    blended: false,
    distanceHours: null,
    finalAssessment: true,
    leadsToQualification: false,
    language: null,
    incentives: ['trainingLeave', 'trainingCheques'],
    evaluationDue: '2027-09-01',
    removalDate: null,
    applicationId: `app-${randomUUID()}`,
    stopReason: null,
    evaluations: [],
    ...overrides,
  };
  await db().send(new PutCommand({
    TableName: stack().env.TABLE_NAME,
    Item: toRegistrationItem(registration, 1, '2024-06-01T10:00:00.000Z', new Date('2024-06-01T10:00:00.000Z')),
  }));
  return registration;
}

export function requestBody(odbNumber: string, amountCents: number, email: string, worker: Partial<ChequeRequestBody['worker']> = {}): ChequeRequestBody {
  return {
    odbNumber,
    amountCents,
    worker: {
      firstName: 'Sam', lastName: 'Janssens', email, educationLevel: 'secondary', worksInFlanders: true, hasPersonalDevelopmentPlan: false,
      ...worker,
    },
  };
}

export interface IssuerPost {
  secret?: string;
  /** Epoch seconds; default now. */
  timestamp?: number;
}

/** Posts an issuer event signed as the real issuer (and `npm run issuer`) does. */
export function postIssuerEvent(event: Record<string, unknown>, options: IssuerPost = {}) {
  const rawBody = JSON.stringify({ eventId: randomUUID(), occurredAt: new Date().toISOString(), ...event });
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = signIssuerEvent(options.secret ?? stack().env.ISSUER_WEBHOOK_SECRET ?? '', timestamp, rawBody);
  return api('POST', '/v1/issuer/events', {
    rawBody,
    headers: { 'content-type': 'application/json', [ISSUER_TIMESTAMP_HEADER]: timestamp, [ISSUER_SIGNATURE_HEADER]: signature },
  });
}

export async function storedRequest(id: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: stack().env.TABLE_NAME, Key: keys.chequeRequest(id), ConsistentRead: true }));
  return Item;
}

export async function issuerOrder(requestId: string): Promise<Record<string, unknown> | undefined> {
  try {
    const object = await s3().send(new GetObjectCommand({ Bucket: stack().env.ISSUER_BUCKET, Key: `orders/${requestId}.json` }));
    return JSON.parse(await object.Body?.transformToString() ?? '{}') as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
