/**
 * Belgian national register number (rijksregisternummer, RRN): 11 digits `YYMMDDSSSCC`, where `CC` is a
 * mod-97 check over the first 9 digits: `CC = 97 − (first9 mod 97)`; for people born from 2000 the
 * check is computed over `'2' + first9`. The century is not in the number, so both checks are tried.
 *
 * Nothing is derived from the number (no birth date, no sex): it is an identifier only. Pure.
 *
 * Known weakness of the scheme (not of this code): because both centuries are accepted, raising or
 * lowering the second digit by 6 turns a valid number of one century into a valid number of the other
 * (6·10⁷ ≡ 2·10⁹ mod 97). Every other single-digit change is detected.
 */

export type RrnCentury = '1900' | '2000';

const SEPARATORS = /[\s.\-]/g;

/** Strips the usual separators (`85.07.30-033.28` → `85073003328`); undefined when not 11 digits after that. */
export function normalizeRrn(input: string): string | undefined {
  const digits = input.replace(SEPARATORS, '');
  return /^\d{11}$/.test(digits) ? digits : undefined;
}

function checkFor(base9: string, century: RrnCentury): number {
  const base = Number(century === '2000' ? `2${base9}` : base9);
  return 97 - (base % 97);
}

/** Which century's check the (normalised) number satisfies; undefined when it is not a valid RRN. */
export function rrnCentury(input: string): RrnCentury | undefined {
  const rrn = normalizeRrn(input);
  if (!rrn) return undefined;
  const base9 = rrn.slice(0, 9);
  const check = Number(rrn.slice(9));
  if (checkFor(base9, '1900') === check) return '1900';
  if (checkFor(base9, '2000') === check) return '2000';
  return undefined;
}

/** True for a valid RRN, formatted (`85.07.30-033.28`) or bare (`85073003328`). */
export function isValidRrn(input: string): boolean {
  return rrnCentury(input) !== undefined;
}

/** Display notation `85.07.30-033.28`; throws for a value that is not 11 digits after normalising. */
export function formatRrn(input: string): string {
  const rrn = normalizeRrn(input);
  if (!rrn) throw new RangeError('not an 11-digit national register number');
  return `${rrn.slice(0, 2)}.${rrn.slice(2, 4)}.${rrn.slice(4, 6)}-${rrn.slice(6, 9)}.${rrn.slice(9)}`;
}
