/**
 * The plain list of all trainings (site/src/pages/alle-opleidingen/[...page].astro): its order, its page
 * size, and which pages an update must render again (site/build.ts) — the pages whose rows changed,
 * all of them when the number of pages changed (every page says "pagina X van Y"), and page 1 when the
 * total changed (only page 1 prints it). Pure.
 */
import { sizeBucket, totalContactHours, type PublishedTraining } from './published-training';

export const LIST_PAGE_SIZE = 100;

type ListFields = Pick<PublishedTraining, 'odbNumber' | 'title' | 'status' | 'provider' | 'contactHours' | 'studyPoints' | 'modules'>;

/** One collator (a `localeCompare` with a locale builds one per call: ~10× slower over 50k titles). */
const dutch = new Intl.Collator('nl');

/** Alphabetical by title (Dutch), then ODB number. */
export function listOrder<T extends ListFields>(trainings: readonly T[]): T[] {
  return [...trainings].sort((a, b) => dutch.compare(a.title, b.title) || a.odbNumber.localeCompare(b.odbNumber));
}

/** What a list row shows of a training (the row re-renders when this changes). */
function rowKey(t: ListFields): string {
  return JSON.stringify([t.odbNumber, t.title, t.status, t.provider.name, totalContactHours(t), t.studyPoints, sizeBucket(t)]);
}

/**
 * What each list page (1-based, index 0 is page 1) shows, as one string per page: its rows, and for page 1
 * the total it prints. Equal strings, equal pages, as long as the number of pages is equal too (every page
 * says "pagina X van Y"). The per-change updater (site/update.ts) keeps them, hashed, in its state.
 */
export function listPageContents(trainings: readonly ListFields[]): string[] {
  const ordered = listOrder(trainings).map(rowKey);
  return Array.from({ length: Math.max(1, Math.ceil(ordered.length / LIST_PAGE_SIZE)) }, (_, i) =>
    `${i === 0 ? `${ordered.length}\n` : ''}${ordered.slice(i * LIST_PAGE_SIZE, (i + 1) * LIST_PAGE_SIZE).join('\n')}`);
}

/** The list pages (1-based) to render again, from the pages' contents (or digests of them) before and after. */
export function changedPagesOf(before: readonly string[], after: readonly string[]): number[] {
  if (before.length !== after.length) return after.map((_, i) => i + 1);
  return after.map((page, i) => (page === before[i] ? 0 : i + 1)).filter((n) => n > 0);
}

/** The list pages (1-based) that differ between two catalogues, for the new catalogue's pages only. */
export function changedListPages(before: readonly ListFields[], after: readonly ListFields[]): number[] {
  return changedPagesOf(listPageContents(before), listPageContents(after));
}
