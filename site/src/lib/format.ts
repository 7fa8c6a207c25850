/** Dutch (Belgian) presentation of dates and sizes. */
import { totalContactHours, type PublishedTraining } from '../../../shared/catalogue/published-training';

const dateFormat = new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' });
const numberFormat = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 });

/** `2022-11-04` → `4 november 2022`. */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** `597 contacturen`, `180 studiepunten`, or both. */
export function formatSize(t: PublishedTraining): string {
  const parts: string[] = [];
  const hours = totalContactHours(t);
  if (hours !== null) parts.push(`${formatNumber(hours)} ${hours === 1 ? 'contactuur' : 'contacturen'}`);
  if (t.studyPoints !== null) parts.push(`${formatNumber(t.studyPoints)} studiepunten`);
  return parts.join(' · ');
}
