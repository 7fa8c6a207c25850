import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  ChequeRequestBodySchema,
  ChequeRequestSchema,
  EntitlementSchema,
} from '../../../shared/cheques/cheque-request';
import { requestView } from '../../../functions/cheques/stored-request';
import { storedChequeRequest } from '../../support/fixtures/cheques';

const valid = {
  odbNumber: 'ODB-A000123',
  amountCents: 25_000,
  worker: {
    firstName: 'An',
    lastName: 'Peeters',
    email: 'an.peeters@example.be',
    educationLevel: 'none',
    worksInFlanders: true,
    hasPersonalDevelopmentPlan: false,
  },
};

describe('cheque request body', () => {
  it('R-CHQ-2: accepts the worker data, the ODB number and the amount', () => {
    expect(ChequeRequestBodySchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['a URL', 'An https://evil.example/x'],
    ['a bare domain', 'klik evil.example'],
    ['www.', 'www.winactie'],
    ['a line break', 'An\nBcc: x@example.com'],
    ['a NUL', 'An\u0000'],
    ['a bidi override', 'An\u202Etxe'],
    ['a zero-width joiner', 'A\u200Dn'],
  ])('issue 12: a name with %s is refused', (_what, name) => {
    const first = ChequeRequestBodySchema.safeParse({ ...valid, worker: { ...valid.worker, firstName: name } });
    const last = ChequeRequestBodySchema.safeParse({ ...valid, worker: { ...valid.worker, lastName: name } });
    expect(first.success).toBe(false);
    expect(last.success).toBe(false);
    expect([...new Set(first.error?.issues.map((issue) => issue.path.join('.')))]).toEqual(['worker.firstName']);
  });

  it.each(["D'Hondt", 'Van den Broeck-Peeters', 'Zoë', 'Jean-Luc', 'St. Martin', 'Ann.'])('issue 12: the name %s is accepted', (name) => {
    expect(ChequeRequestBodySchema.safeParse({ ...valid, worker: { ...valid.worker, lastName: name } }).success).toBe(true);
  });

  it('R-CHQ-2: lists every missing or wrong field at once, in Dutch', () => {
    // Act
    const result = ChequeRequestBodySchema.safeParse({
      amountCents: -5,
      worker: { firstName: '  ', email: 'geen-adres', educationLevel: 'master', extra: 1 },
    });
    // Assess
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'odbNumber',
        'amountCents',
        'worker.firstName',
        'worker.lastName',
        'worker.email',
        'worker.educationLevel',
        'worker.worksInFlanders',
        'worker.hasPersonalDevelopmentPlan',
        'worker',
      ]),
    );
    expect(result.error?.issues.find((i) => i.path.join('.') === 'amountCents')?.message).toBe(
      'Het bedrag moet groter zijn dan nul.',
    );
    expect(result.error?.issues.find((i) => i.code === 'unrecognized_keys')?.message).toBe('Onbekend veld: extra.');
  });

  it('R-CHQ-3: the amount is a whole number of cents', () => {
    expect(ChequeRequestBodySchema.safeParse({ ...valid, amountCents: 100.5 }).success).toBe(false);
    expect(ChequeRequestBodySchema.safeParse({ ...valid, amountCents: '25000' }).success).toBe(false);
  });

  it('generates a JSON Schema with descriptions and no unknown fields', () => {
    // Act
    const schema = z.toJSONSchema(ChequeRequestBodySchema, { io: 'input' });
    const text = JSON.stringify(schema);
    // Assess
    expect(text).toContain('"additionalProperties":false');
    expect(text).toContain('ODB-registratienummer');
    expect(() => z.toJSONSchema(ChequeRequestSchema)).not.toThrow();
    expect(() => z.toJSONSchema(EntitlementSchema)).not.toThrow();
  });

  it('junk in: never throws, always a failure or a valid body', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (junk) => {
        const result = ChequeRequestBodySchema.safeParse(junk);
        if (!result.success) {
          for (const issue of result.error.issues) expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('near-valid junk: a mutated field is reported at its path', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('odbNumber', 'amountCents', 'worker'),
        fc.oneof(fc.constant(null), fc.boolean(), fc.double(), fc.array(fc.integer())),
        (field, value) => {
          const result = ChequeRequestBodySchema.safeParse({ ...valid, [field]: value });
          if (result.success) return; // e.g. a positive integer double for amountCents
          expect(result.error.issues.some((i) => i.path[0] === field)).toBe(true);
        },
      ),
    );
  });
});

describe('cheque request and entitlement responses', () => {
  it('a stored request matches the response schema', () => {
    expect(
      // the worker's view of a stored request (test/support/fixtures/cheques.ts), with this file's worker
      ChequeRequestSchema.safeParse({ ...requestView(storedChequeRequest()), id: 'chq_01', worker: valid.worker }).success,
    ).toBe(true);
  });

  it('the entitlement has the fixed names', () => {
    expect(
      EntitlementSchema.parse({ schoolYear: '2026-2027', usedCents: 0, remainingCents: 25_000, remainingHigherEducationCents: 50_000, provisional: true }),
    ).toEqual({ schoolYear: '2026-2027', usedCents: 0, remainingCents: 25_000, remainingHigherEducationCents: 50_000, provisional: true });
    expect(EntitlementSchema.safeParse({ schoolYear: '2026-2027', usedCents: 0, remainingCents: 25_000, remainingHigherEducationCents: 50_000 }).success).toBe(false);
  });
});
