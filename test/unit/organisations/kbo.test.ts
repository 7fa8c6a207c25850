import { describe, expect, it } from 'vitest';
import { formatKbo, isValidKbo, kboSchema, normaliseKbo } from '../../../shared/organisations/kbo';

describe('KBO number', () => {
  it('accepts a valid number (97 − first 8 digits mod 97)', () => {
    expect(isValidKbo('0403170701')).toBe(true);
    expect(isValidKbo('0202239951')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length or a first digit other than 0 or 1', () => {
    expect(isValidKbo('0403170702')).toBe(false);
    expect(isValidKbo('403170701')).toBe(false);
    expect(isValidKbo('2403170701')).toBe(false);
    expect(isValidKbo('04031707O1')).toBe(false);
  });

  it('normalises the usual written forms', () => {
    for (const written of ['0403170701', '0403.170.701', 'BE0403170701', 'be 0403.170.701', ' 0403 170 701 ', '403170701']) {
      expect(normaliseKbo(written)).toBe('0403170701');
    }
    expect(normaliseKbo('0403.170.702')).toBeNull();
    expect(normaliseKbo('hello')).toBeNull();
  });

  it('formats for people', () => {
    expect(formatKbo('0403170701')).toBe('0403.170.701');
  });

  it('the schema takes only the canonical form, with a Dutch message', () => {
    expect(kboSchema.safeParse('0403170701').success).toBe(true);
    const result = kboSchema.safeParse('0403.170.701');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/10 cijfers/);
  });
});
