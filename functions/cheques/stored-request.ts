import * as z from 'zod';
import { ChequeRequestSchema, type ChequeRequest } from '../../shared/cheques/cheque-request';

/**
 * A cheque request as stored: the worker's view plus the keyed hash of the worker (never the rrn).
 * The adapter parses every item with this schema (unknown attributes such as the keys are stripped).
 * Items written before a field existed get its neutral value (`training: null`).
 */
export const StoredChequeRequestSchema = ChequeRequestSchema.extend({
  workerHash: z.string().min(1),
  training: ChequeRequestSchema.shape.training.default(null),
});
export type StoredChequeRequest = ChequeRequest & { workerHash: string };

/** The worker's view (api.md "Cheque request"): everything but the internal worker hash. */
export function requestView(stored: StoredChequeRequest): ChequeRequest {
  const { workerHash: _hash, ...view } = stored;
  return view;
}
