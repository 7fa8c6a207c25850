/**
 * The open-data CSV (shared/catalogue/csv.ts), read back with a real CSV parser (csv-parse).
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { catalogueCsv, csvColumns } from '../../../shared/catalogue/csv';
import { PublishedTraining } from '../../../shared/catalogue/published-training';
import { publishedTraining } from '../../support/fixtures/published-training';

const base = PublishedTraining.parse(publishedTraining);

const rows = (csv: string) => parse(csv, { bom: true, columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;

describe('open-data CSV', () => {
  it('has the header row and one row per training, with quotes, commas and line breaks intact', () => {
    const csv = catalogueCsv([base, { ...base, odbNumber: 'ODB-A000125', modules: [] }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = rows(csv);
    expect(Object.keys(parsed[0] ?? {})).toEqual([...csvColumns]);
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ odbNumber: 'ODB-A000123', description: base.description, moduleOdbNumbers: 'ODB-A000124', contactHours: '120', stopDate: '' });
    expect(parsed[1]).toMatchObject({ odbNumber: 'ODB-A000125', moduleOdbNumbers: '' });
  });

  it('issue 12: a text cell starting with = + - @ (or tab, CR) is neutralised with a leading apostrophe', () => {
    const hostile = {
      ...base,
      title: '=HYPERLINK("https://evil.example","klik")',
      provider: { ...base.provider, name: '+32 opleidingen' },
      targetGroup: '-2+3',
      competences: ['@SUM(A1:A9)', 'Lassen'],
      description: '\tcmd|calc',
    };
    const [row] = rows(catalogueCsv([hostile]));
    expect(row).toMatchObject({
      title: `'${hostile.title}`,
      providerName: "'+32 opleidingen",
      targetGroup: "'-2+3",
      competences: "'@SUM(A1:A9)|Lassen",
      description: "'\tcmd|calc",
    });
    // Harmless text and numbers are left as they are.
    expect(row).toMatchObject({ odbNumber: 'ODB-A000123', contactHours: '120', websiteUrl: base.websiteUrl });
  });

  it('issue 12: a formula character inside a cell is not touched', () => {
    const [row] = rows(catalogueCsv([{ ...base, title: 'Lassen - niveau 2 (= gevorderd)' }]));
    expect(row?.title).toBe('Lassen - niveau 2 (= gevorderd)');
  });
});
