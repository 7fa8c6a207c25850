import { beforeAll } from 'vitest';
import { backofficeHistoryContract } from '../../support/contracts/backoffice-history';
import { stack } from '../../support/stack';
import { table, useStackEnv } from '../registrations/support';

/** The back office's application port with its history, against DynamoDB Local (the same suite as the fake). */
let wiring: typeof import('../../../functions/backoffice/wiring');
beforeAll(async () => {
  useStackEnv();
  wiring = await import('../../../functions/backoffice/wiring');
});

backofficeHistoryContract('DynamoDB Local adapter', () => wiring.backofficePorts({ table: table(), bucket: stack().env.DOCUMENTS_BUCKET as string }));
