import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import type { Application } from '../../../shared/applications/application';
import type { Organisation, OrganisationKind } from '../../../shared/organisations/organisation';
import { keys } from '../../../functions/storage/keys';
import { sentMails, stack } from '../../support/stack';
import { uniqueKbo } from '../../support/ids';

/** The handler modules read their environment at import: set it first, then import them dynamically. */
export function useStackEnv(): void {
  Object.assign(process.env, stack().env);
}

let client: DynamoDBDocumentClient | undefined;
export function db(): DynamoDBDocumentClient {
  client ??= DynamoDBDocumentClient.from(new DynamoDBClient({
    endpoint: stack().endpoints.dynamodb, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  }), { marshallOptions: { removeUndefinedValues: true } });
  return client;
}

export const table = () => stack().env.TABLE_NAME as string;

export async function getItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  return (await db().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }))).Item;
}

/** An organisation stored as the provider area stores it (keys.organisation, listed on gsi1 ORGS). */
export async function seedOrganisation(options: { kind?: OrganisationKind; kbo?: string; contactConfirmedAt?: string; extra?: Record<string, unknown> } = {}): Promise<Organisation> {
  const kbo = options.kbo ?? uniqueKbo();
  const org: Organisation = {
    kbo,
    name: `Opleidingscentrum ${kbo}`,
    contact: { name: 'An Peeters', email: `contact-${kbo}-${randomUUID().slice(0, 8)}@example.test`, phone: '+32 2 553 00 00' },
    generalContact: { name: 'Algemeen contact', email: `general-${kbo}@example.test`, phone: '+32 2 553 00 00' }, chequesContact: null,
    kind: options.kind ?? 'general',
    lms: null,
    qualityRegistration: { registered: true, since: '2020-01-01' },
    lmsDocument: { status: 'missing', fileName: null, uploadedAt: null },
    contactConfirmedAt: options.contactConfirmedAt ?? '2020-01-01T10:00:00.000Z',
    updatedAt: '2020-01-01T10:00:00.000Z',
  };
  await db().send(new PutCommand({
    TableName: table(),
    Item: { ...keys.organisation(kbo), type: 'organisation', gsi1pk: 'ORGS', gsi1sk: kbo, ...org, version: 1, ...options.extra },
  }));
  return org;
}

/** An application as the back office approves it (status `forwarded`), built in the test. */
export function approvedApplication(org: Pick<Organisation, 'kbo'>, overrides: Partial<Application> = {}): Application {
  const id = randomUUID();
  return {
    id,
    orgKbo: org.kbo,
    status: 'forwarded',
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-02-01T09:00:00.000Z',
    submittedAt: '2026-01-10T09:00:00.000Z',
    referenceVersion: null,
    documents: [],
    problems: [],
    questions: [],
    deadlines: null,
    forwarding: { to: 'VOC', advice: null, at: '2026-02-01T09:00:00.000Z', by: 'backoffice' },
    decision: null,
    odbNumbers: null,
    title: `Heftruckchauffeur ${id.slice(0, 6)}`,
    ownReference: `REF-${id.slice(0, 8)}`,
    targetGroup: 'Werkzoekenden en werknemers in de logistiek',
    websiteUrl: 'https://www.voorbeeld.be/heftruck',
    content: 'Veilig rijden met een heftruck, laden en lossen.',
    structure: 'integral',
    contactHours: 40,
    mentorTraining: false,
    workplaceHours: 8,
    blended: null,
    finalAssessment: true,
    leadsToQualification: false,
    language: null,
    competences: { basic: [], professionSpecific: ['PS-001'], generalPillars: [] },
    decisionBody: { kind: 'VOC' },
    chequeCategory: 'standard',
    plannedStart: '2026-09-01',
    replacesOdbNumber: null,
    ...overrides,
  };
}

export function modularOverrides(count: number): Partial<Application> {
  return {
    structure: 'modular',
    modules: Array.from({ length: count }, (_, index) => ({
      title: `Module ${index + 1}`, ownReference: `M${index + 1}`, contactHours: 16, mentorTraining: false, blended: null, cefrLevel: null,
    })),
  };
}

/** Mails the SES emulator received for one recipient (never clear the shared store). */
export async function mailsTo(address: string) {
  return (await sentMails()).filter((mail) => mail.destination.to.includes(address));
}
