import * as z from 'zod';
import { dynamoChequeStore } from '../cheques/dynamo-store';
import { resolveSecret } from '../config/secrets';
import { issuerRoutes } from '../cheques/routes';
import { baseEnv, parseEnv } from '../config/env';
import { apiHandler } from '../http/api-handler';

const env = parseEnv(baseEnv.extend({
  TABLE_NAME: z.string().min(1),
}));
const webhookSecret = await resolveSecret('ISSUER_WEBHOOK_SECRET');

/** The cheque issuer's signed events (api.md "Issuer", R-CHQ-7). */
export const handler = apiHandler(issuerRoutes({
  store: dynamoChequeStore(env.TABLE_NAME),
  webhookSecret,
  now: () => new Date(),
}));
