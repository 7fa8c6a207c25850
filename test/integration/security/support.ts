import { afterAll } from 'vitest';
import { api, call, stack } from '../../support/stack';

/**
 * The attack suite's HTTP client. Every request this test file sends to the local gateway — the
 * attacks and the fixtures that prepare them — is counted, and the count printed when the file ends
 * (issue 12 asks for the attack suite's request counts).
 */
export function attackClient(suite: string) {
  let count = 0;
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(stack().apiUrl)) count++;
    return original(input, init);
  };
  afterAll(() => {
    globalThis.fetch = original;
    console.info(`[attack suite] ${suite}: ${count} requests`);
  });
  return {
    /** `api` (test/support/stack.ts), typed from the contract by method and path. */
    call: api,
    /** An operation of the contract, typed from its schemas (test/support/stack.ts `call`). */
    operation: call,
    count: () => count,
  };
}
