/**
 * The cheque category of a registered training (api.md, application field `chequeCategory`): it decides
 * who pays (R-CHQ-3, R-CHQ-4) and which cap applies (R-CHQ-3, R-CHQ-5).
 * The same list is published by the catalogue (shared/catalogue/published-training.ts); a unit test
 * keeps the two equal.
 */
import * as z from 'zod';

export const chequeCategories = [
  'standard',
  'secondaryDiploma',
  'nt2',
  'shortageOccupation',
  'basicSkills',
  'higherEducation',
] as const;

export type ChequeCategory = (typeof chequeCategories)[number];

export const ChequeCategorySchema = z
  .enum(chequeCategories, { error: 'Kies een geldige categorie voor opleidingscheques.' })
  .meta({ description: 'Categorie van de opleiding voor opleidingscheques.' });
