/**
 * HMAC-SHA256 signatures of issuer events (api.md "Issuer"): hex digest of `${timestamp}.${rawBody}`
 * with the shared secret. node:crypto only (no I/O). Comparison in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { signaturePayload } from './issuer-events';

export function signIssuerEvent(secret: string, timestamp: string | number, rawBody: string): string {
  return createHmac('sha256', secret).update(signaturePayload(timestamp, rawBody), 'utf8').digest('hex');
}

/** True when `signature` (hex, optionally prefixed `sha256=`) is the HMAC of this timestamp and body. */
export function verifyIssuerSignature(
  secret: string,
  timestamp: string | number,
  rawBody: string,
  signature: string,
): boolean {
  const hex = signature.startsWith('sha256=') ? signature.slice('sha256='.length) : signature;
  if (!/^[0-9a-f]{64}$/i.test(hex)) return false;
  const expected = Buffer.from(signIssuerEvent(secret, timestamp, rawBody), 'hex');
  const given = Buffer.from(hex, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
