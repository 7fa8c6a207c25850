import type { ApplicationDocument, DocumentUploadRequest } from '../../shared/applications/documents';
import { MAX_DOCUMENT_BYTES } from '../../shared/applications/documents';
import { ensureDraft } from '../../shared/applications/draft';
import { conflict, notFound, validationFailed, type Problem } from '../../shared/http/problem';
import type { ProviderPorts } from '../applications/ports';
import { loadOwn, withVersionRetry } from '../applications/use-cases';
import { quarantineKey, type DocumentStorage } from './storage';
import { verifyUpload, type DeclaredUpload } from './verify';

/** At most this many documents per application. */
export const MAX_DOCUMENTS_PER_APPLICATION = 20;

/** The FINAL key of a checked document (what the back office downloads). The server chooses it: nothing of the client's file name is in it. */
export const applicationDocumentKey = (applicationId: string, documentId: string) =>
  `applications/${applicationId}/documents/${documentId}`;

/** POST …/documents: declare the document (pending) and hand out a presigned POST for its quarantine key only. */
export async function createDocumentSlot(ports: ProviderPorts, kbo: string, id: string, body: DocumentUploadRequest, now: Date) {
  const document: ApplicationDocument = {
    id: ports.newId(), name: body.name, contentType: body.contentType, size: body.size, kind: body.kind,
    status: 'pending', createdAt: now.toISOString(), uploadedAt: null,
  };
  await withVersionRetry(async () => {
    const app = await loadOwn(ports.applications, kbo, id);
    if (app.status !== 'question-open') ensureDraft(app, 'aangevuld'); // R-BO-1: an answer may bring documents
    if (app.documents.length >= MAX_DOCUMENTS_PER_APPLICATION) {
      throw conflict(`Een aanvraag kan hoogstens ${MAX_DOCUMENTS_PER_APPLICATION} documenten hebben.`);
    }
    await ports.applications.put({ ...app, documents: [...app.documents, document], updatedAt: now.toISOString() }, app.version, { previous: app });
  });
  const upload = await ports.documents.uploadSlot(quarantineKey(applicationDocumentKey(id, document.id)), body.contentType, body.size, now);
  return { document, upload, confirmUrl: `/v1/applications/${id}/documents/${document.id}/confirm` };
}

export type QuarantineVerdict = { accepted: true } | { accepted: false; problems: Problem[] };

/**
 * Checks the object in quarantine against its declaration. Accepted: exactly the bytes checked are
 * written to the final key and the quarantine object is removed. Refused: deleted. Nothing uploaded: 409.
 */
export async function checkQuarantined(documents: DocumentStorage, declared: DeclaredUpload, finalKey: string): Promise<QuarantineVerdict> {
  const key = quarantineKey(finalKey);
  const found = await documents.read(key, MAX_DOCUMENT_BYTES);
  if (!found) throw conflict('Het bestand is nog niet opgeladen. Laad het op met het uploadslot en bevestig daarna opnieuw.');
  const problems = await verifyUpload(declared, found);
  if (problems.length > 0) {
    await documents.delete(key);
    return { accepted: false, problems };
  }
  await documents.promote(key, finalKey, found);
  return { accepted: true };
}

const REFUSED = 'Het bestand werd geweigerd en verwijderd. Vraag een nieuw uploadslot aan en laad het juiste bestand op.';

/**
 * POST …/documents/{documentId}/confirm (R-SUB-1, ASVS 5.2): the slot is single-use. The first
 * confirm checks size, Content-Type and content; only then does the document count as attached
 * (`uploaded`), from its final key. A refused file is deleted and its declaration dropped (400). A
 * second confirm of an attached document re-checks nothing and changes nothing.
 */
export async function confirmDocument(ports: ProviderPorts, kbo: string, id: string, documentId: string, now: Date): Promise<ApplicationDocument> {
  const app = await loadOwn(ports.applications, kbo, id);
  const declared = app.documents.find((d) => d.id === documentId);
  if (!declared) throw notFound('Dit document bestaat niet (meer) bij deze aanvraag. Vraag een nieuw uploadslot aan.');
  if (declared.status === 'uploaded') return declared;
  if (app.status !== 'question-open') ensureDraft(app, 'aangevuld'); // R-BO-1: an answer may bring documents
  const verdict = await checkQuarantined(ports.documents, declared, applicationDocumentKey(id, documentId));
  const confirmed: ApplicationDocument = { ...declared, status: 'uploaded', uploadedAt: now.toISOString() };
  const result = await withVersionRetry(async () => {
    const current = await loadOwn(ports.applications, kbo, id);
    const pending = current.documents.find((d) => d.id === documentId);
    if (pending?.status !== 'pending') return pending ?? null;
    const documents = verdict.accepted
      ? current.documents.map((d) => (d.id === documentId ? confirmed : d))
      : current.documents.filter((d) => d.id !== documentId);
    await ports.applications.put({ ...current, documents, updatedAt: now.toISOString() }, current.version, { previous: current });
    return verdict.accepted ? confirmed : null;
  });
  if (!verdict.accepted) throw validationFailed(verdict.problems, REFUSED);
  if (!result) throw notFound('Dit document bestaat niet (meer) bij deze aanvraag. Vraag een nieuw uploadslot aan.');
  return result;
}

export const REFUSED_UPLOAD = REFUSED;
