/**
 * The per-change updater's page renderer (site/update.ts): Astro's own prerenderer, kept warm. One
 * `astro build` runs at start with an integration that replaces the page list by nothing and, instead
 * of finishing, keeps the build's prerender app (the compiled pages, the same manifest and asset names
 * as a full build) open; each change then renders only the pages it needs, byte-identical to a full
 * build (test/e2e/site/incremental-update.test.ts), in milliseconds, from the catalogue in memory
 * (site/src/lib/catalogue.ts IN_MEMORY_CATALOGUE: no re-read, no re-validation of the whole catalogue).
 *
 * Astro writes its temporary server build under the process's working directory (see build.ts
 * astroBuild), so the process that runs this must have a working directory of its own inside the site
 * project: site/update-worker.ts is forked with one. Decision note: docs/decisions/0018.
 */
import type { AstroIntegration } from 'astro';
import { mkdir } from 'node:fs/promises';
import type { CatalogueSnapshot } from '../shared/catalogue/published-training';
import { IN_MEMORY_CATALOGUE } from './src/lib/catalogue';

export interface PageRenderer {
  /** The HTML of each site path (`/`, `/opleidingen/ODB-A000101/`, `/alle-opleidingen/3/`) for `catalogue`. */
  render(catalogue: CatalogueSnapshot, paths: readonly string[]): Promise<Map<string, string>>;
  close(): Promise<void>;
}

/** The slice of Astro's prerenderer and its app this uses (Astro 7 `setPrerenderer`, default prerenderer). */
interface Prerenderer {
  name: string;
  setup?(): Promise<void>;
  getStaticPaths(): Promise<unknown[]>;
  render(request: Request, options: { routeData: unknown }): Promise<{ response: Response }>;
  teardown?(): Promise<void>;
  app?: { match(request: Request, allowPrerendered: boolean): unknown; routeCache: { clearAll(): void }; manifest: { routes: Array<{ routeData: { route: string } }> } };
}

/** Starts the warm renderer (~1–3 s: one Vite build of the site's code, no page rendered). */
export async function startAstroRenderer(options: { root: string; scratchDir: string }): Promise<PageRenderer> {
  let ready!: (prerenderer: Prerenderer) => void;
  let failed!: (error: unknown) => void;
  const started = new Promise<Prerenderer>((resolve, reject) => { ready = resolve; failed = reject; });
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  const integration: AstroIntegration = {
    name: 'site-updater-warm-renderer',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        (setPrerenderer as (factory: (fallback: Prerenderer) => Prerenderer) => void)((fallback) => ({
          name: 'site-updater-warm-renderer',
          setup: async () => { await fallback.setup?.(); },
          getStaticPaths: async () => [],
          render: (request, o) => fallback.render(request, o),
          // The build's prerender output stays on disk (and its modules loaded) until the renderer closes.
          teardown: async () => {
            ready(fallback);
            await released;
            await fallback.teardown?.();
          },
        }));
      },
    },
  };
  await mkdir(options.scratchDir, { recursive: true });
  const { build } = await import('astro');
  const building = build({ root: options.root, outDir: options.scratchDir, logLevel: (process.env.ASTRO_LOG_LEVEL ?? 'warn') as 'warn', integrations: [integration] });
  building.catch(failed);
  const prerenderer = await started;
  const app = prerenderer.app;
  if (app === undefined) throw new Error('astro: the prerenderer has no app (unsupported Astro version)');
  let current: CatalogueSnapshot | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const renderAll = async (catalogue: CatalogueSnapshot, paths: readonly string[]) => {
    if (current !== catalogue) {
      (globalThis as { [IN_MEMORY_CATALOGUE]?: CatalogueSnapshot })[IN_MEMORY_CATALOGUE] = catalogue;
      // getStaticPaths results are cached per route: computed again from the new catalogue.
      app.routeCache.clearAll();
      current = catalogue;
    }
    const out = new Map<string, string>();
    for (const path of paths) {
      const request = new Request(`http://localhost${path}`);
      // The 404 page is no route a request matches: found by its route name.
      const routeData = app.match(request, true) ?? app.manifest.routes.find((r) => `${r.routeData.route}/` === path)?.routeData;
      if (routeData === undefined) throw new Error(`astro: no page for ${path}`);
      const { response } = await prerenderer.render(request, { routeData });
      // The 404 page renders as what it is; any other status is a fault.
      if (response.status !== (path === '/404/' ? 404 : 200)) throw new Error(`astro: ${path} rendered with status ${response.status}`);
      out.set(path, await response.text());
    }
    return out;
  };

  return {
    // One render at a time: the catalogue in memory is process-wide.
    render: (catalogue, paths) => {
      const next = queue.then(() => renderAll(catalogue, paths));
      queue = next.catch(() => undefined);
      return next;
    },
    close: async () => {
      release();
      await building.catch(() => undefined);
    },
  };
}
