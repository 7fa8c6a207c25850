import { describe, expect, it } from 'vitest';
import { REDACTED, redact } from '../../../functions/observability/redact';
import { parseRoleClaim } from '../../../functions/http/claims';

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
  it('reads "[a]" strings, JSON and real arrays, matching role codes exactly', () => {
    expect(parseRoleClaim('[provider]')).toEqual(['provider']);
    expect(parseRoleClaim('provider')).toEqual(['provider']);
    expect(parseRoleClaim(['worker'])).toEqual(['worker']);
    expect(parseRoleClaim('["worker","backoffice"]')).toEqual(['worker', 'backoffice']);
    expect(parseRoleClaim(undefined)).toEqual([]);
  });

  it('issue 12: a role value with separators grants nothing — never split on spaces or commas', () => {
    // ["provider backoffice"] and ["provider", "backoffice"] both arrive as "[provider backoffice]"
    expect(parseRoleClaim('[provider backoffice]')).toEqual([]);
    expect(parseRoleClaim('provider,backoffice')).toEqual([]);
    expect(parseRoleClaim('provider backoffice')).toEqual([]);
    expect(parseRoleClaim(['provider backoffice'])).toEqual([]);
    expect(parseRoleClaim(['provider', 'Backoffice'])).toEqual([]);
    expect(parseRoleClaim('["provider backoffice"]')).toEqual([]);
  });
});
