import { describe, expect, it } from 'vitest';
import { REDACTED, redact } from '../../../functions/observability/redact';
import { parseListClaim } from '../../../functions/http/claims';

describe('personal data never reaches the logs', () => {
  it('masks national register numbers and email addresses by key and by pattern', () => {
    const out = redact({
      rrn: '85073003328',
      worker: { email: 'an@example.be', note: 'mail an@example.be about 85.07.30-033.28' },
      list: ['85073003328', 'ok'],
      amountCents: 12500,
    });
    expect(out).toEqual({
      rrn: REDACTED,
      worker: { email: REDACTED, note: `mail ${REDACTED} about ${REDACTED}` },
      list: [REDACTED, 'ok'],
      amountCents: 12500,
    });
  });
});

describe('JWT claims as API Gateway passes them', () => {
  it('reads "[a b]" strings and real arrays', () => {
    expect(parseListClaim('[provider backoffice]')).toEqual(['provider', 'backoffice']);
    expect(parseListClaim(['worker'])).toEqual(['worker']);
    expect(parseListClaim('["worker"]')).toEqual(['worker']);
    expect(parseListClaim(undefined)).toEqual([]);
  });
});
