import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SchoolYearSchema } from '../../../shared/cheques/school-year';
import { isIsoDate, isSchoolYear, parseSchoolYear, schoolYearEnd, schoolYearOf, schoolYearStart } from '../../../shared/time/calendar';

describe('school year (1 September – 31 August)', () => {
  it('1 September starts a new school year', () => {
    // Act
    const year = schoolYearOf('2026-09-01');
    // Assess
    expect(year).toBe('2026-2027');
  });

  it('31 August still belongs to the previous school year', () => {
    expect(schoolYearOf('2026-08-31')).toBe('2025-2026');
    expect(schoolYearOf('2027-01-01')).toBe('2026-2027');
  });

  it('gives the first and last day of a school year', () => {
    expect(schoolYearStart('2026-2027')).toBe('2026-09-01');
    expect(schoolYearEnd('2026-2027')).toBe('2027-08-31');
  });

  it('parses only consecutive year pairs', () => {
    expect(parseSchoolYear('2026-2027')).toEqual({ startYear: 2026 });
    expect(parseSchoolYear('2026-2028')).toBeUndefined();
    expect(parseSchoolYear('2026/2027')).toBeUndefined();
    expect(parseSchoolYear('26-27')).toBeUndefined();
    expect(isSchoolYear('2025-2026')).toBe(true);
  });

  it('the schema refuses a malformed school year with a Dutch message', () => {
    // Act
    const result = SchoolYearSchema.safeParse('2026-2026');
    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/schooljaar/);
  });

  it('refuses impossible dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(() => schoolYearOf('2026-13-01')).toThrow(RangeError);
  });

  it('every date lies between the start and end of its school year', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (date) => {
        // Prepare
        const day = date.toISOString().slice(0, 10);
        // Act
        const year = schoolYearOf(day);
        // Assess
        expect(schoolYearStart(year) <= day && day <= schoolYearEnd(year)).toBe(true);
      }),
    );
  });
});
