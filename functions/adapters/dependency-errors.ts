/**
 * Is this error a dependency that is down, unreachable, slow or throttling us (after the SDK's bounded
 * retries) rather than a bug? Such errors become 503 with Retry-After at the HTTP edge, and a retry later
 * in the outbox; anything else stays a 500 `internal`.
 */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException', 'ThrottlingException', 'Throttling', 'ThrottledException',
  'RequestLimitExceeded', 'TooManyRequestsException', 'SlowDown', 'TransactionConflictException',
  'LimitExceededException',
]);
const UNAVAILABLE = new Set([
  'ServiceUnavailable', 'ServiceUnavailableException', 'InternalServerError', 'InternalFailure', 'InternalError',
  'RequestTimeout', 'RequestTimeoutException', 'TimeoutError',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET',
]);

interface SdkLikeError {
  name?: unknown;
  code?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
  CancellationReasons?: Array<{ Code?: string }>;
}

export function isDependencyUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as SdkLikeError;
  const name = typeof e.name === 'string' ? e.name : '';
  if (THROTTLING.has(name) || UNAVAILABLE.has(name)) return true;
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  // A transaction cancelled only because another transaction held the items (or throttling) is a
  // conflict that outlived the retries; one cancelled by a failed condition is a business answer.
  if (name === 'TransactionCanceledException' && e.CancellationReasons?.length) {
    const codes = e.CancellationReasons.map((r) => r.Code ?? 'None').filter((c) => c !== 'None');
    if (codes.length && codes.every((c) => c === 'TransactionConflict' || c === 'ThrottlingError' || c === 'ProvisionedThroughputExceeded')) return true;
  }
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && (status === 429 || status === 502 || status === 503 || status === 504)) return true;
  const inner = (error as { errors?: unknown }).errors; // AggregateError (happy eyeballs: one per address)
  if (Array.isArray(inner) && inner.some((item) => isDependencyUnavailable(item, depth + 1))) return true;
  return isDependencyUnavailable(e.cause, depth + 1);
}

/** Seconds a client should wait before retrying a request refused because a dependency is unavailable. */
export const RETRY_AFTER_SECONDS = 5;
