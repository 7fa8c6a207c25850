/**
 * School years (schooljaar): 1 September – 31 August, written `"2026-2027"` (domain.md glossary, api.md).
 * Dates are `YYYY-MM-DD` calendar dates in Europe/Brussels; the caller passes them in. Pure.
 */
import * as z from 'zod';

export const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{4})$/;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `'2026-2027'` → `{ startYear: 2026 }`; undefined when the format or the year pair is wrong. */
export function parseSchoolYear(value: string): { startYear: number } | undefined {
  const match = SCHOOL_YEAR_PATTERN.exec(value);
  if (!match) return undefined;
  const startYear = Number(match[1]);
  const endYear = Number(match[2]);
  if (endYear !== startYear + 1) return undefined;
  return { startYear };
}

export function isSchoolYear(value: string): boolean {
  return parseSchoolYear(value) !== undefined;
}

/** True for a real calendar date in `YYYY-MM-DD` form (no 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `'2026-09-01'` → `'2026-2027'`; `'2026-08-31'` → `'2025-2026'`. Throws on a malformed date (a programming error). */
export function schoolYearOf(date: string): string {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= 9 ? year : year - 1;
  return schoolYearStartingIn(startYear);
}

export function schoolYearStartingIn(startYear: number): string {
  return `${startYear}-${startYear + 1}`;
}

function startYearOf(schoolYear: string): number {
  const parsed = parseSchoolYear(schoolYear);
  if (!parsed) throw new RangeError(`not a school year (YYYY-YYYY): ${schoolYear}`);
  return parsed.startYear;
}

/** First day: `'2026-2027'` → `'2026-09-01'`. */
export function schoolYearStart(schoolYear: string): string {
  return `${startYearOf(schoolYear)}-09-01`;
}

/** Last day: `'2026-2027'` → `'2027-08-31'`. */
export function schoolYearEnd(schoolYear: string): string {
  return `${startYearOf(schoolYear) + 1}-08-31`;
}

/** Query/body field for a school year (no transform: it feeds the OpenAPI document). */
export const SchoolYearSchema = z
  .string({ error: 'Geef een schooljaar op, bijvoorbeeld 2026-2027.' })
  .regex(SCHOOL_YEAR_PATTERN, { error: 'Een schooljaar schrijft u als 2026-2027.' })
  .refine(isSchoolYear, { error: 'Het tweede jaar van een schooljaar volgt direct op het eerste (2026-2027).' })
  .meta({ description: 'Schooljaar van 1 september tot 31 augustus, bv. "2026-2027".', examples: ['2026-2027'] });
