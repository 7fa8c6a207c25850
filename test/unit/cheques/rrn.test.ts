import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRrn, isValidRrn, normalizeRrn, rrnCentury } from '../../../shared/cheques/rrn';

// Verified by hand (long division), not computed by the test:
// 850730033 mod 97 = 69 → 97 − 69 = 28; 930518223 mod 97 = 36 → 61; 900225001 mod 97 = 11 → 86.
const bornBefore2000 = ['85073003328', '93051822361', '90022500186'];
// 2010203123 mod 97 = 52 → 45; 2150317002 mod 97 = 50 → 47; 2230101045 mod 97 = 41 → 56.
const bornFrom2000 = ['01020312345', '15031700247', '23010104556'];
const validNumbers = [...bornBefore2000, ...bornFrom2000];

describe('national register number (rijksregisternummer)', () => {
  it.each(bornBefore2000)('accepts %s (born before 2000)', (rrn) => {
    expect(isValidRrn(rrn)).toBe(true);
    expect(rrnCentury(rrn)).toBe('1900');
  });

  it.each(bornFrom2000)('accepts %s (born from 2000: check over 2 + first 9 digits)', (rrn) => {
    expect(isValidRrn(rrn)).toBe(true);
    expect(rrnCentury(rrn)).toBe('2000');
  });

  it.each(['85073003329', '01020312344', '00000000000', '8507300332', '850730033281', '8507300332a', ''])(
    'refuses %j',
    (rrn) => {
      expect(isValidRrn(rrn)).toBe(false);
    },
  );

  it('accepts the formatted notation and normalises it', () => {
    // Act
    const normalised = normalizeRrn('85.07.30-033.28');
    // Assess
    expect(normalised).toBe('85073003328');
    expect(isValidRrn('85.07.30-033.28')).toBe(true);
    expect(isValidRrn(' 85 07 30 033 28 ')).toBe(true);
    expect(formatRrn('85073003328')).toBe('85.07.30-033.28');
    expect(normalizeRrn('85.07.30-033.2')).toBeUndefined();
  });

  it('any single changed digit makes a valid number invalid for its century', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...validNumbers),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (rrn, position, shift) => {
          // Prepare
          const digit = Number(rrn[position]);
          const changed = `${rrn.slice(0, position)}${(digit + shift) % 10}${rrn.slice(position + 1)}`;
          // Act
          const century = rrnCentury(changed);
          // Assess
          expect(century).not.toBe(rrnCentury(rrn));
        },
      ),
    );
  });

  it('a single changed digit is caught, except −6/+6 on the second digit, which swaps the century (exhaustive)', () => {
    for (const rrn of validNumbers) {
      const century = rrnCentury(rrn);
      for (let position = 0; position < 11; position += 1) {
        for (let newDigit = 0; newDigit <= 9; newDigit += 1) {
          // Prepare
          const digit = Number(rrn[position]);
          if (newDigit === digit) continue;
          const changed = `${rrn.slice(0, position)}${newDigit}${rrn.slice(position + 1)}`;
          // 6·10⁷ ≡ 2·10⁹ (mod 97): lowering the second digit by 6 moves a 1900 number onto the 2000 check; raising it moves back.
          const knownCollision =
            position === 1 && ((century === '1900' && newDigit - digit === -6) || (century === '2000' && newDigit - digit === 6));
          // Act
          const valid = isValidRrn(changed);
          // Assess
          expect(valid, `${rrn} → ${changed}`).toBe(knownCollision);
        }
      }
    }
  });

  it('the known collision: 01.02.03-123.45 (born 2001) with 7 as second digit is valid as born 1907', () => {
    expect(rrnCentury('07020312345')).toBe('1900');
  });

  it('never throws on junk input', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        expect(typeof isValidRrn(input)).toBe('boolean');
      }),
    );
  });
});
