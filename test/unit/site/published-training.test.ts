import { describe, expect, it } from 'vitest';
import { catalogueCsv, csvColumns } from '../../../shared/catalogue/csv';
import { isValidKboNumber, kboNumberFromBase } from '../../../shared/catalogue/kbo-number';
import {
  CatalogueSnapshot,
  PublishedTraining,
  describeSnapshotIssues,
  sizeBucket,
} from '../../../shared/catalogue/published-training';
import { publishedTraining } from '../../support/fixtures/published-training';

const valid: PublishedTraining = publishedTraining;

function problems(record: unknown): string[] {
  const result = PublishedTraining.safeParse(record);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('published training schema', () => {
  it('accepts a complete record unchanged (no transforms: the open-data JSON is the snapshot)', () => {
    expect(PublishedTraining.parse(valid)).toEqual(valid);
  });

  it.each([
    ['an unknown field', { ...valid, internalNote: 'x' }, ''],
    ['an unknown provider field', { ...valid, provider: { ...valid.provider, email: 'a@b.be' } }, 'provider'],
    ['a KBO number with a wrong check', { ...valid, provider: { ...valid.provider, kbo: '0403170702' } }, 'provider.kbo'],
    ['a malformed ODB number', { ...valid, odbNumber: 'A000123' }, 'odbNumber'],
    ['a malformed module ODB number', { ...valid, modules: [{ ...valid.modules[0], odbNumber: 'ODB-1' }] }, 'modules.0.odbNumber'],
    ['an unpublished status', { ...valid, status: 'stopped' }, 'status'],
    ['a non-ISO date', { ...valid, validFrom: '01/09/2025' }, 'validFrom'],
    ['a javascript: URL', { ...valid, websiteUrl: 'javascript:alert(1)' }, 'websiteUrl'],
    ['an unknown cheque category', { ...valid, chequeCategory: 'luxury' }, 'chequeCategory'],
    ['an unknown incentive', { ...valid, incentives: ['kmo-portefeuille'] }, 'incentives.0'],
    ['a blank title', { ...valid, title: '   ' }, 'title'],
    ['a missing field', { ...valid, description: undefined }, 'description'],
    ['R-REG-2: a replaced registration without its successor', { ...valid, status: 'replaced' }, 'replacedBy'],
    ['an active registration that names a successor', { ...valid, replacedBy: 'ODB-A000999' }, 'replacedBy'],
    ['neither contact hours nor study points', { ...valid, contactHours: null }, 'contactHours'],
    ['a stop date before the valid-from date', { ...valid, stopDate: '2025-08-31' }, 'stopDate'],
  ])('rejects %s', (_what, record, path) => {
    expect(problems(record)).toContain(path);
  });

  it('accepts the credit-contract number ODB-P00004 and the X/Y/Z series (R-BO-4)', () => {
    for (const odbNumber of ['ODB-P00004', 'ODB-X000001', 'ODB-Y000001', 'ODB-Z000001']) {
      expect(problems({ ...valid, odbNumber })).toEqual([]);
    }
  });
});

describe('catalogue snapshot', () => {
  it('rejects an ODB number used twice (a page would collide) and names both records', () => {
    const other = { ...valid, odbNumber: 'ODB-A000200', modules: [{ ...valid.modules[0]!, odbNumber: 'ODB-A000123' }] };
    const input = { publishedAt: '2026-01-15T06:00:00Z', trainings: [valid, other] };
    const result = CatalogueSnapshot.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(describeSnapshotIssues(result.error, input).join('\n')).toContain('ODB-A000123 komt dubbel voor');
    }
  });

  it('describes problems by record index and ODB number', () => {
    const input = { publishedAt: '2026-01-15T06:00:00Z', trainings: [valid, { ...valid, odbNumber: 'ODB-A000300', modules: [], blended: 'ja' }] };
    const result = CatalogueSnapshot.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(describeSnapshotIssues(result.error, input)).toEqual([expect.stringMatching(/^trainings\[1\] \(ODB-A000300\)\.blended: /)]);
    }
  });
});

describe('helpers', () => {
  it('KBO numbers: check digits are 97 − (first 8 digits mod 97)', () => {
    expect(isValidKboNumber('0403170701')).toBe(true);
    expect(kboNumberFromBase('04031707')).toBe('0403170701');
    expect(isValidKboNumber('0403170702')).toBe(false);
    expect(isValidKboNumber('403170701')).toBe(false);
  });

  it('size buckets: < 32 h, 32–100 h, > 100 h, study points; modules add up', () => {
    expect(sizeBucket({ contactHours: 16, studyPoints: null, modules: [] })).toBe('lt32');
    expect(sizeBucket({ contactHours: 32, studyPoints: null, modules: [] })).toBe('32to100');
    expect(sizeBucket({ contactHours: 101, studyPoints: null, modules: [] })).toBe('gt100');
    expect(sizeBucket({ contactHours: null, studyPoints: 180, modules: [] })).toBe('studyPoints');
    expect(sizeBucket({ contactHours: null, studyPoints: 3, modules: [valid.modules[0]!, valid.modules[0]!] })).toBe('gt100');
  });

  it('CSV: RFC 4180 quoting, BOM, one line per training', () => {
    const csv = catalogueCsv([valid]);
    expect(csv.startsWith(`\uFEFF${csvColumns.join(',')}\r\n`)).toBe(true);
    expect(csv).toContain('"Inhoud, met ""aanhalingstekens"" en komma’s.\n\nTweede alinea."');
    expect(csv).toContain(',ODB-A000124,');
  });
});
