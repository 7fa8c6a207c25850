import { randomUUID } from 'node:crypto';
import type { ApplicationDocument, DocumentUploadRequest } from '../../shared/applications/documents';
import { conflict, notFound, validationFailed } from '../../shared/http/problem';
import { putApplication } from '../applications/repository';
import { ensureDraft, loadOwnApplication, withVersionRetry, type ApplicationsConfig } from '../applications/use-cases';
import { createUploadSlot, deleteUpload, inspectUpload } from './store';
import { verifyUpload } from './verify';

/** At most this many documents per application. */
export const MAX_DOCUMENTS_PER_APPLICATION = 20;

/** The server chooses the key: nothing of the client's file name ends up in it. */
export const applicationDocumentKey = (applicationId: string, documentId: string) =>
  `applications/${applicationId}/documents/${documentId}`;

/** POST …/documents: declare the document (pending) and hand out a presigned POST for exactly it. */
export async function createDocumentSlot(config: ApplicationsConfig, kbo: string, id: string, body: DocumentUploadRequest, now: Date) {
  const document: ApplicationDocument = {
    id: randomUUID(), name: body.name, contentType: body.contentType, size: body.size, kind: body.kind,
    status: 'pending', createdAt: now.toISOString(), uploadedAt: null,
  };
  await withVersionRetry(async () => {
    const app = await loadOwnApplication(config, kbo, id);
    if (app.status !== 'question-open') ensureDraft(app, 'aangevuld'); // R-BO-1: an answer may bring documents
    if (app.documents.length >= MAX_DOCUMENTS_PER_APPLICATION) {
      throw conflict(`Een aanvraag kan hoogstens ${MAX_DOCUMENTS_PER_APPLICATION} documenten hebben.`);
    }
    await putApplication(config.table, { ...app, documents: [...app.documents, document], updatedAt: now.toISOString() }, app.version, { previous: app });
  });
  const upload = await createUploadSlot(config.bucket, applicationDocumentKey(id, document.id), body.contentType, body.size, now);
  return { document, upload, confirmUrl: `/v1/applications/${id}/documents/${document.id}/confirm` };
}

/**
 * POST …/documents/{documentId}/confirm: reads the uploaded object's size, Content-Type and first
 * bytes. Only when they match the declaration does the document count as attached (`uploaded`);
 * otherwise the object is deleted, the declaration dropped, and the upload refused (400).
 */
export async function confirmDocument(config: ApplicationsConfig, kbo: string, id: string, documentId: string, now: Date): Promise<ApplicationDocument> {
  const app = await loadOwnApplication(config, kbo, id);
  const declared = app.documents.find((d) => d.id === documentId);
  if (!declared) throw notFound('Dit document bestaat niet (meer) bij deze aanvraag. Vraag een nieuw uploadslot aan.');
  if (declared.status === 'uploaded') return declared;
  if (app.status !== 'question-open') ensureDraft(app, 'aangevuld');
  const key = applicationDocumentKey(id, documentId);
  const found = await inspectUpload(config.bucket, key);
  if (!found) throw conflict('Het bestand is nog niet opgeladen. Laad het op met het uploadslot en bevestig daarna opnieuw.');
  const problems = verifyUpload(declared, found);
  if (problems.length > 0) await deleteUpload(config.bucket, key);
  const confirmed: ApplicationDocument = { ...declared, status: 'uploaded', uploadedAt: now.toISOString() };
  await withVersionRetry(async () => {
    const current = await loadOwnApplication(config, kbo, id);
    if (!current.documents.some((d) => d.id === documentId && d.status === 'pending')) return;
    const documents = problems.length > 0
      ? current.documents.filter((d) => d.id !== documentId)
      : current.documents.map((d) => (d.id === documentId ? confirmed : d));
    await putApplication(config.table, { ...current, documents, updatedAt: now.toISOString() }, current.version, { previous: current });
  });
  if (problems.length > 0) {
    throw validationFailed(problems, 'Het bestand werd geweigerd en verwijderd. Vraag een nieuw uploadslot aan en laad het juiste bestand op.');
  }
  return confirmed;
}
