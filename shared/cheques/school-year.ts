/**
 * School years (schooljaar): 1 September – 31 August, written `"2026-2027"` (domain.md glossary, api.md).
 * The arithmetic lives in the one time module (shared/time/calendar.ts); this is the API field.
 */
import * as z from 'zod';
import { isSchoolYear, SCHOOL_YEAR_PATTERN } from '../time/calendar';

/** Query/body field for a school year (no transform: it feeds the OpenAPI document). */
export const SchoolYearSchema = z
  .string({ error: 'Geef een schooljaar op, bijvoorbeeld 2026-2027.' })
  .regex(SCHOOL_YEAR_PATTERN, { error: 'Een schooljaar schrijft u als 2026-2027.' })
  .refine(isSchoolYear, { error: 'Het tweede jaar van een schooljaar volgt direct op het eerste (2026-2027).' })
  .meta({ description: 'Schooljaar van 1 september tot 31 augustus, bv. "2026-2027".', examples: ['2026-2027'] });
