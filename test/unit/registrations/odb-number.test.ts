import { describe, expect, it } from 'vitest';
import {
  FIXED_CREDIT_CONTRACT_ODB_NUMBER,
  formatOdbNumber,
  isOdbNumber,
  normaliseOdbNumber,
  ODB_SERIES,
  parseOdbNumber,
  proposedSeriesFor,
  seriesOfDecision,
} from '../../../shared/registrations/odb-number';

describe('ODB numbers', () => {
  it('R-BO-4: the organisation kind only proposes a series; the series of the decision (null = ordinary) numbers it', () => {
    expect(proposedSeriesFor('general')).toBeNull();
    expect(proposedSeriesFor('higherEducation')).toBe('X');
    expect(proposedSeriesFor('adultEducation')).toBe('Y');
    expect(proposedSeriesFor('syntra')).toBe('Z');
    expect(seriesOfDecision(null)).toBe('A');
    expect(seriesOfDecision('Z')).toBe('Z');
  });

  it('R-BO-4: formats a zero-padded 6-digit sequence', () => {
    expect(formatOdbNumber('A', 123)).toBe('ODB-A000123');
    expect(formatOdbNumber('X', 999_999)).toBe('ODB-X999999');
  });

  it('R-BO-4: refuses sequences out of range', () => {
    for (const sequence of [0, -1, 1.5, 1_000_000]) expect(() => formatOdbNumber('Z', sequence)).toThrow(RangeError);
  });

  it('R-BO-4: parses what it formats, for every series', () => {
    for (const series of ODB_SERIES) {
      const number = formatOdbNumber(series, 42);
      expect(parseOdbNumber(number)).toEqual({ kind: 'sequenced', odbNumber: number, series, sequence: 42 });
    }
  });

  it('R-BO-4: the fixed number ODB-P00004 is valid but can never be formatted', () => {
    expect(parseOdbNumber(FIXED_CREDIT_CONTRACT_ODB_NUMBER)).toEqual({ kind: 'fixed', odbNumber: 'ODB-P00004' });
    for (const series of ODB_SERIES) {
      for (const sequence of [4, 40, 400_004]) expect(formatOdbNumber(series, sequence)).not.toBe('ODB-P00004');
    }
  });

  it('R-BO-4: refuses malformed numbers', () => {
    for (const bad of ['ODB-A00012', 'ODB-A0001234', 'ODB-B000123', 'ODB-A000000', 'odb-a000123', 'ODB-P00005', 'ODB-123456', '']) {
      expect(isOdbNumber(bad)).toBe(false);
    }
  });

  it('normalises what people type', () => {
    expect(normaliseOdbNumber(' odb-y000007 ')).toBe('ODB-Y000007');
    expect(normaliseOdbNumber('ODB 7')).toBeNull();
  });
});
