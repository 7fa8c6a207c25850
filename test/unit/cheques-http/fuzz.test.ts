/** Junk in, 4xx out, nothing stored (style.md habit 6): POST /v1/cheque-requests with arbitrary bodies. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { body, harness, RRN_A } from './harness';
import { expectStatus } from '../../support/expect-status';

describe('POST /v1/cheque-requests fuzz', () => {
  it('R-CHQ-2: arbitrary JSON never gives a 5xx; a refused body stores nothing', async () => {
    const h = harness();
    const valid = body();
    const junk = fc.oneof(
      fc.json().map((text) => JSON.parse(text) as unknown),
      fc.record({ odbNumber: fc.anything(), amountCents: fc.anything(), worker: fc.anything() }, { requiredKeys: [] }),
      fc.record({
        odbNumber: fc.string(), amountCents: fc.oneof(fc.integer(), fc.double()),
        worker: fc.record({ ...Object.fromEntries(Object.keys(valid.worker).map((k) => [k, fc.anything()])) }, { requiredKeys: [] }),
      }),
    );
    await fc.assert(fc.asyncProperty(junk, async (input) => {
      const before = h.store.requests.size;
      const response = await h.request(RRN_A, input);
      expect(response.status).toBeLessThan(500);
      if (response.status !== 201) {
        expectStatus(response, 400);
        expect(response.body.errors?.length).toBeGreaterThan(0);
        expect(h.store.requests.size).toBe(before);
      }
    }), { numRuns: 300 });
  });
});
