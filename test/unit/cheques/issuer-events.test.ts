import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IssuerEventSchema,
  isFresh,
  issuerEventProblems,
  parseTimestampSeconds,
  signaturePayload,
} from '../../../shared/cheques/issuer-events';
import { signIssuerEvent, verifyIssuerSignature } from '../../../shared/cheques/signature';

const base = { eventId: 'evt-1', requestId: 'chq_01', occurredAt: '2026-10-20T10:00:00Z' };

describe('issuer events', () => {
  it('R-CHQ-7: accepts the three event types', () => {
    expect(IssuerEventSchema.parse({ ...base, type: 'contribution-paid' }).type).toBe('contribution-paid');
    expect(IssuerEventSchema.parse({ ...base, type: 'cheques-delivered', expiryDate: '2027-10-20' })).toMatchObject({
      expiryDate: '2027-10-20',
    });
    expect(IssuerEventSchema.parse({ ...base, type: 'cheques-expired', unusedCents: 0 })).toMatchObject({ unusedCents: 0 });
  });

  it('R-CHQ-7: delivered needs an expiry date, expired needs the unused amount', () => {
    expect(IssuerEventSchema.safeParse({ ...base, type: 'cheques-delivered' }).success).toBe(false);
    expect(IssuerEventSchema.safeParse({ ...base, type: 'cheques-expired' }).success).toBe(false);
    expect(IssuerEventSchema.safeParse({ ...base, type: 'cheques-expired', unusedCents: -1 }).success).toBe(false);
  });

  it('refuses unknown types and fields that belong to another type', () => {
    expect(IssuerEventSchema.safeParse({ ...base, type: 'refund' }).success).toBe(false);
    expect(IssuerEventSchema.safeParse({ ...base, type: 'contribution-paid', unusedCents: 5 }).success).toBe(false);
  });

  it('R-CHQ-7: the unused amount cannot exceed the request amount', () => {
    const event = IssuerEventSchema.parse({ ...base, type: 'cheques-expired', unusedCents: 30_000 });
    expect(issuerEventProblems(event, { amountCents: 25_000 })).toEqual([expect.objectContaining({ path: 'unusedCents' })]);
    expect(issuerEventProblems(event, { amountCents: 30_000 })).toEqual([]);
  });

  it('junk in: never throws', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        expect(typeof IssuerEventSchema.safeParse(junk).success).toBe('boolean');
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('issuer signature', () => {
  it('signs timestamp.body', () => {
    expect(signaturePayload('1760000000', '{"a":1}')).toBe('1760000000.{"a":1}');
  });

  it('matches an independently computed HMAC-SHA256 (Python hmac, key "secret", message "1700000000.{}")', () => {
    expect(signIssuerEvent('secret', 1700000000, '{}')).toBe('b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163');
  });

  it('verifies its own signature, with or without the sha256= prefix', () => {
    // Prepare
    const signature = signIssuerEvent('s3cret', '1760000000', '{"type":"contribution-paid"}');
    // Act + Assess
    expect(verifyIssuerSignature('s3cret', '1760000000', '{"type":"contribution-paid"}', signature)).toBe(true);
    expect(verifyIssuerSignature('s3cret', '1760000000', '{"type":"contribution-paid"}', `sha256=${signature}`)).toBe(true);
  });

  it('refuses another body, timestamp or secret, and malformed signatures', () => {
    const signature = signIssuerEvent('s3cret', '1760000000', '{}');
    expect(verifyIssuerSignature('s3cret', '1760000000', '{ }', signature)).toBe(false);
    expect(verifyIssuerSignature('s3cret', '1760000001', '{}', signature)).toBe(false);
    expect(verifyIssuerSignature('other', '1760000000', '{}', signature)).toBe(false);
    expect(verifyIssuerSignature('s3cret', '1760000000', '{}', 'abc')).toBe(false);
    expect(verifyIssuerSignature('s3cret', '1760000000', '{}', '')).toBe(false);
  });

  it('stale timestamps are refused (5 minutes either way by default)', () => {
    expect(isFresh(1_000_000, 1_000_300)).toBe(true);
    expect(isFresh(1_000_000, 1_000_301)).toBe(false);
    expect(isFresh(1_000_400, 1_000_000)).toBe(false);
    expect(isFresh(1_000_000, 1_000_030, 10)).toBe(false);
  });

  it('parses the timestamp header strictly', () => {
    expect(parseTimestampSeconds('1760000000')).toBe(1_760_000_000);
    expect(parseTimestampSeconds('1760000000.5')).toBeUndefined();
    expect(parseTimestampSeconds('-1')).toBeUndefined();
    expect(parseTimestampSeconds(undefined)).toBeUndefined();
  });
});
