import * as z from 'zod';

/**
 * KBO / enterprise number (ondernemingsnummer): 10 digits, first digit 0 or 1, and the last two
 * digits equal 97 − (the first 8 digits mod 97). Canonical form here: the 10 bare digits.
 */
const CANONICAL = /^[01]\d{9}$/;

export function isValidKbo(kbo: string): boolean {
  if (!CANONICAL.test(kbo)) return false;
  const base = Number(kbo.slice(0, 8));
  const check = Number(kbo.slice(8));
  return 97 - (base % 97) === check;
}

/**
 * Accepts the usual written forms — `0403170701`, `0403.170.701`, `0403 170 701`, `BE0403170701`,
 * `BE 0403.170.701`, and the old 9-digit form `403170701` — and returns the canonical 10 digits, or
 * `null` when the input is not a valid KBO number.
 */
export function normaliseKbo(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/^BE/, '').replace(/[\s.\-/]/g, '');
  if (!/^\d{9,10}$/.test(compact)) return null;
  const tenDigits = compact.length === 9 ? `0${compact}` : compact;
  return isValidKbo(tenDigits) ? tenDigits : null;
}

/** Writes a canonical KBO number the way people read it: `0403.170.701`. */
export function formatKbo(kbo: string): string {
  return `${kbo.slice(0, 4)}.${kbo.slice(4, 7)}.${kbo.slice(7)}`;
}

/** A canonical KBO number in a request or token (no transform: normalise before parsing if needed). */
export const kboSchema = z
  .string('Geef een ondernemingsnummer (KBO) op.')
  .regex(CANONICAL, 'Een ondernemingsnummer heeft 10 cijfers en begint met 0 of 1.')
  .refine(isValidKbo, 'Dit ondernemingsnummer is ongeldig (controlegetal klopt niet).')
  .meta({ description: 'KBO-ondernemingsnummer, 10 cijfers zonder punten', example: '0403170701' });
