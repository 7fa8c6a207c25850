import { randomInt } from 'node:crypto';

/** A fresh valid KBO number (10 digits, mod-97), so tests sharing one stack never collide. */
export function uniqueKbo(): string {
  const base = randomInt(4_000_000, 9_999_999); // first 8 digits start with 0 (the usual form)
  const first8 = String(base).padStart(8, '0');
  const check = 97 - (base % 97);
  return `${first8}${String(check).padStart(2, '0')}`;
}

/** A fresh valid national register number (born 1990, mod-97 check), for worker tests. */
export function uniqueRrn(): string {
  const birth = `90${String(randomInt(1, 13)).padStart(2, '0')}${String(randomInt(1, 29)).padStart(2, '0')}`;
  const serial = String(randomInt(1, 998)).padStart(3, '0');
  const nine = Number(`${birth}${serial}`);
  const check = 97 - (nine % 97);
  return `${birth}${serial}${String(check).padStart(2, '0')}`;
}
