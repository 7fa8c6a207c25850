import * as z from 'zod';
import {
  evaluateRegistration as evaluateRegistrationOperation,
  getTraining,
  listRegistrations,
  stopRegistrationOperation,
} from '../../shared/api/registrations';
import { baseEnv, parseEnv } from '../config/env';
import { apiHandler, implement } from '../http/api-handler';
import { organisationOf } from '../organisations/org-claim';
import {
  evaluateRegistration,
  listOwnRegistrations,
  publishedTraining,
  stopOwnRegistration,
  toProviderRegistration,
} from '../registrations/use-cases';

const env = parseEnv(baseEnv.extend({
  TABLE_NAME: z.string().min(1),
  IDEMPOTENCY_TABLE_NAME: z.string().min(1),
}));

export const handler = apiHandler([
  implement(listRegistrations, async ({ claims, query }) => ({
    status: 200,
    body: await listOwnRegistrations(env.TABLE_NAME, organisationOf(claims), query.limit ? Number(query.limit) : 100, query.cursor),
  })),
  implement(stopRegistrationOperation, async ({ claims, params, body }) => ({
    status: 200,
    body: await stopOwnRegistration(env.TABLE_NAME, organisationOf(claims), params.odbNumber, body, new Date()),
  })),
  implement(getTraining, async ({ params }) => ({
    status: 200,
    body: await publishedTraining(env.TABLE_NAME, params.odbNumber, new Date()),
    headers: { 'cache-control': 'public, max-age=60' },
  })),
  implement(evaluateRegistrationOperation, async ({ claims, params, body }) => {
    const evaluated = await evaluateRegistration(env.TABLE_NAME, params.odbNumber, body.outcome, new Date(), claims.sub);
    return { status: 200, body: { ...toProviderRegistration(evaluated), evaluations: evaluated.evaluations } };
  }),
], { idempotencyTable: env.IDEMPOTENCY_TABLE_NAME });
