import { expect } from 'vitest';
import type { WithStatus } from './api-types';

/*
 * Status assertions that narrow a contract-typed response (test/support/api-types.ts) to the body its
 * status documents: for `api`/`call` over HTTP and for the in-process harnesses alike.
 */

/**
 * Expects the status and narrows the response to what the contract documents for it, so the test reads
 * only fields that status promises. On a mismatch the message shows the body.
 */
export function expectStatus<R extends { status: number; text: string }, const S extends R['status']>(response: R, status: S): asserts response is WithStatus<R, S> {
  expect(response.status, response.text.slice(0, 500)).toBe(status);
}

/** The body of a response that must have `status`: `bodyAt(await api('GET', '/v1/me', …), 200).roles`. */
export function bodyAt<R extends { status: number; text: string; body: unknown }, const S extends R['status']>(response: R, status: S): WithStatus<R, S>['body'] {
  expectStatus(response, status);
  return response.body;
}

/** `expectStatus` for every response of a burst: all have `status`, each narrowed to its body. */
export function expectEachStatus<R extends { status: number; text: string }, const S extends R['status']>(responses: readonly R[], status: S): asserts responses is Array<WithStatus<R, S>> {
  expect(responses.map((response) => response.status), responses.map((response) => response.text.slice(0, 200)).join('\n')).toEqual(responses.map(() => status));
}
