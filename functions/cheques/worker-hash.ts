import { createHmac } from 'node:crypto';
import { normalizeRrn } from '../../shared/cheques/rrn';

/**
 * The keyed hash that stands for a worker in every key and index (keys.budget, gsi1 of a request):
 * HMAC-SHA256 of the normalised national register number with RRN_HMAC_SECRET. Without the secret the
 * hash cannot be reversed by trying all ~10⁹ valid numbers. The number itself is never stored or logged.
 */
export function workerHash(secret: string, rrn: string): string {
  const normalized = normalizeRrn(rrn);
  if (!normalized) throw new RangeError('not an 11-digit national register number');
  return createHmac('sha256', secret).update(normalized, 'utf8').digest('hex');
}
