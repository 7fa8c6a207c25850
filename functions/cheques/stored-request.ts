import type { ChequeRequest } from '../../shared/cheques/cheque-request';

/** A cheque request as stored: the worker's view plus the keyed hash of the worker (never the rrn). */
export interface StoredChequeRequest extends ChequeRequest {
  workerHash: string;
}

/** The worker's view (api.md "Cheque request"): everything but the internal worker hash. */
export function requestView(stored: StoredChequeRequest): ChequeRequest {
  const { workerHash: _hash, ...view } = stored;
  return view;
}
