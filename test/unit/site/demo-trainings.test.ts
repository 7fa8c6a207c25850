import { describe, expect, it } from 'vitest';
import { demoCatalogue, demoTrainings } from '../../../infra/local/seed/demo-trainings';
import { isValidKboNumber } from '../../../shared/catalogue/kbo-number';
import {
  CatalogueSnapshot,
  chequeCategories,
  competenceGroups,
} from '../../../shared/catalogue/published-training';

describe('demo trainings', () => {
  const trainings = demoTrainings(1_000, 42);

  it('every record passes the strict snapshot schema (unique ODB numbers included)', () => {
    const result = CatalogueSnapshot.safeParse(demoCatalogue(1_000, 42));
    expect(result.success ? [] : result.error.issues.slice(0, 5)).toEqual([]);
  });

  it('is deterministic per seed and returns exactly count records', () => {
    expect(demoTrainings(50, 42)).toEqual(demoTrainings(50, 42));
    expect(demoTrainings(50, 43)).not.toEqual(demoTrainings(50, 42));
    for (const n of [0, 1, 2, 37, 200]) expect(demoTrainings(n, 9)).toHaveLength(n);
  });

  it('providers have valid KBO numbers', () => {
    const kbos = new Set(trainings.map((t) => t.provider.kbo));
    expect(kbos.size).toBeGreaterThan(3);
    for (const kbo of kbos) expect(isValidKboNumber(kbo), kbo).toBe(true);
  });

  it('covers every competence group and cheque category, modules, study points and the X/Y/Z series', () => {
    expect(new Set(trainings.map((t) => t.competenceGroup))).toEqual(new Set(competenceGroups));
    expect(new Set(trainings.map((t) => t.chequeCategory))).toEqual(new Set(chequeCategories));
    expect(trainings.some((t) => t.modules.length > 1)).toBe(true);
    expect(trainings.some((t) => t.modules.some((m) => m.cefrLevel === 'A1'))).toBe(true);
    expect(trainings.some((t) => t.studyPoints !== null)).toBe(true);
    for (const series of ['A', 'X', 'Y', 'Z']) {
      expect(trainings.some((t) => t.odbNumber.startsWith(`ODB-${series}`)), series).toBe(true);
    }
  });

  it('R-CHQ-1: the first 200 include Jeugd- en gehandicaptenzorg', () => {
    expect(demoTrainings(200, 1).some((t) => t.title.startsWith('Jeugd- en gehandicaptenzorg'))).toBe(true);
  });

  it('R-REG-2: replaced records name an active record of the same training', () => {
    const replaced = trainings.filter((t) => t.status === 'replaced');
    expect(replaced.length).toBeGreaterThan(10);
    for (const old of replaced) {
      const successor = trainings.find((t) => t.odbNumber === old.replacedBy);
      expect(successor?.status).toBe('active');
      expect(successor?.title).toBe(old.title);
      expect(successor?.provider).toEqual(old.provider);
    }
  });
});
