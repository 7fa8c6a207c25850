import type { OrganisationKind } from '../organisations/organisation';

/**
 * R-BO-4: ODB registration numbers.
 *
 * Chosen format (the real format of ordinary numbers is not known): `ODB-` + one series letter +
 * a 6-digit, zero-padded sequence (≥ 1), e.g. `ODB-A000123`.
 *
 * | series | for                                   | example       |
 * |--------|---------------------------------------|---------------|
 * | A      | general providers                     | `ODB-A000123` |
 * | X      | higher education [M]                  | `ODB-X000123` |
 * | Y      | adult education [M]                   | `ODB-Y000123` |
 * | Z      | SYNTRA entrepreneurship [M]           | `ODB-Z000123` |
 *
 * The fixed number `ODB-P00004` (higher-education credit contracts [public]) is recognised as valid
 * but is never produced: its letter P is no series here and it has 5 digits, so no sequence can
 * collide with it. Each series has its own atomic counter (storage, not here); numbers are never reused.
 */
export const ODB_SERIES = ['A', 'X', 'Y', 'Z'] as const;
export type OdbSeries = (typeof ODB_SERIES)[number];

export const FIXED_CREDIT_CONTRACT_ODB_NUMBER = 'ODB-P00004';

export const MAX_ODB_SEQUENCE = 999_999;

/** Pattern of every valid ODB number (also used in JSON Schema / OpenAPI). */
export const ODB_NUMBER_PATTERN = /^ODB-(?:[AXYZ](?!000000)\d{6}|P00004)$/;

/**
 * R-BO-4: the special series the department can grant with an approval: X = higher-education diploma
 * programmes, Y = adult-education diploma programmes, Z = SYNTRA entrepreneurship trajectories approved
 * by the agency; `null` = the ordinary series (A). The series follows what the training IS, so it is
 * set with the decision; the organisation's kind only pre-fills the back office's proposal.
 */
export const GRANTED_SERIES = ['X', 'Y', 'Z'] as const;
export type GrantedSeries = (typeof GRANTED_SERIES)[number];

const PROPOSED_SERIES_BY_KIND: Record<OrganisationKind, GrantedSeries | null> = {
  general: null,
  higherEducation: 'X',
  adultEducation: 'Y',
  syntra: 'Z',
};

/** R-BO-4: the series the back office is offered for an organisation of this kind (a proposal only). */
export function proposedSeriesFor(kind: OrganisationKind): GrantedSeries | null {
  return PROPOSED_SERIES_BY_KIND[kind];
}

/** R-BO-4: the number series of a decision's `series` (null = ordinary). */
export function seriesOfDecision(series: GrantedSeries | null): OdbSeries {
  return series ?? 'A';
}

export function formatOdbNumber(series: OdbSeries, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_ODB_SEQUENCE) {
    throw new RangeError(`ODB sequence out of range (1–${MAX_ODB_SEQUENCE}): ${sequence}`);
  }
  return `ODB-${series}${String(sequence).padStart(6, '0')}`;
}

export type ParsedOdbNumber =
  | { kind: 'sequenced'; odbNumber: string; series: OdbSeries; sequence: number }
  | { kind: 'fixed'; odbNumber: typeof FIXED_CREDIT_CONTRACT_ODB_NUMBER };

/** Validates an ODB number (exact, upper case, no spaces); `null` when it is not one. */
export function parseOdbNumber(value: string): ParsedOdbNumber | null {
  if (!ODB_NUMBER_PATTERN.test(value)) return null;
  if (value === FIXED_CREDIT_CONTRACT_ODB_NUMBER) return { kind: 'fixed', odbNumber: FIXED_CREDIT_CONTRACT_ODB_NUMBER };
  const series = value.charAt(4) as OdbSeries;
  return { kind: 'sequenced', odbNumber: value, series, sequence: Number(value.slice(5)) };
}

export function isOdbNumber(value: string): boolean {
  return parseOdbNumber(value) !== null;
}

/** For searches typed by people: trims and upper-cases (`odb-a000123 ` → `ODB-A000123`) before validating. */
export function normaliseOdbNumber(input: string): string | null {
  const candidate = input.trim().toUpperCase();
  return isOdbNumber(candidate) ? candidate : null;
}
