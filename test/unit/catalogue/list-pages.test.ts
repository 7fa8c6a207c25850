/** Which plain list pages an incremental update renders again (shared/catalogue/list-pages.ts). */
import { describe, expect, it } from 'vitest';
import { demoTrainings } from '../../../infra/local/seed/demo-trainings';
import { LIST_PAGE_SIZE, changedListPages, listOrder } from '../../../shared/catalogue/list-pages';

const trainings = demoTrainings(350, 5);
const ordered = listOrder(trainings);

describe('changedListPages', () => {
  it('nothing that a row shows changed: no page (a description is not in the list)', () => {
    const t = ordered[150]!;
    const next = trainings.map((x) => (x === t ? { ...x, description: `${x.description} Meer uitleg.` } : x));
    expect(changedListPages(trainings, next)).toEqual([]);
  });

  it('a provider name changes: only the page that shows that row', () => {
    const t = ordered[150]!;
    const next = trainings.map((x) => (x === t ? { ...x, provider: { ...x.provider, name: 'Nieuwe naam vzw' } } : x));
    expect(changedListPages(trainings, next)).toEqual([Math.floor(150 / LIST_PAGE_SIZE) + 1]);
  });

  it('a training added: page 1 (its total) and the pages from where it sorts in, not the ones before', () => {
    const template = ordered[250]!;
    const next = [...trainings, { ...template, odbNumber: 'ODB-A999999' }];
    const pages = changedListPages(trainings, next);
    expect(pages).toContain(1);
    expect(pages).toContain(3);
    expect(pages).not.toContain(2);
  });

  it('the number of pages changes: every page (each says "pagina X van Y")', () => {
    const next = trainings.slice(0, 290);
    expect(changedListPages(trainings, next)).toEqual([1, 2, 3]);
  });
});
