/**
 * The open-data CSV of the catalogue: one row per training, RFC 4180 quoting, UTF-8 with BOM so
 * spreadsheet programs read the accents right. Lists are joined with `|`. Pure.
 *
 * Formula injection (issue 12): a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return would run as a formula in a spreadsheet program; such a cell gets a leading apostrophe (the
 * OWASP advice), so it shows as the text the provider wrote. Numbers are never altered. The JSON
 * download keeps the original text.
 */
import type { PublishedTraining } from './published-training';

export const csvColumns = [
  'odbNumber', 'title', 'providerKbo', 'providerName', 'validFrom', 'stopDate', 'status', 'replacedBy',
  'contactHours', 'studyPoints', 'moduleOdbNumbers', 'competenceGroup', 'competences', 'targetGroup',
  'websiteUrl', 'blended', 'chequeCategory', 'incentives', 'description',
] as const;

/** Text that a spreadsheet would read as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const s = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function trainingCsvRow(t: PublishedTraining): string {
  return [
    t.odbNumber, t.title, t.provider.kbo, t.provider.name, t.validFrom, t.stopDate, t.status, t.replacedBy,
    t.contactHours, t.studyPoints, t.modules.map((m) => m.odbNumber).join('|'), t.competenceGroup,
    t.competences.join('|'), t.targetGroup, t.websiteUrl, t.blended, t.chequeCategory, t.incentives.join('|'),
    t.description,
  ].map(csvCell).join(',');
}

/** The first line: the BOM and the column names. */
export const csvHeader = `\uFEFF${csvColumns.join(',')}\r\n`;

export function catalogueCsv(trainings: readonly PublishedTraining[]): string {
  return `${csvHeader}${trainings.map((t) => `${trainingCsvRow(t)}\r\n`).join('')}`;
}
