import { inject } from 'vitest';
import { join } from 'node:path';
import { localIssuer, localWorkerSubject, type LocalIssuer, type TokenClaims } from '../../infra/local/auth';
import { assertOnContract } from './contract-check';
import type { z } from 'zod';
import type { ContractOperation, ResponseAt, ResponseOf } from './api-types';
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

export type { ApiResponse } from './api-types';
export { bodyAt, expectEachStatus, expectStatus } from './expect-status';

export interface ApiOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  rawBody?: string;
}

/**
 * Calls the local gateway over real HTTP. Every response is checked against the contract
 * (test/support/contract-check.ts): an undocumented status, field or content type throws. The result is
 * typed from the operation the literal method and path go to (test/support/api-types.ts): a union by
 * status, narrowed with `expectStatus`.
 */
export async function api<const M extends string, const P extends string>(method: M, path: P, options: ApiOptions = {}): Promise<ResponseAt<M, P>> {
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
  // issues 12 + 15: a response the contract does not document for this operation and status fails the test (ContractViolation)
  assertOnContract(method, path, { status: response.status, contentType: response.headers.get('content-type'), body: parsed, text, retryAfter: response.headers.get('retry-after') });
  // the run-time check above is what makes this the response's type
  return { status: response.status, headers: response.headers, body: parsed, text } as ResponseAt<M, P>;
}

/**
 * Calls an operation of the contract: the path from its template and `params`, the body typed from its
 * request schema, the result typed from its responses (and checked at run time like every `api` call).
 */
export async function call<O extends ContractOperation>(
  operation: O,
  options: {
    params?: Record<string, string>;
    query?: Record<string, string>;
    token?: string;
    body?: NonNullable<O['body']> extends infer S extends z.ZodType ? z.input<S> : never;
    headers?: Record<string, string>;
  } = {},
): Promise<ResponseOf<O>> {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = options.params?.[name];
    if (value === undefined) throw new Error(`call(${operation.id}): path parameter "${name}" is missing`);
    return encodeURIComponent(value);
  });
  const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  // the run-time contract check routes the filled-in path to this same operation
  return (await api(operation.method, `${path}${query}`, {
    ...(options.token ? { token: options.token } : {}),
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  })) as ResponseOf<O>;
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
