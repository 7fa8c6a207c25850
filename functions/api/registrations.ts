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
import { registrationPorts } from '../registrations/wiring';

const env = parseEnv(baseEnv.extend({
  TABLE_NAME: z.string().min(1),
  IDEMPOTENCY_TABLE_NAME: z.string().min(1),
}));
const ports = registrationPorts(env.TABLE_NAME);

export const handler = apiHandler([
  implement(listRegistrations, async ({ claims, query }) => ({
    status: 200,
    body: await listOwnRegistrations(ports, organisationOf(claims), query.limit ? Number(query.limit) : 100, query.cursor),
  })),
  implement(stopRegistrationOperation, async ({ claims, params, body }) => ({
    status: 200,
    body: await stopOwnRegistration(ports, organisationOf(claims), params.odbNumber, body, new Date()),
  })),
  implement(getTraining, async ({ params }) => ({
    status: 200,
    body: await publishedTraining(ports, params.odbNumber, new Date()),
    headers: { 'cache-control': 'public, max-age=60' },
  })),
  implement(evaluateRegistrationOperation, async ({ claims, params, body }) => {
    const evaluated = await evaluateRegistration(ports, params.odbNumber, body.outcome, new Date(), claims.sub);
    return { status: 200, body: { ...toProviderRegistration(evaluated), evaluations: evaluated.evaluations } };
  }),
], { idempotencyTable: env.IDEMPOTENCY_TABLE_NAME });
