import type { DocumentUploadRequest } from '../../shared/applications/documents';
import { retryOnConflict } from '../../shared/concurrency/retry';
import { conflict, notFound, validationFailed } from '../../shared/http/problem';
import {
  organisationFromBody,
  toOrganisationResponse,
  type OrganisationBody,
  type OrganisationResponse,
} from '../../shared/organisations/organisation';
import type { ProviderPorts } from '../applications/ports';
import { checkQuarantined } from '../documents/application-documents';
import { quarantineKey, type UploadSlot } from '../documents/storage';
import { OrganisationVersionConflict, type OrganisationStore } from './store';

/*
 * The organisation use cases (R-ORG-2, R-ORG-4, R-REG-4): they take their ports (organisation store,
 * document storage, id source) and `now`; the adapters are wired in functions/applications/wiring.ts.
 */

type OrganisationPorts = Pick<ProviderPorts, 'organisations' | 'documents' | 'newId'>;

/** Read-modify-write with optimistic concurrency: retried from a fresh read when someone wrote in between. */
const withRetry = <T>(work: () => Promise<T>): Promise<T> =>
  retryOnConflict(work, (error) => error instanceof OrganisationVersionConflict, 'De organisatiegegevens werden tegelijk gewijzigd. Probeer het opnieuw.');

const notFilledIn = () => notFound('Uw organisatie heeft nog geen gegevens ingevuld. Vul ze in met PUT /v1/organisation.');

async function loadOrganisation(organisations: OrganisationStore, kbo: string) {
  const org = await organisations.get(kbo);
  if (!org) throw notFilledIn();
  return org;
}

export async function readOrganisation(ports: OrganisationPorts, kbo: string): Promise<OrganisationResponse> {
  return toOrganisationResponse(await loadOrganisation(ports.organisations, kbo));
}

/** R-ORG-2, R-ORG-4: enter or update the details; quality registration and LMS document are kept. */
export async function writeOrganisation(ports: OrganisationPorts, kbo: string, body: OrganisationBody, now: Date): Promise<OrganisationResponse> {
  return withRetry(async () => {
    const existing = await ports.organisations.get(kbo);
    const { version: _version, ...kept } = existing ?? { version: 0 };
    const updated = organisationFromBody(kbo, body, now.toISOString(), existing);
    const saved = await ports.organisations.save(
      { ...kept, ...updated, lmsUpload: existing?.lmsUpload ?? null, lmsDocumentKey: existing?.lmsDocumentKey ?? null },
      existing?.version ?? null,
    );
    return toOrganisationResponse(saved);
  });
}

/** The FINAL key of the organisation's LMS follow-up document (clients upload to its quarantine key). */
export const lmsDocumentKey = (kbo: string, documentId: string) => `organisations/${kbo}/lms-document/${documentId}`;

export interface LmsUploadSlot {
  document: { id: string; name: string; contentType: string; size: number; kind: 'blendedFollowUp'; status: 'pending'; createdAt: string; uploadedAt: null };
  upload: UploadSlot;
  confirmUrl: string;
}

/** R-ORG-4: an upload slot for the follow-up document. A document already on file stays on file until the new one is confirmed. */
export async function createLmsUploadSlot(ports: OrganisationPorts, kbo: string, body: DocumentUploadRequest, now: Date): Promise<LmsUploadSlot> {
  const id = ports.newId();
  const key = quarantineKey(lmsDocumentKey(kbo, id));
  const createdAt = now.toISOString();
  await withRetry(async () => {
    const org = await ports.organisations.get(kbo);
    if (!org) throw conflict('Vul eerst de gegevens van uw organisatie in (PUT /v1/organisation) voor u een document oplaadt.');
    const { version, ...rest } = org;
    await ports.organisations.save({
      ...rest,
      lmsDocument: org.lmsDocument.status === 'on-file' ? org.lmsDocument : { status: 'pending', fileName: body.name, uploadedAt: null },
      lmsUpload: { id, name: body.name, contentType: body.contentType, size: body.size, key, createdAt },
      updatedAt: createdAt,
    }, version);
  });
  const upload = await ports.documents.uploadSlot(key, body.contentType, body.size, now);
  return {
    document: { id, name: body.name, contentType: body.contentType, size: body.size, kind: 'blendedFollowUp', status: 'pending', createdAt, uploadedAt: null },
    upload,
    confirmUrl: `/v1/organisation/lms-document/${id}/confirm`,
  };
}

/**
 * R-ORG-4 (ASVS 5.2): checks the uploaded follow-up document (size, type, content) in quarantine and
 * puts it on file from its final key; a mismatch is deleted and refused. The slot is single-use: a
 * second confirm of the document on file re-checks nothing and changes nothing.
 */
export async function confirmLmsUpload(ports: OrganisationPorts, kbo: string, documentId: string, now: Date): Promise<OrganisationResponse> {
  const org = await loadOrganisation(ports.organisations, kbo);
  const finalKey = lmsDocumentKey(kbo, documentId);
  if (org.lmsDocumentKey === finalKey && org.lmsDocument.status === 'on-file') return toOrganisationResponse(org);
  const pending = org.lmsUpload;
  if (!pending || pending.id !== documentId) throw notFound('Dit uploadslot bestaat niet (meer). Vraag een nieuw aan.');
  const verdict = await checkQuarantined(ports.documents, pending, finalKey);
  const saved = await withRetry(async () => {
    const current = await loadOrganisation(ports.organisations, kbo);
    if (current.lmsUpload?.id !== documentId) return current;
    const { version, ...rest } = current;
    const stillOnFile = current.lmsDocument.status === 'on-file';
    return ports.organisations.save({
      ...rest,
      lmsUpload: null,
      ...(verdict.accepted
        ? { lmsDocument: { status: 'on-file', fileName: pending.name, uploadedAt: now.toISOString() }, lmsDocumentKey: finalKey }
        : { lmsDocument: stillOnFile ? current.lmsDocument : { status: 'missing', fileName: null, uploadedAt: null } }),
      updatedAt: now.toISOString(),
    }, version);
  });
  if (!verdict.accepted) {
    throw validationFailed(verdict.problems, 'Het bestand werd geweigerd en verwijderd. Vraag een nieuw uploadslot aan en laad het juiste bestand op.');
  }
  return toOrganisationResponse(saved);
}
