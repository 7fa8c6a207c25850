import * as z from 'zod';
import {
  checkApplicationOperation,
  confirmDocument,
  confirmLmsDocument,
  createApplication,
  createDocumentSlot,
  createLmsDocumentSlot,
  deleteApplication,
  getApplication,
  getOrganisation,
  listApplications,
  putApplication,
  putOrganisation,
  submitApplication,
} from '../../shared/api/provider';
import { submitOwnApplication } from '../applications/submit';
import {
  cancelDraft,
  checkOwnApplication,
  createDraft,
  listOwnApplications,
  readApplication,
  replaceDraft,
} from '../applications/use-cases';
import { providerPorts } from '../applications/wiring';
import { baseEnv, parseEnv } from '../config/env';
import { confirmDocument as confirmApplicationDocument, createDocumentSlot as createApplicationDocumentSlot } from '../documents/application-documents';
import { apiHandler, implement } from '../http/api-handler';
import { organisationOf } from '../organisations/org-claim';
import { confirmLmsUpload, createLmsUploadSlot, readOrganisation, writeOrganisation } from '../organisations/use-cases';

const env = parseEnv(baseEnv.extend({
  TABLE_NAME: z.string().min(1),
  IDEMPOTENCY_TABLE_NAME: z.string().min(1),
  DOCUMENTS_BUCKET: z.string().min(1),
}));

const config = providerPorts({ table: env.TABLE_NAME, bucket: env.DOCUMENTS_BUCKET });

/** Provider routes (api.md "Providers"): organisation profile, applications, documents, submit. */
export const handler = apiHandler([
  implement(getOrganisation, async ({ claims }) => ({ status: 200, body: await readOrganisation(config, organisationOf(claims)) })),
  implement(putOrganisation, async ({ claims, body }) => ({
    status: 200, body: await writeOrganisation(config, organisationOf(claims), body, new Date()),
  })),
  implement(createLmsDocumentSlot, async ({ claims, body }) => ({
    status: 201, body: await createLmsUploadSlot(config, organisationOf(claims), body, new Date()),
  })),
  implement(confirmLmsDocument, async ({ claims, params }) => ({
    status: 200, body: await confirmLmsUpload(config, organisationOf(claims), params.documentId, new Date()),
  })),
  implement(createApplication, async ({ claims, body }) => ({
    status: 201, body: await createDraft(config, organisationOf(claims), body, new Date()),
  })),
  implement(listApplications, async ({ claims, query }) => ({
    status: 200, body: await listOwnApplications(config, organisationOf(claims), query),
  })),
  implement(getApplication, async ({ claims, params }) => ({
    status: 200, body: await readApplication(config, organisationOf(claims), params.id),
  })),
  implement(putApplication, async ({ claims, params, body }) => ({
    status: 200, body: await replaceDraft(config, organisationOf(claims), params.id, body, new Date()),
  })),
  implement(deleteApplication, async ({ claims, params }) => ({
    status: 200, body: await cancelDraft(config, organisationOf(claims), params.id, new Date()),
  })),
  implement(checkApplicationOperation, async ({ claims, params }) => ({
    status: 200, body: await checkOwnApplication(config, organisationOf(claims), params.id, new Date()),
  })),
  implement(createDocumentSlot, async ({ claims, params, body }) => ({
    status: 201, body: await createApplicationDocumentSlot(config, organisationOf(claims), params.id, body, new Date()),
  })),
  implement(confirmDocument, async ({ claims, params }) => ({
    status: 200, body: await confirmApplicationDocument(config, organisationOf(claims), params.id, params.documentId, new Date()),
  })),
  implement(submitApplication, async ({ claims, params }) => ({
    status: 200, body: await submitOwnApplication(config, organisationOf(claims), params.id, new Date(), claims.sub),
  })),
], { idempotencyTable: env.IDEMPOTENCY_TABLE_NAME });
