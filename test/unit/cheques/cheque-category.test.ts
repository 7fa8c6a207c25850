/**
 * The cheque category list is defined once (shared/cheques/cheque-category.ts). These tests check what
 * depends on it and could drift: every schema that carries a category accepts exactly the list, every
 * school year's rules speak only of listed categories and classify each one once, and every category
 * has the Dutch texts people read.
 */
import { describe, expect, it } from 'vitest';
import { ChequeCategory as PublishedCategory } from '../../../shared/catalogue/published-training';
import { chequeCategoryLabels, chequeCategoryNotes } from '../../../shared/catalogue/labels';
import { chequeCategories, ChequeCategorySchema } from '../../../shared/cheques/cheque-category';
import { entitlementRules } from '../../../shared/cheques/entitlement-rules';
import { registrationSchema } from '../../../shared/registrations/registration';

const carriers = {
  'the cheque schema': ChequeCategorySchema,
  'the published catalogue record': PublishedCategory,
  'the registration record': registrationSchema.shape.chequeCategory,
};

describe('cheque categories', () => {
  it.each(Object.entries(carriers))('%s accepts exactly the listed categories', (_name, schema) => {
    for (const category of chequeCategories) expect(schema.safeParse(category).success).toBe(true);
    for (const other of ['', 'Standard', 'bachelor', 'other', 'nt2 ']) expect(schema.safeParse(other).success).toBe(false);
  });

  it.each(entitlementRules.map((rules) => [rules.schoolYear, rules] as const))(
    'R-CHQ-4, R-CHQ-5: the rules of %s name only listed categories, none both fully paid and higher education',
    (_year, rules) => {
      for (const category of [...rules.fullyPaidCategories, ...rules.higherEducationCategories]) {
        expect(chequeCategories).toContain(category);
      }
      expect(rules.fullyPaidCategories.filter((c) => rules.higherEducationCategories.includes(c))).toEqual([]);
    },
  );

  it('every category has a Dutch label and a note for workers', () => {
    for (const category of chequeCategories) {
      expect(chequeCategoryLabels[category]).toMatch(/\S/);
      expect(chequeCategoryNotes[category]).toMatch(/\S/);
    }
    expect(Object.keys(chequeCategoryLabels).sort()).toEqual([...chequeCategories].sort());
  });
});
