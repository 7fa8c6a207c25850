/**
 * The per-change site updater (site/update.ts) with in-memory fakes behind its ports: the catalogue
 * store (test/unit/catalogue/memory-object-store.ts), a renderer that prints what a page shows, an
 * indexer that names its files after their content (as Pagefind does), the output and the state. The
 * real Astro, Pagefind and files: test/e2e/site/incremental-update.test.ts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publishTrainings } from '../../../functions/catalogue/publish';
import { demoCatalogue } from '../../../infra/local/seed/demo-trainings';
import { LIST_PAGE_SIZE } from '../../../shared/catalogue/list-pages';
import type { CatalogueSnapshot, PublishedTraining } from '../../../shared/catalogue/published-training';
import { stateAfterFullBuild, updateFromHead, type DeltaIndexer, type SiteFile, type UpdateOptions, type UpdaterState } from '../../../site/update';
import type { PageRenderer } from '../../../site/update-renderer';
import { memoryObjectStore } from '../catalogue/memory-object-store';

const HOUR = 60 * 60 * 1000;

function fakes(trainings: PublishedTraining[], mainPages: Record<string, string>) {
  const store = memoryObjectStore();
  let state: UpdaterState | null = null;
  const files = new Map<string, string>();
  const writes: string[][] = [];
  const removals: string[][] = [];
  const rendered: string[][] = [];
  let clock = 1_000_000;
  const renderer: PageRenderer = {
    async render(catalogue: CatalogueSnapshot, paths) {
      rendered.push([...paths]);
      const byOdb = new Map(catalogue.trainings.map((t) => [t.odbNumber, t]));
      return new Map(paths.map((path) => {
        const odb = /^\/opleidingen\/(.+)\/$/.exec(path)?.[1];
        return [path, odb === undefined ? `${path} ${catalogue.trainings.length}` : `<h1>${byOdb.get(odb)?.title}</h1>`];
      }));
    },
    close: async () => undefined,
  };
  const indexer: DeltaIndexer = async (pages) => [
    ...pages.map((p) => ({ path: `fragment/${createHash('sha256').update(p.html).digest('hex').slice(0, 12)}.pf_fragment`, content: new TextEncoder().encode(p.html) })),
    { path: 'pagefind-entry.json', content: new TextEncoder().encode(String(pages.length)) },
  ];
  const options = (): UpdateOptions => ({
    store, renderer, indexer, now: () => clock,
    state: { read: async () => state, write: async (next) => { state = next; } },
    output: {
      put: async (list: readonly SiteFile[]) => { writes.push(list.map((f) => f.key)); for (const f of list) files.set(f.key, String(f.body)); },
      remove: async (keys) => { removals.push([...keys]); for (const k of keys) files.delete(k); },
    },
  });
  return {
    store, files, writes, removals, rendered, options,
    state: () => state,
    setState: (next: UpdaterState | null) => { state = next; },
    tick: (ms: number) => { clock += ms; },
    async fullBuild() {
      const { seq } = await publishTrainings(store, trainings, new Date('2026-01-15T06:00:00Z'));
      state = stateAfterFullBuild(seq, trainings, mainPages);
    },
  };
}

const catalogue = demoCatalogue(250, 7, '2026-01-15T06:00:00.000Z').trainings;
const mainPages = Object.fromEntries(catalogue.map((t, i) => [t.odbNumber, `nl_main${i}`]));
const withTitle = (t: PublishedTraining, title: string) => ({ ...t, title });
const replaced = catalogue.find((t) => t.replacedBy !== null) as PublishedTraining;

describe('updateFromHead', () => {
  it('without a state (no live site) answers that a full build is due, and writes nothing', async () => {
    const f = fakes(catalogue, mainPages);
    await publishTrainings(f.store, catalogue, new Date());
    const result = await f.options().state.read();
    expect(result).toBeNull();
    expect((await updateFromHead(f.options())).status).toBe('full-build');
    expect(f.writes).toEqual([]);
  });

  it('one changed title: renders that page, the other side of its replacement, its list pages and the pages that print the publication time; nothing else', async () => {
    const f = fakes(catalogue, mainPages);
    await f.fullBuild();
    const successor = replaced.replacedBy as string;
    const next = catalogue.map((t) => (t.odbNumber === successor ? withTitle(t, `${t.title} vernieuwd`) : t));

    await publishTrainings(f.store, next, new Date('2026-01-16T06:00:00Z'));
    const result = await updateFromHead(f.options());

    expect(result.status).toBe('updated');
    if (result.status !== 'updated') return;
    expect(result.changed).toEqual([successor]);
    expect(result.rendered).toBe(2);
    const written = f.writes.flat();
    expect(written).toContain(`opleidingen/${successor}/index.html`);
    expect(written).toContain(`opleidingen/${replaced.odbNumber}/index.html`);
    expect(written.filter((k) => k.startsWith('opleidingen/'))).toHaveLength(2);
    // A title moves a row: one or two list pages, not all of them.
    expect(result.listPages.length).toBeGreaterThan(0);
    expect(result.listPages.length).toBeLessThanOrEqual(2);
    expect(Math.ceil(catalogue.length / LIST_PAGE_SIZE)).toBeGreaterThan(2);
    expect(written).toEqual(expect.arrayContaining(['index.html', 'open-data/index.html', 'cheques/index.html', '404.html', 'pagefind-delta/state.json', 'pagefind-delta/pagefind-entry.json']));
    const state = f.state() as UpdaterState;
    expect(state.delta).toEqual([replaced.odbNumber, successor].sort());
    expect(state.superseded).toEqual([mainPages[replaced.odbNumber], mainPages[successor]].sort());
    expect(JSON.parse(f.files.get('pagefind-delta/state.json') as string)).toEqual({ delta: true, superseded: state.superseded });
  });

  it('a removed training: its page is removed at once and its main-index entry hidden', async () => {
    const f = fakes(catalogue, mainPages);
    await f.fullBuild();
    const gone = catalogue[10] as PublishedTraining;

    await publishTrainings(f.store, catalogue.filter((t) => t !== gone), new Date('2026-01-16T06:00:00Z'));
    const result = await updateFromHead(f.options());

    expect(result.status).toBe('updated');
    expect(f.removals.flat()).toContain(`opleidingen/${gone.odbNumber}/index.html`);
    expect(f.state()?.superseded).toContain(mainPages[gone.odbNumber]);
    expect(f.state()?.delta).not.toContain(gone.odbNumber);
  });

  it('a delta index file that left the index stays for the grace period (an open search fetches it), then goes', async () => {
    const f = fakes(catalogue, mainPages);
    await f.fullBuild();
    const a = catalogue[20] as PublishedTraining;
    let current = catalogue.map((t) => (t === a ? withTitle(t, 'Eerste versie') : t));
    await publishTrainings(f.store, current, new Date('2026-01-16T06:00:00Z'));
    await updateFromHead(f.options());
    const firstFragment = (f.state() as UpdaterState).deltaFiles.find((k) => k.endsWith('.pf_fragment')) as string;

    current = current.map((t) => (t.odbNumber === a.odbNumber ? withTitle(t, 'Tweede versie') : t));
    await publishTrainings(f.store, current, new Date('2026-01-16T07:00:00Z'));
    f.tick(1000);
    await updateFromHead(f.options());
    expect(Object.keys((f.state() as UpdaterState).retired)).toContain(firstFragment);
    expect(f.files.has(firstFragment)).toBe(true);

    current = current.map((t) => (t.odbNumber === a.odbNumber ? withTitle(t, 'Derde versie') : t));
    await publishTrainings(f.store, current, new Date('2026-01-16T08:00:00Z'));
    f.tick(HOUR);
    await updateFromHead(f.options());
    expect(f.files.has(firstFragment)).toBe(false);
    expect(Object.keys((f.state() as UpdaterState).retired)).not.toContain(firstFragment);
  });

  it('compaction: when the delta would exceed maxDelta, a full build is due and nothing is written', async () => {
    const f = fakes(catalogue, mainPages);
    await f.fullBuild();
    const next = catalogue.map((t, i) => (i < 6 ? withTitle(t, `${t.title} herzien`) : t));
    await publishTrainings(f.store, next, new Date('2026-01-16T06:00:00Z'));

    const result = await updateFromHead({ ...f.options(), maxDelta: 5 });

    expect(result.status).toBe('full-build');
    expect(f.writes).toEqual([]);
  });

  it('a head whose feed no longer reaches back to the site: a full build is due', async () => {
    const f = fakes(catalogue, mainPages);
    await f.fullBuild();
    await publishTrainings(f.store, catalogue.map((t, i) => (i === 0 ? withTitle(t, 'Anders') : t)), new Date('2026-01-16T06:00:00Z'));
    await publishTrainings(f.store, catalogue.map((t, i) => (i === 0 ? withTitle(t, 'Nog anders') : t)), new Date('2026-01-16T07:00:00Z'));
    // Only the last change is still in the feed (the head keeps a bounded number).
    const head = await f.store.readHead();
    if (head.status !== 'read') throw new Error('no head');
    await f.store.writeHead({ ...head.value, changes: head.value.changes.slice(-1) }, head.etag);

    const result = await updateFromHead(f.options());

    expect(result.status).toBe('full-build');
    expect(f.writes).toEqual([]);
  });

  it('the catalogue in memory is reused: a second change reads only its own shard', async () => {
    const f = fakes(catalogue, mainPages);
    await f.fullBuild();
    const first = await updateFromHead(f.options());
    expect(first.status).toBe('unchanged');
    await publishTrainings(f.store, catalogue.map((t, i) => (i === 3 ? withTitle(t, 'Nieuw') : t)), new Date('2026-01-16T06:00:00Z'));
    const reads = f.store.calls.reads;
    const result = await updateFromHead({ ...f.options(), ...(first.memory === undefined ? {} : { memory: first.memory }) });
    expect(result.status).toBe('updated');
    // The head and the one changed shard (plus the state, which is not the store).
    expect(f.store.calls.reads - reads).toBe(2);
  });
});
