import * as z from 'zod';
import {
  answerQuestion as answerQuestionOperation,
  askQuestion as askQuestionOperation,
  decideApplication as decideApplicationOperation,
  forwardApplication as forwardApplicationOperation,
  amendApplication as amendApplicationOperation,
  getBackofficeApplication,
  listOrganisationsOverview,
  listRegistrationsDueForEvaluation,
  listBackofficeApplications,
  recordQualityRegistration as recordQualityRegistrationOperation,
} from '../../shared/api/backoffice';
import { amendApplication } from '../backoffice/amend';
import { decideApplication } from '../backoffice/decision';
import { forwardApplication } from '../backoffice/forward';
import { organisationsWaitingForQualityRegistration, organisationsWithUnconfirmedContact, registrationsDueForEvaluation } from '../backoffice/overviews-store';
import { recordQualityRegistration } from '../backoffice/quality-registration';
import { answerQuestion, askQuestion } from '../backoffice/questions';
import { listWorklist, readForBackoffice } from '../backoffice/worklist';
import { dynamoWorklistIndex } from '../backoffice/worklist-store';
import { backofficePorts } from '../backoffice/wiring';
import { baseEnv, parseEnv } from '../config/env';
import { apiHandler, implement } from '../http/api-handler';
import { organisationOf } from '../organisations/org-claim';

const env = parseEnv(baseEnv.extend({
  TABLE_NAME: z.string().min(1),
  IDEMPOTENCY_TABLE_NAME: z.string().min(1),
  DOCUMENTS_BUCKET: z.string().min(1),
}));

const ports = backofficePorts({ table: env.TABLE_NAME, bucket: env.DOCUMENTS_BUCKET });
const worklist = dynamoWorklistIndex(env.TABLE_NAME);

/** Back-office routes (api.md "Back office") and the provider's answer to a question (R-BO-1). */
export const handler = apiHandler([
  implement(listBackofficeApplications, async ({ query }) => ({ status: 200, body: await listWorklist(worklist, query) })),
  implement(getBackofficeApplication, async ({ params }) => ({ status: 200, body: await readForBackoffice(ports, params.id, new Date()) })),
  implement(amendApplicationOperation, async ({ claims, params, body }) => ({
    status: 200, body: await amendApplication(ports, params.id, body, new Date(), claims.sub),
  })),
  implement(listRegistrationsDueForEvaluation, async ({ query }) => ({
    status: 200, body: await registrationsDueForEvaluation(env.TABLE_NAME, query.evaluationDueBefore),
  })),
  implement(listOrganisationsOverview, async ({ query }) => ({
    status: 200,
    body: query.qualityRegistration === 'missing' ? await organisationsWaitingForQualityRegistration(env.TABLE_NAME) : await organisationsWithUnconfirmedContact(env.TABLE_NAME),
  })),
  implement(askQuestionOperation, async ({ claims, params, body }) => ({ status: 201, body: await askQuestion(ports, params.id, body, new Date(), claims.sub) })),
  implement(forwardApplicationOperation, async ({ claims, params, body }) => ({
    status: 200, body: await forwardApplication(ports, params.id, body, new Date(), claims.sub),
  })),
  implement(decideApplicationOperation, async ({ claims, params, body }) => ({
    status: 200, body: await decideApplication(ports, params.id, body, new Date(), claims.sub),
  })),
  implement(recordQualityRegistrationOperation, async ({ claims, params, body }) => ({
    status: 200, body: await recordQualityRegistration(ports, params.kbo, body, new Date(), claims.sub),
  })),
  implement(answerQuestionOperation, async ({ claims, params, body }) => ({
    status: 201, body: await answerQuestion(ports, organisationOf(claims), params.id, body, new Date(), claims.sub),
  })),
], { idempotencyTable: env.IDEMPOTENCY_TABLE_NAME });
