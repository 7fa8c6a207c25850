import * as z from 'zod';
import { s3IssuerDrop, type IssuerDrop } from '../adapters/s3-issuer-drop';
import { ISSUER_SIGNATURE_HEADER, ISSUER_TIMESTAMP_HEADER } from '../../shared/cheques/issuer-events';
import { signIssuerEvent } from '../../shared/cheques/signature';
import { resolveSecret } from '../config/secrets';
import { parseEnv } from '../config/env';
import type { OutboxMessage } from './outbox';

const issuerEnv = z.object({
  ISSUER_BUCKET: z.string().min(1),
  ISSUER_WEBHOOK_URL: z.url().optional(),
  ISSUER_WEBHOOK_SECRET: z.string().optional(),
  ISSUER_WEBHOOK_SECRET_ARN: z.string().optional(),
});

// Parsed on first delivery (not at module load): the outbox consumer also delivers mail, which must
// not depend on the issuer's configuration.
let config: Promise<{ env: z.output<typeof issuerEnv>; webhookSecret: string | undefined }> | undefined;
function issuerConfig() {
  config ??= (async () => {
    const env = parseEnv(issuerEnv);
    // The webhook is signed with the shared secret when one is configured (value locally, ARN in AWS).
    const configured = Boolean(env.ISSUER_WEBHOOK_SECRET || env.ISSUER_WEBHOOK_SECRET_ARN);
    const webhookSecret = env.ISSUER_WEBHOOK_URL && configured ? await resolveSecret('ISSUER_WEBHOOK_SECRET') : undefined;
    return { env, webhookSecret };
  })();
  config.catch(() => { config = undefined; });
  return config;
}

/** S3 key of the order file of one request (the issuer reads `orders/`). */
export const issuerOrderKey = (requestId: string) => `orders/${requestId}.json`;
/** S3 key of the cancellation of that order (`action: 'cancel'`, R-CHQ-7). */
export const issuerCancellationKey = (requestId: string) => `orders/${requestId}.cancel.json`;

/**
 * Delivers an issue order (R-CHQ-7): one JSON file per request in the issuer bucket and, when
 * ISSUER_WEBHOOK_URL is configured, a POST of the same bytes there, signed like the issuer's own events
 * (HMAC-SHA256 of `${timestamp}.${body}`). Both are idempotent per request (same key, same body), so a
 * retried delivery does no harm; a failing webhook throws and the outbox retries. The file goes through
 * `drop` (by default the ISSUER_BUCKET on S3, functions/adapters/s3-issuer-drop.ts).
 */
export async function deliverIssuerOrder(message: Extract<OutboxMessage, { kind: 'issuer-order' }>, drop?: IssuerDrop): Promise<string> {
  const { env, webhookSecret } = await issuerConfig();
  const requestId = String(message.order.requestId ?? '');
  if (requestId === '') throw new Error('issuer order without requestId');
  const body = JSON.stringify(message.order);
  const cancel = message.order.action === 'cancel';
  const key = cancel ? issuerCancellationKey(requestId) : issuerOrderKey(requestId);
  const receipt = await (drop ?? s3IssuerDrop(env.ISSUER_BUCKET)).put(key, body);
  if (env.ISSUER_WEBHOOK_URL) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': `${cancel ? 'cancel' : 'order'}-${requestId}` };
    if (webhookSecret) {
      headers[ISSUER_TIMESTAMP_HEADER] = timestamp;
      headers[ISSUER_SIGNATURE_HEADER] = signIssuerEvent(webhookSecret, timestamp, body);
    }
    const response = await fetch(env.ISSUER_WEBHOOK_URL, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`issuer webhook answered ${response.status}`);
  }
  return receipt;
}
