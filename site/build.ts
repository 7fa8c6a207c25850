/**
 * Builds the public catalogue: Astro (static pages from the snapshot) then Pagefind (search index in
 * `<outDir>/pagefind`). The caller owns `outDir`: build into a fresh directory and swap it in with a
 * rename to publish atomically.
 *
 *   npx tsx site/build.ts --catalogue /tmp/catalogue.json --out /tmp/site-out
 *
 * CATALOGUE_PATH is how the Astro pages find the snapshot (read with fs, validated with the strict
 * schema); it is set for the duration of the build, so run one build at a time per process.
 */
import { rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface BuildSiteOptions {
  cataloguePath: string;
  outDir: string;
  onProgress?: (message: string) => void;
}

export interface BuildSiteResult {
  /** HTML pages written (detail pages, lists, home, open data, 404). */
  pages: number;
  ms: number;
}

const siteRoot = fileURLToPath(new URL('.', import.meta.url));

async function countHtml(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

export async function buildSite({ cataloguePath, outDir, onProgress }: BuildSiteOptions): Promise<BuildSiteResult> {
  const started = performance.now();
  const out = isAbsolute(outDir) ? outDir : resolve(outDir);
  const progress = onProgress ?? (() => {});
  const previous = process.env.CATALOGUE_PATH;
  process.env.CATALOGUE_PATH = resolve(cataloguePath);
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  try {
    progress(`astro: building ${siteRoot} → ${out}`);
    const { build } = await import('astro');
    await build({
      root: siteRoot,
      outDir: out,
      logLevel: 'warn',
    });
    progress(`astro: done in ${Math.round(performance.now() - started)} ms`);

    const pagefindStarted = performance.now();
    const pagefind = await import('pagefind');
    try {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nl' });
      if (index === undefined) throw new Error(`pagefind: ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: out });
      if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
      const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
      if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
      progress(`pagefind: indexed ${added.page_count} pages in ${Math.round(performance.now() - pagefindStarted)} ms`);
    } finally {
      await pagefind.close();
    }
    return { pages: await countHtml(out), ms: Math.round(performance.now() - started) };
  } finally {
    if (previous === undefined) delete process.env.CATALOGUE_PATH;
    else process.env.CATALOGUE_PATH = previous;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { catalogue: { type: 'string' }, out: { type: 'string' }, clean: { type: 'boolean', default: false } },
  });
  if (values.catalogue === undefined || values.out === undefined) {
    console.error('usage: npx tsx site/build.ts --catalogue <snapshot.json> --out <dir> [--clean]');
    process.exit(2);
  }
  if (values.clean) rmSync(values.out, { recursive: true, force: true });
  buildSite({ cataloguePath: values.catalogue, outDir: values.out, onProgress: (m) => console.error(m) }).then(
    (r) => console.error(`built ${r.pages} pages in ${r.ms} ms`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
