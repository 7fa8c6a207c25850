/**
 * The plain list of all trainings (site/src/pages/alle-opleidingen/[...page].astro): its order, its page
 * size, and which pages an update must render again (site/build.ts) — the pages whose rows changed,
 * all of them when the number of pages changed (every page says "pagina X van Y"), and page 1 when the
 * total changed (only page 1 prints it). Pure.
 */
import { sizeBucket, totalContactHours, type PublishedTraining } from './published-training';

export const LIST_PAGE_SIZE = 100;

type ListFields = Pick<PublishedTraining, 'odbNumber' | 'title' | 'status' | 'provider' | 'contactHours' | 'studyPoints' | 'modules'>;

/** Alphabetical by title (Dutch), then ODB number. */
export function listOrder<T extends ListFields>(trainings: readonly T[]): T[] {
  return [...trainings].sort((a, b) => a.title.localeCompare(b.title, 'nl') || a.odbNumber.localeCompare(b.odbNumber));
}

/** What a list row shows of a training (the row re-renders when this changes). */
function rowKey(t: ListFields): string {
  return JSON.stringify([t.odbNumber, t.title, t.status, t.provider.name, totalContactHours(t), t.studyPoints, sizeBucket(t)]);
}

/** The list pages (1-based) that differ between two catalogues, for the new catalogue's pages only. */
export function changedListPages(before: readonly ListFields[], after: readonly ListFields[]): number[] {
  const pages = (list: readonly ListFields[]) => {
    const ordered = listOrder(list).map(rowKey);
    return Array.from({ length: Math.max(1, Math.ceil(ordered.length / LIST_PAGE_SIZE)) }, (_, i) => ordered.slice(i * LIST_PAGE_SIZE, (i + 1) * LIST_PAGE_SIZE).join('\n'));
  };
  const [old, next] = [pages(before), pages(after)];
  if (old.length !== next.length) return next.map((_, i) => i + 1);
  const changed = next.map((rows, i) => (rows === old[i] ? 0 : i + 1)).filter((n) => n > 0);
  if (before.length !== after.length && !changed.includes(1)) changed.unshift(1);
  return changed;
}
