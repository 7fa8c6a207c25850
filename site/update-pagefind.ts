/**
 * The per-change updater's delta indexer (site/update.ts DeltaIndexer): Pagefind's Node API over the
 * delta pages' HTML, in memory (no page is read from or written to disk here). `nl`, as the main index:
 * Pagefind merges only indexes of one language (docs/decisions/0010).
 */
import type { DeltaIndexer } from './update';

export const pagefindDeltaIndexer: DeltaIndexer = async (pages) => {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nl' });
    if (index === undefined) throw new Error(`pagefind: ${errors.join('; ')}`);
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: page.url, content: page.html });
      if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    }
    const written = await index.getFiles();
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return written.files.map((f) => ({ path: f.path, content: f.content }));
  } finally {
    await pagefind.close();
  }
};
