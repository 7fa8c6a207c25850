import { describe, expect, it } from 'vitest';
import '../../../shared/api/zod-setup';
import { listQuery as applicationListQuery } from '../../../shared/api/provider';
import { registrationListQuery } from '../../../shared/api/registrations';
import { pageLimit } from '../../../shared/api/page-limit';

describe('page limit query parameter (one coerced schema for every paged route)', () => {
  it('turns a query-string number into a number', () => {
    // Prepare
    const limit = pageLimit(100, 'test');
    // Act + Assess
    expect(limit.parse('1')).toBe(1);
    expect(limit.parse('100')).toBe(100);
    expect(limit.parse(undefined)).toBeUndefined();
  });

  it.each(['0', '101', '1.5', 'abc', '-3'])('refuses %s with a Dutch message that names the range', (value) => {
    // Act
    const result = pageLimit(100, 'test').safeParse(value);
    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain('Geef een limiet tussen 1 en 100.');
  });

  it('keeps each route its own maximum', () => {
    expect(applicationListQuery.safeParse({ limit: '1000' }).success).toBe(false);
    expect(registrationListQuery.safeParse({ limit: '1000' }).data?.limit).toBe(1000);
  });
});
