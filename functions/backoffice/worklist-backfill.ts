import pLimit from 'p-limit';
import type { StoredApplication } from '../applications/store';
import { WORKLIST_KEY_ATTRIBUTES, worklistAttributes } from '../applications/worklist-items';

/*
 * A one-off backfill (decision 0014, "Limits"): applications stored before the worklist existed lack
 * its index keys and search-token items, so the worklist cannot find them until their next write.
 * This use case gives each such application what every write of it gives it now. It is
 *
 * - idempotent: an application whose stored keys are the ones it should have is left alone, so a
 *   second run writes nothing;
 * - resumable: it walks the applications page by page with a cursor, reports the cursor after every
 *   page, and starts from one when asked (a run from the start after a crash only costs reads);
 * - safe beside live traffic: a write names the version it read, and an application changed
 *   meanwhile is skipped (its own write set its keys).
 */

/** An application as stored, with the worklist key attributes its item holds (absent ones missing). */
export interface StoredIndexState {
  application: StoredApplication;
  keys: Partial<Record<(typeof WORKLIST_KEY_ATTRIBUTES)[number], unknown>>;
}

/** Port of the backfill (DynamoDB adapter: worklist-backfill-store.ts; in-memory fake for unit tests). */
export interface WorklistBackfillStore {
  /** One page of about `size` stored applications after `cursor` (null: from the start); `next` is null after the last page. */
  page(cursor: string | null, size: number): Promise<{ applications: StoredIndexState[]; next: string | null }>;
  /**
   * Gives the application, if still at its version, its worklist keys and token items. False when it
   * changed meanwhile (nothing written).
   */
  index(application: StoredApplication): Promise<boolean>;
}

export interface BackfillProgress {
  /** Applications looked at so far. */
  read: number;
  /** Given their index keys and token items. */
  written: number;
  /** Changed by someone else between the read and the write (their write set the keys). */
  changedMeanwhile: number;
  /** Where the next run starts to continue after this point (null: done). */
  cursor: string | null;
}

/** Whether the application's stored keys differ from the ones it should have (drafts have none). */
export function needsIndex({ application, keys }: StoredIndexState): boolean {
  const wanted = worklistAttributes(application);
  return Object.entries(wanted).some(([name, value]) => keys[name as keyof typeof keys] !== value);
}

export async function backfillWorklist(
  store: WorklistBackfillStore,
  options: { from?: string | null; pageSize?: number; concurrency?: number; onPage?: (progress: BackfillProgress) => void } = {},
): Promise<BackfillProgress> {
  const progress: BackfillProgress = { read: 0, written: 0, changedMeanwhile: 0, cursor: options.from ?? null };
  do {
    const page = await store.page(progress.cursor, options.pageSize ?? 100);
    progress.read += page.applications.length;
    const limit = pLimit(options.concurrency ?? 8);
    const outcomes = await Promise.all(page.applications.filter(needsIndex).map((state) => limit(() => store.index(state.application))));
    progress.written += outcomes.filter(Boolean).length;
    progress.changedMeanwhile += outcomes.filter((written) => !written).length;
    progress.cursor = page.next;
    options.onPage?.({ ...progress });
  } while (progress.cursor !== null);
  return progress;
}
