import { randomUUID } from 'node:crypto';
import type { DocumentUploadRequest } from '../../shared/applications/documents';
import { conflict, notFound, validationFailed } from '../../shared/http/problem';
import {
  organisationFromBody,
  toOrganisationResponse,
  type OrganisationBody,
  type OrganisationResponse,
} from '../../shared/organisations/organisation';
import { createUploadSlot, deleteUpload, inspectUpload, type UploadSlot } from '../documents/store';
import { verifyUpload } from '../documents/verify';
import { getOrganisation, OrganisationVersionConflict, saveOrganisation, type StoredOrganisation } from './repository';

export interface OrganisationConfig {
  table: string;
  bucket: string;
}

const ATTEMPTS = 3;

/** Read-modify-write with optimistic concurrency: retried from a fresh read when someone wrote in between. */
async function withRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof OrganisationVersionConflict) || attempt >= ATTEMPTS) {
        if (error instanceof OrganisationVersionConflict) {
          throw conflict('De organisatiegegevens werden tegelijk gewijzigd. Probeer het opnieuw.');
        }
        throw error;
      }
    }
  }
}

const notFilledIn = () => notFound('Uw organisatie heeft nog geen gegevens ingevuld. Vul ze in met PUT /v1/organisation.');

export async function readOrganisation(config: OrganisationConfig, kbo: string): Promise<OrganisationResponse> {
  const org = await getOrganisation(config.table, kbo);
  if (!org) throw notFilledIn();
  return toOrganisationResponse(org);
}

/** R-ORG-2, R-ORG-4: enter or update the details; quality registration and LMS document are kept. */
export async function writeOrganisation(config: OrganisationConfig, kbo: string, body: OrganisationBody, now: Date): Promise<OrganisationResponse> {
  return withRetry(async () => {
    const existing = await getOrganisation(config.table, kbo);
    const updated = organisationFromBody(kbo, body, now.toISOString(), existing);
    const saved = await saveOrganisation(
      config.table,
      { ...updated, lmsUpload: existing?.lmsUpload ?? null, lmsDocumentKey: existing?.lmsDocumentKey ?? null },
      existing?.version ?? null,
    );
    return toOrganisationResponse(saved);
  });
}

export const lmsDocumentKey = (kbo: string, documentId: string) => `organisations/${kbo}/lms-document/${documentId}`;

export interface LmsUploadSlot {
  document: { id: string; name: string; contentType: string; size: number; kind: 'blendedFollowUp'; status: 'pending'; createdAt: string; uploadedAt: null };
  upload: UploadSlot;
  confirmUrl: string;
}

/** R-ORG-4: an upload slot for the follow-up document. A document already on file stays on file until the new one is confirmed. */
export async function createLmsUploadSlot(config: OrganisationConfig, kbo: string, body: DocumentUploadRequest, now: Date): Promise<LmsUploadSlot> {
  const id = randomUUID();
  const key = lmsDocumentKey(kbo, id);
  const createdAt = now.toISOString();
  await withRetry(async () => {
    const org = await getOrganisation(config.table, kbo);
    if (!org) throw conflict('Vul eerst de gegevens van uw organisatie in (PUT /v1/organisation) voor u een document oplaadt.');
    const { version, ...rest } = org;
    await saveOrganisation(config.table, {
      ...rest,
      lmsDocument: org.lmsDocument.status === 'on-file' ? org.lmsDocument : { status: 'pending', fileName: body.name, uploadedAt: null },
      lmsUpload: { id, name: body.name, contentType: body.contentType, size: body.size, key, createdAt },
      updatedAt: createdAt,
    }, version);
  });
  const upload = await createUploadSlot(config.bucket, key, body.contentType, body.size, now);
  return {
    document: { id, name: body.name, contentType: body.contentType, size: body.size, kind: 'blendedFollowUp', status: 'pending', createdAt, uploadedAt: null },
    upload,
    confirmUrl: `/v1/organisation/lms-document/${id}/confirm`,
  };
}

/** R-ORG-4: checks the uploaded follow-up document (size, type, magic bytes) and puts it on file; a mismatch is deleted and refused. */
export async function confirmLmsUpload(config: OrganisationConfig, kbo: string, documentId: string, now: Date): Promise<OrganisationResponse> {
  const org = await getOrganisation(config.table, kbo);
  if (!org) throw notFilledIn();
  if (org.lmsDocumentKey === lmsDocumentKey(kbo, documentId) && org.lmsDocument.status === 'on-file') return toOrganisationResponse(org);
  const pending = org.lmsUpload;
  if (!pending || pending.id !== documentId) throw notFound('Dit uploadslot bestaat niet (meer). Vraag een nieuw aan.');
  const found = await inspectUpload(config.bucket, pending.key);
  if (!found) {
    throw conflict('Het bestand is nog niet opgeladen. Laad het op met het uploadslot en bevestig daarna opnieuw.');
  }
  const problems = verifyUpload(pending, found);
  const refused = problems.length > 0;
  if (refused) await deleteUpload(config.bucket, pending.key);
  const saved = await withRetry(async () => {
    const current = await getOrganisation(config.table, kbo);
    if (!current) throw notFilledIn();
    if (current.lmsUpload?.id !== documentId) return current;
    const { version, ...rest } = current;
    const stillOnFile = current.lmsDocument.status === 'on-file';
    return saveOrganisation(config.table, {
      ...rest,
      lmsUpload: null,
      ...(refused
        ? { lmsDocument: stillOnFile ? current.lmsDocument : { status: 'missing', fileName: null, uploadedAt: null } }
        : { lmsDocument: { status: 'on-file', fileName: pending.name, uploadedAt: now.toISOString() }, lmsDocumentKey: pending.key }),
      updatedAt: now.toISOString(),
    }, version);
  });
  if (refused) throw validationFailed(problems, 'Het bestand werd geweigerd en verwijderd. Vraag een nieuw uploadslot aan en laad het juiste bestand op.');
  return toOrganisationResponse(saved as StoredOrganisation);
}
