import { describe, expect, it } from 'vitest';
import { demoTrainings } from '../../../infra/local/seed/demo-trainings';
import { sizeBucket, type PublishedTraining } from '../../../shared/catalogue/published-training';
import { buildSearchIndex, foldText, odbNumberInQuery, pagefindRequest, search, siteFilterKeys, siteFilterValues, stem, words } from '../../../shared/catalogue/search';

const trainings = demoTrainings(300, 3);
const index = buildSearchIndex(trainings);
const titles = (docs: number[]) => docs.map((d) => (trainings[d] as PublishedTraining).title);

describe('keyword matcher', () => {
  it('R-CHQ-1: "jeugd" finds "Jeugd- en gehandicaptenzorg" (word prefix, case-insensitive)', () => {
    const found = titles(search(index, { q: 'jeugd' }));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^Jeugd- en gehandicaptenzorg/);
    expect(titles(search(index, { q: 'JEUGD' }))).toEqual(found);
  });

  it('is accent-insensitive both ways', () => {
    expect(foldText('Hygiëne Geïntegreerd')).toBe('hygiene geintegreerd');
    const withAccent = search(index, { q: 'hygiëne' });
    expect(withAccent.length).toBeGreaterThan(0);
    expect(search(index, { q: 'hygiene' })).toEqual(withAccent);
  });

  it('every query word must match (AND)', () => {
    const both = titles(search(index, { q: 'lassen roestvast' }));
    expect(both.length).toBeGreaterThan(0);
    for (const title of both) expect(title).toMatch(/lassen/i);
    // A word found nowhere in the catalogue is left out (as Pagefind does); alone it finds nothing.
    expect(search(index, { q: 'heftruck zzzzqqq' })).toEqual(search(index, { q: 'heftruck' }));
    expect(search(index, { q: 'zzzzqqq' })).toEqual([]);
    expect(search(index, { q: 'heftruck lassen' }).length).toBeLessThan(search(index, { q: 'heftruck' }).length);
  });

  it('a training with the word in its title ranks above one with it only in the description', () => {
    // Prepare: two otherwise equal trainings, the word in the title of one and the description of the other.
    const base = trainings.find((t) => t.status === 'active' && t.modules.length === 0) as PublishedTraining;
    const inDescription = { ...base, odbNumber: 'ODB-A900001', title: 'Aaa basiscursus', description: 'Over kwartsglas en meer.' };
    const inTitle = { ...base, odbNumber: 'ODB-A900002', title: 'Zzz kwartsglas', description: 'Over glas en meer.' };
    // Act: the description match comes first in the catalogue and first by title.
    const small = buildSearchIndex([inDescription, inTitle]);
    // Assess
    expect(search(small, { q: 'kwartsglas' }).map((d) => small.trainings[d]?.odbNumber)).toEqual(['ODB-A900002', 'ODB-A900001']);
  });

  it('a plural or inflected query finds the other forms (Snowball Dutch stemming)', () => {
    expect(stem('heftrucks')).toBe(stem('heftruck'));
    expect(stem('opleidingen')).toBe(stem('opleiding'));
    expect(stem('technische')).toBe(stem('technisch'));
    expect(stem('verzorgenden')).toBe(stem('verzorgende'));
    expect(titles(search(index, { q: 'heftrucks' }))).toEqual(expect.arrayContaining([expect.stringMatching(/^Heftruckchauffeur/)]));
  });

  it('R-BO-4: an ODB number finds exactly that training, also a module number or typed loosely', () => {
    const modular = trainings.find((t) => t.modules.length > 0) as PublishedTraining;
    const module = modular.modules[0]?.odbNumber as string;
    expect(search(index, { q: modular.odbNumber })).toEqual([trainings.indexOf(modular)]);
    expect(search(index, { q: ` ${module.toLowerCase()} ` })).toEqual([trainings.indexOf(modular)]);
    expect(search(index, { q: 'ODB-A999999' })).toEqual([]);
    // Every usual spelling of the same number.
    for (const spelling of [modular.odbNumber.replace('-', ''), modular.odbNumber.replace('-', ' '), modular.odbNumber.toLowerCase().replace('-', '')]) {
      expect(odbNumberInQuery(spelling), spelling).toBe(modular.odbNumber);
      expect(search(index, { q: spelling }), spelling).toEqual([trainings.indexOf(modular)]);
    }
  });

  it('an ODB number also finds a replaced training; a keyword search lists only active ones', () => {
    const replaced = trainings.find((t) => t.status === 'replaced') as PublishedTraining;
    expect(replaced).toBeDefined();
    expect(search(index, { q: replaced.odbNumber })).toEqual([trainings.indexOf(replaced)]);
    for (const doc of search(index, { q: replaced.title.split(' ')[0] })) expect(trainings[doc]?.status).toBe('active');
  });

  it('filters by competence group and by provider (any KBO notation)', () => {
    const basic = search(index, { group: 'basic' });
    expect(basic.length).toBeGreaterThan(0);
    for (const doc of basic) expect(trainings[doc]?.competenceGroup).toBe('basic');
    const kbo = (trainings[0] as PublishedTraining).provider.kbo;
    const dotted = `${kbo.slice(0, 4)}.${kbo.slice(4, 7)}.${kbo.slice(7)}`;
    const byProvider = search(index, { provider: dotted });
    expect(byProvider.length).toBeGreaterThan(0);
    for (const doc of byProvider) expect(trainings[doc]?.provider.kbo).toBe(kbo);
    expect(search(index, { provider: kbo, q: 'jeugd', group: 'basic' }).every((d) => trainings[d]?.provider.kbo === kbo)).toBe(true);
  });

  it('filters by size, blended and cheque category', () => {
    const small = search(index, { size: 'lt32', blended: true, chequeCategory: 'shortageOccupation' });
    for (const doc of small) {
      const t = trainings[doc] as PublishedTraining;
      expect([sizeBucket(t), t.blended, t.chequeCategory]).toEqual(['lt32', true, 'shortageOccupation']);
    }
    expect(search(index, { blended: true }).length + search(index, { blended: false }).length).toBe(search(index, {}).length);
  });

  it('without a keyword, lists every active training by title', () => {
    const all = search(index, {});
    expect(all.length).toBe(trainings.filter((t) => t.status === 'active').length);
    const list = titles(all);
    const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
    expect([...list].sort(collator.compare)).toEqual(list);
  });

  it('splits words on punctuation and hyphens', () => {
    expect(words('Jeugd- en gehandicaptenzorg (C/CE)')).toEqual(['jeugd', 'en', 'gehandicaptenzorg', 'c', 'ce']);
  });

});

describe('the site\'s Pagefind request (status policy as a sparse filter, decision 0019)', () => {
  it('R-REG-2: only a non-active page carries the status filter, so a word search loads a file of the replaced pages only', () => {
    const active = trainings.find((t) => t.status === 'active') as PublishedTraining;
    const replaced = trainings.find((t) => t.status === 'replaced') as PublishedTraining;
    expect(siteFilterValues(active)[siteFilterKeys.status]).toBeUndefined();
    expect(siteFilterValues(replaced)[siteFilterKeys.status]).toBe('replaced');
    expect(siteFilterValues(active)).toMatchObject({ [siteFilterKeys.group]: active.competenceGroup, [siteFilterKeys.provider]: active.provider.kbo });
  });

  it('R-REG-2: words and browsing hide replaced pages; an ODB number shows them', () => {
    expect(pagefindRequest('heftrucks', {})).toEqual({ term: 'heftrucks', filters: { status: { none: ['replaced'] } } });
    expect(pagefindRequest('', { group: 'basic' })).toEqual({ term: null, filters: { groep: 'basic', status: { none: ['replaced'] } } });
    expect(pagefindRequest('odb a000123', {})).toEqual({ term: 'odba000123', filters: {} });
  });
});
