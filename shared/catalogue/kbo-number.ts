/**
 * KBO (Kruispuntbank van Ondernemingen) enterprise number: 10 digits, the last two a mod-97 check:
 * `check = 97 − (first 8 digits mod 97)`. Pure.
 */
export function isValidKboNumber(kbo: string): boolean {
  if (!/^[01]\d{9}$/.test(kbo)) return false;
  const base = Number(kbo.slice(0, 8));
  const check = Number(kbo.slice(8));
  return 97 - (base % 97) === check;
}

/** Completes an 8-digit base with its check digits (`04031707` → `0403170701`). */
export function kboNumberFromBase(base8: string): string {
  if (!/^[01]\d{7}$/.test(base8)) throw new Error(`not an 8-digit KBO base: ${base8}`);
  const check = 97 - (Number(base8) % 97);
  return `${base8}${String(check).padStart(2, '0')}`;
}

/** Public notation `0403.170.701`. */
export function formatKboNumber(kbo: string): string {
  return `${kbo.slice(0, 4)}.${kbo.slice(4, 7)}.${kbo.slice(7)}`;
}
