/**
 * A small, accessible search UI on the Pagefind JS API (instead of Pagefind's stock UI, which fails
 * axe: toolchain.md). Filters are plain <select>s rendered at build time; the query and filters are
 * kept in the URL (?q=…&groep=…) so a search can be shared and survives a reload.
 */
import { escapeHtml } from '../../../shared/text/html';

import { pagefindRequest, parseQuery, siteFilterKeys, type PagefindFilter, type SearchFilters } from '../../../shared/catalogue/search';

interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  /** Pages matching the words before the filters, summed over the merged indexes. */
  unfilteredResultCount: number;
  /** Counts per value, only for the filters whose files are loaded (those a search used, or all after `filters()`). */
  filters: Record<string, Record<string, number>>;
  /** The same before the filters: of the pages matching the words. */
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options?: { filters?: Record<string, PagefindFilter> }) => Promise<PagefindSearch>;
  /** Loads every filter file (for the counts beside the options) and returns the counts. */
  filters: () => Promise<Record<string, Record<string, number>>>;
}

/**
 * The delta index carries a synthetic filter `index: delta` (mergeIndex's `mergeFilter`); the main index
 * has none (a synthetic filter over every main page made a search of 35k results 5× slower at 50k).
 * A search's `totalFilters.index.delta` counts the delta pages that hold the words (before filters);
 * the main index's count is the rest of `unfilteredResultCount`.
 */
const INDEX_FILTER = 'index';
/** A value no index has: a search with it returns no results, only the counts. */
const COUNTS_ONLY: Record<string, PagefindFilter> = { [INDEX_FILTER]: '-' };
/** Only the delta's results (the main index lacks the filter: none of its pages passes). */
const ONLY_DELTA: Record<string, PagefindFilter> = { [INDEX_FILTER]: 'delta' };
/** Only the main index's results. */
const ONLY_MAIN: Record<string, PagefindFilter> = { [INDEX_FILTER]: { none: ['delta'] } };

/** Results per page: each needs its own fragment (~2 KB); 10 keeps the first query under 250 KB at 10k trainings (issue 13). */
const PAGE_SIZE = 10;

/** The form's filters (select name = Pagefind filter key) as the shared search filters. */
function searchFilters(values: Record<string, string>): SearchFilters {
  const filters: SearchFilters = {};
  const group = values[siteFilterKeys.group];
  if (group !== undefined) filters.group = group as SearchFilters['group'];
  const provider = values[siteFilterKeys.provider];
  if (provider !== undefined) filters.provider = provider;
  const size = values[siteFilterKeys.size];
  if (size !== undefined) filters.size = size as SearchFilters['size'];
  const blended = values[siteFilterKeys.blended];
  if (blended !== undefined) filters.blended = blended === 'true';
  const cheque = values[siteFilterKeys.chequeCategory];
  if (cheque !== undefined) filters.chequeCategory = cheque as SearchFilters['chequeCategory'];
  return filters;
}

/** Pagefind excerpts are HTML-escaped text with <mark>…</mark>; drop any other tag. */
function safeExcerpt(excerpt: string): string {
  return excerpt.replace(/<(?!\/?mark>)[^>]*>/g, '');
}

function plural(n: number): string {
  return n === 1 ? '1 opleiding gevonden' : `${n.toLocaleString('nl-BE')} opleidingen gevonden`;
}

export function startSearch(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('q') as HTMLInputElement;
  const count = document.getElementById('result-count') as HTMLElement;
  const list = document.getElementById('results') as HTMLOListElement;
  const more = document.getElementById('more') as HTMLButtonElement;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const panel = document.getElementById('filter-panel') as HTMLDetailsElement;
  const activeFilters = document.getElementById('active-filters') as HTMLElement;

  let pagefind: Promise<Pagefind> | undefined;
  /** Fragment ids of the main index whose page changed or went since: their results are hidden. */
  let superseded = new Set<string>();
  /** The names of the indexes merged besides the main index (`delta`, when there is one). */
  let merged: string[] = [];
  /** Where the last search spent its time, for the site bench (test/bench/_site-query.ts). */
  const timings: Record<string, number> = {};
  (window as unknown as { __searchTimings?: Record<string, number> }).__searchTimings = timings;

  const json = <T>(path: string): Promise<T | undefined> => fetch(path, { cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() as Promise<T> : undefined))
    .catch(() => undefined);

  const loadPagefind = (): Promise<Pagefind> => {
    pagefind ??= (async () => {
      const started = performance.now();
      const url = '/pagefind/pagefind.js';
      // The module and the delta's state in parallel: the state decides whether a second index is merged.
      const [module, state] = await Promise.all([
        import(/* @vite-ignore */ url) as Promise<Pagefind>,
        json<{ delta: boolean; superseded: string[] }>('/pagefind-delta/state.json'),
      ]);
      await module.options({ baseUrl: '/', excerptLength: 24 });
      // The main index plus the small delta index of what changed since — only when there is one (an
      // empty delta costs its entry and meta files on every first query for nothing).
      const others = state?.delta === true ? [{ path: '/pagefind-delta/', name: 'delta' }] : [];
      await Promise.all(others.map((o) => module.mergeIndex(o.path, { mergeFilter: { [INDEX_FILTER]: o.name } })));
      superseded = new Set(state?.superseded ?? []);
      await module.init();
      merged = others.map((o) => o.name);
      timings.load = performance.now() - started;
      return module;
    })();
    return pagefind;
  };

  /** Counts beside the filter options need every filter file: loaded only once someone uses the filters. */
  let allFilters: Promise<unknown> | undefined;
  const loadFilterCounts = (): void => {
    allFilters ??= loadPagefind().then((pf) => pf.filters()).then(() => {
      if (input.value.trim() !== '' || Object.keys(currentFilters()).length > 0) schedule(0);
    });
  };

  let generation = 0;
  let pending: PagefindResult[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  function currentFilters(): Record<string, string> {
    const filters: Record<string, string> = {};
    for (const s of selects) if (s.value !== '') filters[s.dataset.filter as string] = s.value;
    return filters;
  }

  function syncUrl(query: string, filters: Record<string, string>): void {
    const params = new URLSearchParams();
    if (query !== '') params.set('q', query);
    for (const [k, v] of Object.entries(filters)) params.set(k, v);
    const search = params.toString();
    history.replaceState(null, '', search === '' ? location.pathname : `?${search}`);
  }

  function updateCounts(counts: PagefindSearch['filters']): void {
    for (const s of selects) {
      // A filter whose file is not loaded yet has no counts: show the name alone rather than a wrong 0.
      const perValue = counts[s.dataset.filter as string];
      for (const option of s.options) {
        const label = option.dataset.label;
        if (label !== undefined) option.textContent = perValue === undefined ? label : `${label} (${perValue[option.value] ?? 0})`;
      }
    }
  }

  async function renderNext(gen: number): Promise<void> {
    const batch = pending.splice(0, PAGE_SIZE);
    const started = performance.now();
    const data = await Promise.all(batch.map((r) => r.data()));
    if (gen !== generation) return;
    timings.fragments = performance.now() - started;
    const items = data.map((d) => {
      const li = document.createElement('li');
      li.className = 'result';
      const odb = d.meta.odb ?? '';
      const replaced = d.meta.status === 'replaced';
      li.innerHTML = `
        <h3><a href="${escapeHtml(d.url)}">${escapeHtml(d.meta.title ?? odb)}</a></h3>
        <p class="result-meta">
          <span>ODB-nummer <span class="odb">${escapeHtml(odb)}</span></span>
          <span>${escapeHtml(d.meta.aanbieder ?? '')}</span>
          ${d.meta.omvang ? `<span>${escapeHtml(d.meta.omvang)}</span>` : ''}
          ${replaced ? '<span class="badge replaced">Vervangen</span>' : ''}
        </p>
        <p class="excerpt">${safeExcerpt(d.excerpt)}</p>`;
      return li;
    });
    list.append(...items);
    more.hidden = pending.length === 0;
  }

  async function run(): Promise<void> {
    const gen = ++generation;
    const raw = input.value.trim();
    const filters = currentFilters();
    // One search semantics with GET /v1/trainings (shared/catalogue/search.ts): the ODB number in any
    // spelling, folded words, the same filters and status policy.
    const request = pagefindRequest(raw, searchFilters(filters));
    const query = raw;
    const active = Object.keys(filters).length;
    activeFilters.textContent = active === 0 ? '' : ` (${active} actief)`;
    syncUrl(raw, filters);
    if (request.term === null && Object.keys(filters).length === 0) {
      list.replaceChildren();
      more.hidden = true;
      count.textContent = 'Typ een zoekterm of kies een filter.';
      return;
    }
    count.textContent = 'Zoeken…';
    const pf = await loadPagefind();
    let started = performance.now();
    const parsed = parseQuery(raw);
    // Several words over several indexes: the counts per word and index alongside (see indexesLacking).
    const checkWords = parsed.kind === 'words' && parsed.words.length > 1 && merged.length > 0;
    const [first, lacking] = await Promise.all([
      pf.search(request.term, { filters: request.filters }),
      checkWords ? indexesLacking(pf, parsed.words) : Promise.resolve([] as string[] | null),
    ]);
    if (gen !== generation) return;
    let search = first;
    if (lacking === null) search = { ...first, results: [] };
    else if (lacking.length > 0) {
      // One index lacks a word found in the other: only the other's results (both: nothing).
      const only = lacking.length > 1 ? null : lacking[0] === 'main' ? ONLY_DELTA : ONLY_MAIN;
      search = only === null ? { ...first, results: [] } : await pf.search(request.term, { filters: { ...request.filters, ...only } });
      if (gen !== generation) return;
    }
    timings.search = performance.now() - started;
    let found = visible(search.results);
    started = performance.now();
    if (parsed.kind === 'odb') {
      // An ODB number finds the page that carries it (its own or a module's): check the few hits' text
      // (Pagefind prefix-matches, and falls back to the longest indexed word the number starts with).
      const keep = await Promise.all(found.map(async (r) => (await r.data()).content.toUpperCase().includes(parsed.odbNumber)));
      if (gen !== generation) return;
      found = found.filter((_, i) => keep[i]);
    }
    timings.check = performance.now() - started;
    pending = found;
    list.replaceChildren();
    updateCounts(search.filters);
    count.textContent = pending.length === 0
      ? `Geen opleidingen gevonden${query === '' ? '' : ` voor “${query}”`}. Probeer een ander woord of minder filters.`
      : plural(pending.length) + (query === '' ? '' : ` voor “${query}”`);
    await renderNext(gen);
  }

  /**
   * The results without the main index's hidden (superseded) versions. A page changed back to its
   * main-index version has, in the delta, a fragment with that same id: the id then comes twice (main
   * and delta), and one of them is kept.
   */
  function visible(results: PagefindResult[]): PagefindResult[] {
    const times = new Map<string, number>();
    for (const r of results) if (superseded.has(r.id)) times.set(r.id, (times.get(r.id) ?? 0) + 1);
    const kept = new Set<string>();
    return results.filter((r) => {
      if (!superseded.has(r.id)) return true;
      if ((times.get(r.id) ?? 0) < 2 || kept.has(r.id)) return false;
      kept.add(r.id);
      return true;
    });
  }

  /**
   * Pagefind leaves out a query word that one index lacks (per index: main or delta), so with several
   * words an index that lacks one returns the pages with the others. (A single
   * word that an index lacks finds nothing there, filters or not: Pagefind's search_term.) Per word, one
   * search that returns no results but counts per index the pages holding the word (COUNTS_ONLY,
   * totalFilters) tells which indexes lack a word that is found elsewhere: their results are left out
   * (null: no word is found anywhere, so nothing is found). A word found nowhere is left out, as in
   * GET /v1/trainings.
   */
  async function indexesLacking(pf: Pagefind, terms: string[]): Promise<string[] | null> {
    const counts = await Promise.all(terms.map(async (word) => {
      const found = await pf.search(word, { filters: COUNTS_ONLY });
      const delta = found.totalFilters[INDEX_FILTER]?.['delta'] ?? 0;
      return { main: found.unfilteredResultCount - delta, delta };
    }));
    const present = counts.filter((c) => c.main > 0 || c.delta > 0);
    if (present.length === 0) return null;
    return (['main', 'delta'] as const).filter((name) => present.some((c) => c[name] === 0));
  }

  function schedule(delay: number): void {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    schedule(0);
  });
  input.addEventListener('input', () => schedule(300));
  for (const s of selects) s.addEventListener('change', () => schedule(0));
  more.addEventListener('click', () => {
    const first = list.children.length;
    void renderNext(generation).then(() => {
      // Move focus to the first new result so keyboard and screen-reader users continue there.
      (list.children[first]?.querySelector('a') as HTMLAnchorElement | null)?.focus();
    });
  });

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const s of selects) {
    const v = params.get(s.dataset.filter as string);
    if (v !== null && [...s.options].some((o) => o.value === v)) s.value = v;
  }
  // Filters take the whole screen on a phone: fold them there, unless one is already chosen.
  if (!window.matchMedia('(min-width: 48rem)').matches && Object.keys(currentFilters()).length === 0) panel.open = false;
  if (input.value !== '' || Object.keys(currentFilters()).length > 0) void run();
  // Warm up the index while the user types; the filter files once someone reaches for a filter.
  input.addEventListener('focus', () => void loadPagefind(), { once: true });
  panel.addEventListener('focusin', loadFilterCounts, { once: true });
  panel.addEventListener('pointerenter', loadFilterCounts, { once: true });
  if (Object.keys(currentFilters()).length > 0) loadFilterCounts();
}
