import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { DEFAULT_CONTRIBUTION_PERIOD_DAYS } from '../../shared/cheques/request-state';
import { dynamoChequeStore } from '../cheques/dynamo-store';
import { resolveSecret } from '../config/secrets';
import { chequeRoutes } from '../cheques/routes';
import { dynamoTrainingLookup } from '../cheques/training-lookup';
import { baseEnv, parseEnv } from '../config/env';
import { apiHandler } from '../http/api-handler';

const env = parseEnv(baseEnv.extend({
  TABLE_NAME: z.string().min(1),
  IDEMPOTENCY_TABLE_NAME: z.string().min(1),
  /** Days a worker has to pay the personal contribution before `unpaid-contributions` cancels (R-CHQ-7). */
  CHEQUE_CONTRIBUTION_PERIOD_DAYS: z.coerce.number().int().positive().default(DEFAULT_CONTRIBUTION_PERIOD_DAYS),
}));
const rrnHmacSecret = await resolveSecret('RRN_HMAC_SECRET');

/** Worker routes (api.md "Workers"): entitlement, requests. */
export const handler = apiHandler(
  chequeRoutes({
    store: dynamoChequeStore(env.TABLE_NAME),
    trainings: dynamoTrainingLookup(env.TABLE_NAME),
    rrnHmacSecret,
    contributionPeriodDays: env.CHEQUE_CONTRIBUTION_PERIOD_DAYS,
    now: () => new Date(),
    newId: () => randomUUID(),
  }),
  { idempotencyTable: env.IDEMPOTENCY_TABLE_NAME },
);
