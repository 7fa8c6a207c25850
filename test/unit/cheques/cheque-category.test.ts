import { describe, expect, it } from 'vitest';
import { chequeCategories as catalogueCategories } from '../../../shared/catalogue/published-training';
import { chequeCategories } from '../../../shared/cheques/cheque-category';

describe('cheque categories', () => {
  it('are the same list as the catalogue publishes', () => {
    expect([...chequeCategories]).toEqual([...catalogueCategories]);
  });
});
