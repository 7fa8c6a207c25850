import * as z from 'zod';
import { draftApplicationSchema } from '../applications/application';
import { DOCUMENT_KINDS, documentUploadRequestSchema } from '../applications/documents';
import { APPLICATION_STATUSES } from '../applications/state-machine';
import { providerDossierShape, providerHistoryShape } from '../applications/provider-view';
import { organisationBodySchema, organisationResponseSchema } from '../organisations/organisation';
import { QUOTAS } from '../quotas/quota';
import { defineOperation } from './operation';
import { pageLimit } from './page-limit';

/*
 * Provider routes (api.md "Providers"; role `provider`, the organisation is the token's `org`).
 * An organisation never sees another's data: another organisation's application is a 404.
 *
 * Uploads are two steps:
 * 1. `POST …/documents` (or `/v1/organisation/lms-document`) declares name, content type and size and
 *    returns a presigned POST (server-chosen key, exact Content-Type, `content-length-range`);
 * 2. after uploading, `POST …/documents/{documentId}/confirm` (or `/v1/organisation/lms-document/
 *    {documentId}/confirm`) makes the server read the object's first bytes: only when size, content
 *    type and magic bytes match the declaration does the document count as attached; otherwise the
 *    object is deleted and the upload refused (400, every problem listed).
 */

const TAGS = ['provider'];
const PROVIDER = { kind: 'jwt', roles: ['provider'] } as const;

export const applicationIdParams = z.object({
  id: z.uuid('Dit is geen geldig aanvraagnummer.').meta({ description: 'Id van de aanvraag' }),
});

export const documentParams = applicationIdParams.extend({
  documentId: z.uuid('Dit is geen geldig documentnummer.').meta({ description: 'Id van het document' }),
});

export const lmsDocumentParams = z.object({
  documentId: z.uuid('Dit is geen geldig documentnummer.').meta({ description: 'Id van het document' }),
});

const findingSchema = z.object({
  path: z.string(),
  code: z.string().meta({ description: 'Regel-id (R-APP-5, …) of `required`' }),
  message: z.string().meta({ description: 'Nederlands, voor mensen' }),
  severity: z.enum(['error', 'warning']),
});

export const documentSchema = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  kind: z.enum(DOCUMENT_KINDS),
  status: z.enum(['pending', 'uploaded']).meta({ description: 'pending: uploadslot uitgegeven; uploaded: ontvangen en gecontroleerd' }),
  createdAt: z.string(),
  uploadedAt: z.string().nullable(),
});

export const applicationResponseSchema = draftApplicationSchema
  .extend({
    id: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    version: z.number().int().meta({ description: 'Versie (optimistische concurrentie)' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    documents: z.array(documentSchema),
    problems: z.array(findingSchema).meta({ description: 'Bij onontvankelijk: de redenen; na indienen: de waarschuwingen' }),
    deadlines: z.object({ decisionPeriodEnd: z.string(), forcedForwardDate: z.string() }).nullable(),
    ...providerDossierShape, // questions, forwarding, decision, steps (shared/applications/provider-view.ts)
  })
  .meta({ description: 'Registratieaanvraag' });

export const applicationListResponseSchema = z.object({
  items: z.array(applicationResponseSchema),
  nextCursor: z.string().nullable(),
});

export const checkResponseSchema = z.object({
  id: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  complete: z.boolean().meta({ description: 'Geen blokkerende fouten behalve onontvankelijkheid' }),
  admissible: z.boolean().meta({ description: 'Geen onontvankelijkheidsregel geschonden (R-APP-5, R-CMP-3)' }),
  outcome: z.enum(['refused', 'inadmissible', 'accepted']).meta({ description: 'Wat indienen nu zou doen' }),
  problems: z.array(findingSchema),
});

export const uploadSlotResponseSchema = z.object({
  document: documentSchema,
  upload: z.object({
    url: z.string().meta({ description: 'POST hierheen als multipart/form-data' }),
    fields: z.record(z.string(), z.string()).meta({ description: 'Velden die vóór het bestand (veld "file") mee moeten' }),
    expiresAt: z.string(),
    maxBytes: z.number().int(),
  }),
  confirmUrl: z.string().meta({ description: 'Na het opladen: POST om het bestand te laten controleren' }),
});

export const applicationBody = draftApplicationSchema.strict().meta({ description: 'Registratieaanvraag (ontwerp); volledigheid en ontvankelijkheid meldt /check' });
export const organisationBody = organisationBodySchema.strict().meta({ description: 'Organisatiegegevens (R-ORG-2, R-ORG-4)' });
export const documentBody = documentUploadRequestSchema.strict().meta({ description: 'Aankondiging van een document voor een uploadslot' });

export const listQuery = z.object({
  status: z.enum(APPLICATION_STATUSES, 'Onbekende status.').optional().meta({ description: 'Alleen aanvragen met deze status' }),
  limit: pageLimit(100, 'Hoeveel aanvragen per pagina (standaard 50, max. 100)'),
  cursor: z.string().max(2000, 'Ongeldige cursor.').optional(),
});

export const getOrganisation = defineOperation({
  id: 'getOrganisation', method: 'GET', path: '/v1/organisation', fn: 'provider', auth: PROVIDER, tags: TAGS,
  summary: 'Organisatiegegevens (R-ORG-2, R-ORG-4); kwaliteitsregistratie is alleen-lezen',
  responses: { 200: { description: 'De organisatie', schema: organisationResponseSchema }, 404: { description: 'Nog niet ingevuld' } },
});

export const putOrganisation = defineOperation({
  id: 'putOrganisation', method: 'PUT', path: '/v1/organisation', fn: 'provider', auth: PROVIDER, tags: TAGS,
  summary: 'Organisatiegegevens invullen of wijzigen (R-ORG-2, R-ORG-4)', body: organisationBody,
  responses: { 200: { description: 'Opgeslagen', schema: organisationResponseSchema } },
});

export const createLmsDocumentSlot = defineOperation({
  id: 'createLmsDocumentSlot', method: 'POST', path: '/v1/organisation/lms-document', fn: 'provider', auth: PROVIDER, tags: TAGS,
  summary: 'Uploadslot (presigned POST) voor het opvolgingsdocument bij blended leren (R-ORG-4)', body: documentBody, idempotent: true,
  quotas: [QUOTAS.uploadSlots],
  responses: { 201: { description: 'Uploadslot', schema: uploadSlotResponseSchema }, 409: { description: 'Organisatie nog niet ingevuld' } },
});

export const confirmLmsDocument = defineOperation({
  id: 'confirmLmsDocument', method: 'POST', path: '/v1/organisation/lms-document/{documentId}/confirm', fn: 'provider', auth: PROVIDER, tags: TAGS,
  summary: 'Opgeladen opvolgingsdocument laten controleren (grootte, type, magic bytes); pas daarna staat het on-file',
  params: lmsDocumentParams,
  responses: { 200: { description: 'Document on-file', schema: organisationResponseSchema }, 400: { description: 'Bestand geweigerd en verwijderd' } },
});

export const createApplication = defineOperation({
  id: 'createApplication', method: 'POST', path: '/v1/applications', fn: 'provider', auth: PROVIDER, tags: TAGS,
  summary: 'Ontwerpaanvraag aanmaken', body: applicationBody, idempotent: true, quotas: [QUOTAS.drafts],
  responses: { 201: { description: 'Aangemaakt', schema: applicationResponseSchema } },
});

export const listApplications = defineOperation({
  id: 'listApplications', method: 'GET', path: '/v1/applications', fn: 'provider', auth: PROVIDER, tags: TAGS,
  summary: 'Eigen aanvragen, nieuwste eerst ("dossiers in behandeling", R-SUB-2)', query: listQuery,
  responses: { 200: { description: 'Aanvragen', schema: applicationListResponseSchema } },
});

export const getApplication = defineOperation({
  id: 'getApplication', method: 'GET', path: '/v1/applications/{id}', fn: 'provider', auth: PROVIDER, tags: TAGS,
  summary: 'Eén eigen aanvraag, met de historiek van het dossier', params: applicationIdParams,
  responses: { 200: { description: 'De aanvraag', schema: applicationResponseSchema.extend(providerHistoryShape) }, 404: { description: 'Bestaat niet of niet van deze organisatie' } },
});

export const putApplication = defineOperation({
  id: 'putApplication', method: 'PUT', path: '/v1/applications/{id}', fn: 'provider', auth: PROVIDER, tags: TAGS,
  summary: 'Ontwerpaanvraag vervangen (alleen zolang ze niet ingediend is, R-SUB-1)', params: applicationIdParams, body: applicationBody,
  responses: { 200: { description: 'Vervangen', schema: applicationResponseSchema }, 404: { description: 'Niet gevonden' }, 409: { description: 'Al ingediend of geannuleerd' } },
});

export const deleteApplication = defineOperation({
  id: 'deleteApplication', method: 'DELETE', path: '/v1/applications/{id}', fn: 'provider', auth: PROVIDER, tags: TAGS,
  summary: 'Ontwerpaanvraag annuleren (R-SUB-1)', params: applicationIdParams,
  responses: { 200: { description: 'Geannuleerd', schema: applicationResponseSchema }, 404: { description: 'Niet gevonden' }, 409: { description: 'Al ingediend' } },
});

export const checkApplicationOperation = defineOperation({
  id: 'checkApplication', method: 'POST', path: '/v1/applications/{id}/check', fn: 'provider', auth: PROVIDER, tags: TAGS,
  summary: 'Ontvankelijkheid en volledigheid nagaan zonder in te dienen: alle problemen tegelijk', params: applicationIdParams,
  responses: { 200: { description: 'Rapport', schema: checkResponseSchema }, 404: { description: 'Niet gevonden' } },
});

export const createDocumentSlot = defineOperation({
  id: 'createDocumentSlot', method: 'POST', path: '/v1/applications/{id}/documents', fn: 'provider', auth: PROVIDER, tags: TAGS,
  summary: 'Uploadslot (presigned POST) voor een document: naam, type en grootte eerst opgeven (max. 20 MB; pdf, docx, odt, png, jpeg)',
  params: applicationIdParams, body: documentBody, idempotent: true, quotas: [QUOTAS.uploadSlots],
  responses: { 201: { description: 'Uploadslot', schema: uploadSlotResponseSchema }, 404: { description: 'Niet gevonden' }, 409: { description: 'Niet meer in ontwerp' } },
});

export const confirmDocument = defineOperation({
  id: 'confirmDocument', method: 'POST', path: '/v1/applications/{id}/documents/{documentId}/confirm', fn: 'provider', auth: PROVIDER, tags: TAGS,
  summary: 'Opgeladen document laten controleren (grootte, type, magic bytes); pas daarna telt het als bijgevoegd',
  params: documentParams,
  responses: { 200: { description: 'Document bijgevoegd', schema: documentSchema }, 400: { description: 'Bestand geweigerd en verwijderd' }, 404: { description: 'Niet gevonden' }, 409: { description: 'Nog niet opgeladen' } },
});

export const submitApplication = defineOperation({
  id: 'submitApplication', method: 'POST', path: '/v1/applications/{id}/submit', fn: 'provider', auth: PROVIDER, tags: TAGS,
  summary: 'Indienen (R-SUB-1): bevestigingsmail, daarna niet meer te wijzigen. Onvolledig → 409 met alle problemen; onontvankelijk → status inadmissible',
  params: applicationIdParams, idempotent: true,
  responses: { 200: { description: 'Ingediend (of al ingediend: de huidige toestand)', schema: applicationResponseSchema }, 404: { description: 'Niet gevonden' }, 409: { description: 'Onvolledig (problems) of niet meer in ontwerp' } },
});

export const providerOperations = [
  getOrganisation,
  putOrganisation,
  createLmsDocumentSlot,
  confirmLmsDocument,
  createApplication,
  listApplications,
  getApplication,
  putApplication,
  deleteApplication,
  checkApplicationOperation,
  createDocumentSlot,
  confirmDocument,
  submitApplication,
];
