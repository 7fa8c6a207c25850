import { describe, expect, it } from 'vitest';
import { loggingProvisional } from '../../../functions/cheques/rules';
import { rulesFor } from '../../../shared/cheques/entitlement-rules';

describe('R-CHQ-5: provisional rules are logged once', () => {
  it('R-CHQ-5: the first use of a school year without data is logged once, a configured year never', () => {
    const warnings: Array<Record<string, unknown>> = [];
    const lookup = loggingProvisional(rulesFor, { warn: (_message, details) => warnings.push(details) });
    for (let i = 0; i < 5; i++) {
      expect(lookup('2031-2032')?.provisional).toBeDefined();
      lookup('2026-2027');
    }
    lookup('2032-2033');
    expect(warnings).toEqual([
      { code: 'R-CHQ-5', schoolYear: '2031-2032', basedOn: '2027-2028' },
      { code: 'R-CHQ-5', schoolYear: '2032-2033', basedOn: '2027-2028' },
    ]);
  });
});
