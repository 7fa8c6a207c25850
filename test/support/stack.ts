import { inject } from 'vitest';
import { join } from 'node:path';
import { localIssuer, localWorkerSubject, type LocalIssuer, type TokenClaims } from '../../infra/local/auth';
import type { TestStackInfo } from './global-setup';

/** The local stack the global setup started. */
export const stack = (): TestStackInfo => inject('stack');

let issuer: Promise<LocalIssuer> | undefined;

/** A token of the running stack's local issuer (as `npm run token` prints). */
export async function tokenFor(claims: TokenClaims, expiresInSeconds = 3600): Promise<string> {
  const info = stack();
  issuer ??= localIssuer({ keyFile: join(info.dataDir, 'auth', 'signing-key.json'), issuer: info.issuer, audience: info.audience });
  return (await issuer).sign(claims, expiresInSeconds);
}

export const providerToken = (org: string, sub = `provider-${org}`) => tokenFor({ sub, roles: ['provider'], org });
export const workerToken = (rrn: string, sub = localWorkerSubject(stack().env.RRN_HMAC_SECRET as string, rrn)) => tokenFor({ sub, roles: ['worker'], rrn });
export const backofficeToken = (sub = 'backoffice-1') => tokenFor({ sub, roles: ['backoffice'] });

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Calls the local gateway over real HTTP. */
export async function api<T = any>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${stack().apiUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let parsed: unknown = text;
  try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

export interface SentMail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

/** Mail the SES emulator received. */
export async function sentMails(): Promise<SentMail[]> {
  const response = await fetch(`${stack().endpoints.ses}/store`);
  const store = (await response.json()) as { emails: SentMail[] };
  return store.emails;
}

/**
 * Waits until every stream consumer of the stack has handled what was written before the call (the
 * outbox rows are `sent`, their mails in the SES emulator): the observable state to assert that
 * something did NOT happen, instead of a sleep.
 */
export async function streamsIdle(): Promise<void> {
  const response = await fetch(`${stack().apiUrl}/local/streams/idle`);
  if (response.status !== 204) throw new Error(`stream consumers not idle: ${response.status}`);
}

/** Polls until `probe` returns a value (streams and the outbox are asynchronous). */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 20_000, intervalMs = 150): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
