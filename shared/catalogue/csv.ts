/**
 * The open-data CSV of the catalogue: one row per training, RFC 4180 quoting, UTF-8 with BOM so
 * spreadsheet programs read the accents right. Lists are joined with `|`. Pure.
 */
import type { PublishedTraining } from './published-training';

export const csvColumns = [
  'odbNumber', 'title', 'providerKbo', 'providerName', 'validFrom', 'stopDate', 'status', 'replacedBy',
  'contactHours', 'studyPoints', 'moduleOdbNumbers', 'competenceGroup', 'competences', 'targetGroup',
  'websiteUrl', 'blended', 'chequeCategory', 'incentives', 'description',
] as const;

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function trainingCsvRow(t: PublishedTraining): string {
  return [
    t.odbNumber, t.title, t.provider.kbo, t.provider.name, t.validFrom, t.stopDate, t.status, t.replacedBy,
    t.contactHours, t.studyPoints, t.modules.map((m) => m.odbNumber).join('|'), t.competenceGroup,
    t.competences.join('|'), t.targetGroup, t.websiteUrl, t.blended, t.chequeCategory, t.incentives.join('|'),
    t.description,
  ].map(cell).join(',');
}

export function catalogueCsv(trainings: readonly PublishedTraining[]): string {
  return `\uFEFF${csvColumns.join(',')}\r\n${trainings.map(trainingCsvRow).join('\r\n')}\r\n`;
}
