import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ISSUER_SIGNATURE_HEADER, ISSUER_TIMESTAMP_HEADER } from '../../../shared/cheques/issuer-events';
import { signIssuerEvent } from '../../../shared/cheques/signature';
import { requireStackInfo } from './stack-info';

/**
 * A local stand-in for the cheque issuer: signs an event with the stack's ISSUER_WEBHOOK_SECRET and posts
 * it to `POST /v1/issuer/events` exactly as the real issuer would (HMAC-SHA256 of `${timestamp}.${body}`).
 *
 *   npm run issuer -- contribution-paid <requestId>
 *   npm run issuer -- cheques-delivered <requestId> [--expiry YYYY-MM-DD]     (default: one year from today)
 *   npm run issuer -- cheques-expired <requestId> [--unused <cents>]          (default: 0)
 *   add --event-id <id> to send a chosen id (e.g. to see a replay refused)
 */
const usage = 'usage: npm run issuer -- <contribution-paid|cheques-delivered|cheques-expired> <requestId> [--expiry YYYY-MM-DD] [--unused <cents>] [--event-id <id>]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { expiry: { type: 'string' }, unused: { type: 'string' }, 'event-id': { type: 'string' } },
});
const [type, requestId] = positionals;
if (!type || !requestId || !['contribution-paid', 'cheques-delivered', 'cheques-expired'].includes(type)) {
  console.error(usage);
  process.exit(2);
}

const now = new Date();
const event: Record<string, unknown> = {
  eventId: values['event-id'] ?? `local-${randomUUID()}`,
  requestId,
  type,
  occurredAt: now.toISOString(),
};
if (type === 'cheques-delivered') {
  const inAYear = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);
  event.expiryDate = values.expiry ?? inAYear;
}
if (type === 'cheques-expired') {
  const unused = Number(values.unused ?? '0');
  if (!Number.isSafeInteger(unused) || unused < 0) {
    console.error(`--unused is a whole number of cents (got "${values.unused}")\n${usage}`);
    process.exit(2);
  }
  event.unusedCents = unused;
}

const info = requireStackInfo();
const secret = info.env.ISSUER_WEBHOOK_SECRET;
if (!secret) {
  console.error('The running stack has no ISSUER_WEBHOOK_SECRET in its environment.');
  process.exit(1);
}
const body = JSON.stringify(event);
const timestamp = String(Math.floor(Date.now() / 1000));
const response = await fetch(`${info.apiUrl}/v1/issuer/events`, {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    [ISSUER_TIMESTAMP_HEADER]: timestamp,
    [ISSUER_SIGNATURE_HEADER]: signIssuerEvent(secret, timestamp, body),
  },
  body,
});
const text = await response.text();
console.log(`${response.status} ${text}`);
process.exit(response.ok ? 0 : 1);
