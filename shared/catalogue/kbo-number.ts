/**
 * KBO (Kruispuntbank van Ondernemingen) enterprise number for the catalogue. The check itself lives in
 * shared/organisations/kbo.ts (10 digits, mod-97); these names stay for the site and the demo data.
 * Pure.
 */
import { formatKbo, isValidKbo } from '../organisations/kbo';

export const isValidKboNumber: (kbo: string) => boolean = isValidKbo;

/** Completes an 8-digit base with its check digits (`04031707` → `0403170701`). */
export function kboNumberFromBase(base8: string): string {
  if (!/^[01]\d{7}$/.test(base8)) throw new Error(`not an 8-digit KBO base: ${base8}`);
  const check = 97 - (Number(base8) % 97);
  return `${base8}${String(check).padStart(2, '0')}`;
}

/** Public notation `0403.170.701`. */
export const formatKboNumber: (kbo: string) => string = formatKbo;
