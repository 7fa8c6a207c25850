/**
 * Entitlement rules for training cheques, as data per school year (R-CHQ-6: "keep eligibility rules as
 * data, so they can change by school year"). Opening a new school year is a data change here, nothing
 * else. R-CHQ-5 (domain.md): a school year AFTER the last entry uses the latest known year's rules until
 * new data exists, marked `provisional` (the entitlement response says so; the functions log it once per
 * year). A school year before the first entry has no rules: requests for it are refused.
 *
 * Values from [C] (the worker guide) and domain.md:
 * - R-CHQ-3: at most €250 per school year; the worker pays half.
 * - R-CHQ-4: the government pays everything for secondary diploma, NT2, shortage occupation and basic
 *   skills trainings (still within the €250).
 * - R-CHQ-5: graduaat/bachelor: at most €500, worker pays half. Reading used: in one school year the
 *   total is at most €500 (`higherEducationCapCents`), of which at most €250 (`capCents`) for trainings
 *   that are not higher education.
 * - R-CHQ-2 / R-CHQ-6: the worker must work in Flanders; a worker with a higher-education degree
 *   qualifies only with a personal development plan (POP).
 */
import type { ChequeCategory } from './cheque-category';
import { parseSchoolYear } from '../time/calendar';

export interface ChequeEligibilityRules {
  /** R-CHQ-2: only workers who work in Flanders. */
  requiresWorksInFlanders: boolean;
  /** R-CHQ-6: a worker with a higher-education degree needs a POP (after career guidance). */
  higherEducationDegreeRequiresPop: boolean;
}

export interface ChequeEntitlementRules {
  schoolYear: string;
  /** R-CHQ-3: cap for trainings that are not higher education (all categories but `higherEducationCategories`). */
  capCents: number;
  /** R-CHQ-5: cap for the school year's total, higher-education trainings included. */
  higherEducationCapCents: number;
  /**
   * R-CHQ-3 / R-CHQ-5: the worker's share as a fraction, kept in integers. It is applied to the running
   * total of the school year and rounded up, in the government's favour (budget.ts `splitAmount`); the
   * government pays the rest, so contribution + government = amount exactly.
   */
  workerShare: { numerator: number; denominator: number };
  /** R-CHQ-4: categories where the worker pays nothing. */
  fullyPaidCategories: readonly ChequeCategory[];
  /** R-CHQ-5: categories that may use the higher cap. */
  higherEducationCategories: readonly ChequeCategory[];
  eligibility: ChequeEligibilityRules;
  /**
   * R-CHQ-5: set when this school year has no data of its own and borrows the rules of `basedOn`, the
   * latest known school year. Absent for a configured year.
   */
  provisional?: { basedOn: string };
}

const standardRules = {
  capCents: 25_000,
  higherEducationCapCents: 50_000,
  workerShare: { numerator: 1, denominator: 2 },
  fullyPaidCategories: ['secondaryDiploma', 'nt2', 'shortageOccupation', 'basicSkills'],
  higherEducationCategories: ['higherEducation'],
  eligibility: { requiresWorksInFlanders: true, higherEducationDegreeRequiresPop: true },
} as const satisfies Omit<ChequeEntitlementRules, 'schoolYear'>;

export const entitlementRules: readonly ChequeEntitlementRules[] = [
  { schoolYear: '2024-2025', ...standardRules },
  { schoolYear: '2025-2026', ...standardRules },
  { schoolYear: '2026-2027', ...standardRules },
  { schoolYear: '2027-2028', ...standardRules },
];

/**
 * The rules of one school year: its own entry; for a year after the last entry the latest entry's
 * rules, marked `provisional` (R-CHQ-5); undefined for a year before the first entry (or a malformed one).
 */
export function rulesFor(
  schoolYear: string,
  table: readonly ChequeEntitlementRules[] = entitlementRules,
): ChequeEntitlementRules | undefined {
  const own = table.find((rules) => rules.schoolYear === schoolYear);
  if (own) return own;
  const start = parseSchoolYear(schoolYear)?.startYear;
  if (start === undefined) return undefined;
  const startOf = (rules: ChequeEntitlementRules) => parseSchoolYear(rules.schoolYear)?.startYear ?? -Infinity;
  const latest = table.reduce<ChequeEntitlementRules | undefined>(
    (best, rules) => (best === undefined || startOf(rules) > startOf(best) ? rules : best), undefined);
  // Only years after the latest entry borrow; an earlier year without data has no rules.
  if (!latest || start <= startOf(latest)) return undefined;
  const { provisional: _ignored, ...base } = latest;
  return { ...base, schoolYear, provisional: { basedOn: latest.schoolYear } };
}

/** R-CHQ-5: does this category use the higher-education cap? */
export function isHigherEducation(category: ChequeCategory, rules: ChequeEntitlementRules): boolean {
  return rules.higherEducationCategories.includes(category);
}

/** R-CHQ-4: does the government pay the whole amount for this category? */
export function isFullyPaid(category: ChequeCategory, rules: ChequeEntitlementRules): boolean {
  return rules.fullyPaidCategories.includes(category);
}

