import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, brusselsDate, brusselsMidnight, dutchDate, isIsoDate, laterDate, schoolYearOf } from '../../../shared/time/calendar';
import { escapeHtml } from '../../../shared/text/html';

describe('the one time module', () => {
  it('Brussels midnight is 00:00 local time in winter, summer and on the days the clocks change', () => {
    // Act + Assess
    expect(brusselsMidnight('2026-01-18')).toBe('2026-01-17T23:00:00.000Z');
    expect(brusselsMidnight('2026-08-18')).toBe('2026-08-17T22:00:00.000Z');
    expect(brusselsMidnight('2027-03-28')).toBe('2027-03-27T23:00:00.000Z');
    expect(brusselsMidnight('2027-10-31')).toBe('2027-10-30T22:00:00.000Z');
    expect(() => brusselsMidnight('2027-02-30')).toThrow(RangeError);
  });

  it('Brussels midnight of any day is the first instant whose Brussels date is that day', () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(day, (date) => {
        const midnight = new Date(brusselsMidnight(date)).getTime();
        expect(brusselsDate(new Date(midnight))).toBe(date);
        expect(brusselsDate(new Date(midnight - 1))).toBe(addDays(date, -1));
      }),
    );
  });

  it('writes dates in Dutch words, an instant as its Brussels date', () => {
    // Act + Assess
    expect(dutchDate('2026-12-01')).toBe('1 december 2026');
    expect(dutchDate('2027-03-05')).toBe('5 maart 2027');
    expect(dutchDate('2026-11-30T23:30:00.000Z')).toBe('1 december 2026');
    expect(() => dutchDate('2026-13-01')).toThrow(RangeError);
  });

  it('checks ISO dates and school years', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(schoolYearOf('2026-09-01')).toBe('2026-2027');
    expect(laterDate('2027-01-01', '2026-12-31')).toBe('2027-01-01');
  });
});

describe('the one HTML escaper', () => {
  it('escapes the five characters, the apostrophe included', () => {
    expect(escapeHtml(`<a href="x">'Tom' & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;Tom&#39; &amp; Jerry&lt;/a&gt;');
  });
});
