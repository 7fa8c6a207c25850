/**
 * ONE search semantics for the catalogue (issue 13), used by the open-data API (`GET /v1/trainings`,
 * the in-memory index below) and by the site (site/src/scripts/search.ts, which hands the same parsed
 * query and filters to Pagefind). Pure.
 *
 * - Words: case- and accent-insensitive; every query word must match (AND), except a word that occurs
 *   nowhere in the catalogue, which is left out (Pagefind's rule). A word matches when a word
 *   of the training starts with it, both reduced by the same Snowball Dutch stemmer Pagefind uses
 *   (`@orama/stemmers`, the Snowball algorithm): "heftrucks" finds "heftruck", "technische" finds
 *   "technisch", "opleidingen" finds "opleiding", "jeugd" finds "Jeugd- en gehandicaptenzorg" (R-CHQ-1).
 * - ODB numbers in any spelling (`ODB-A000123`, `odb-a000123`, `ODBA000123`, `ODB A000123`) find
 *   exactly the training that has it, as its own number or a module's (`odbNumberInQuery`).
 * - Status policy (`statusesFor`): a keyword search or a browse shows only `active` registrations; an
 *   ODB-number search shows that registration whatever its published status, so an old (replaced)
 *   number still leads to its successor. Reading taken: a replaced registration takes no new
 *   enrolments (R-REG-2), so it is not offered in a search, but whoever holds its number finds it.
 * - Filters (`SearchFilters`): competence group, provider (KBO number, any notation), size bucket,
 *   blended, cheque category — the same codes as the site's filter values.
 * - Indexed text (`searchFields`): title, ODB numbers, module titles, provider name, competences,
 *   target group and description; the site's detail page indexes exactly these (data-pagefind-ignore on
 *   everything else). A parity test runs a table of queries against both.
 */
import { stemmer } from '@orama/stemmers/dutch';
import { normaliseKbo } from '../organisations/kbo';
import { isOdbNumber } from '../registrations/odb-number';
import {
  publishedStatuses,
  sizeBucket,
  type ChequeCategory,
  type CompetenceGroup,
  type PublishedStatus,
  type PublishedTraining,
  type SizeBucket,
} from './published-training';

/** Lower case, accents removed. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Words of a text: folded, split on everything that is not a letter or digit. */
export function words(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** The Snowball Dutch stem of a folded word (the stemmer Pagefind applies to an index in `nl`). */
export function stem(word: string): string {
  return stemmer(word);
}

/**
 * The ODB number a query is, in any usual spelling (case, with or without the hyphen, spaces or a dot
 * after ODB), or null: `odb a000123` → `ODB-A000123`.
 */
export function odbNumberInQuery(text: string): string | null {
  const compact = text.trim().toUpperCase().replace(/[\s.]+/g, '');
  const match = /^ODB[-_]?([A-Z]\d{5,6})$/.exec(compact);
  if (match === null) return null;
  const candidate = `ODB-${match[1] ?? ''}`;
  return isOdbNumber(candidate) ? candidate : null;
}

export type ParsedQuery =
  | { kind: 'browse' }
  | { kind: 'odb'; odbNumber: string }
  | { kind: 'words'; words: string[] };

/** What a query asks: nothing (browse), one ODB number, or words (unique, folded). */
export function parseQuery(q: string | undefined): ParsedQuery {
  const text = (q ?? '').trim();
  if (text === '') return { kind: 'browse' };
  const odbNumber = odbNumberInQuery(text);
  if (odbNumber !== null) return { kind: 'odb', odbNumber };
  const unique = [...new Set(words(text))];
  return unique.length === 0 ? { kind: 'browse' } : { kind: 'words', words: unique };
}

/** The status policy (see the header): which published statuses a query shows. */
export function statusesFor(query: ParsedQuery): readonly PublishedStatus[] {
  return query.kind === 'odb' ? ['active', 'replaced'] : ['active'];
}

export interface SearchFilters {
  group?: CompetenceGroup | undefined;
  /** KBO number of the provider, in any usual notation. */
  provider?: string | undefined;
  size?: SizeBucket | undefined;
  blended?: boolean | undefined;
  chequeCategory?: ChequeCategory | undefined;
}

/** The filter values of a training, by filter (the codes the site uses as Pagefind filter values). */
export function filterValues(t: PublishedTraining): { group: CompetenceGroup; provider: string; size: SizeBucket; blended: 'true' | 'false'; chequeCategory: ChequeCategory; status: PublishedStatus } {
  return {
    group: t.competenceGroup,
    provider: t.provider.kbo,
    size: sizeBucket(t),
    blended: t.blended ? 'true' : 'false',
    chequeCategory: t.chequeCategory,
    status: t.status,
  };
}

/** Whether a training passes the filters (a provider filter that is no valid KBO number passes nothing). */
export function passesFilters(t: PublishedTraining, filters: SearchFilters): boolean {
  const provider = filters.provider === undefined ? undefined : normaliseKbo(filters.provider);
  return (filters.group === undefined || t.competenceGroup === filters.group)
    && (provider === undefined || t.provider.kbo === provider)
    && (filters.size === undefined || sizeBucket(t) === filters.size)
    && (filters.blended === undefined || t.blended === filters.blended)
    && (filters.chequeCategory === undefined || t.chequeCategory === filters.chequeCategory);
}

/** Field weights (the site's data-pagefind-weight values): title and ODB numbers first, description last. */
export const FIELD_WEIGHTS = { title: 10, odb: 10, modules: 8, provider: 6, competences: 5, targetGroup: 1, description: 1 } as const;

/** The indexed text of a training, by field. */
export function searchFields(t: PublishedTraining): Array<{ text: string; weight: number }> {
  return [
    { text: t.title, weight: FIELD_WEIGHTS.title },
    { text: t.odbNumber, weight: FIELD_WEIGHTS.odb },
    ...t.modules.flatMap((m) => [{ text: m.title, weight: 1 }, { text: m.odbNumber, weight: FIELD_WEIGHTS.modules }]),
    { text: t.provider.name, weight: FIELD_WEIGHTS.provider },
    { text: t.competences.join(' '), weight: FIELD_WEIGHTS.competences },
    { text: t.targetGroup, weight: FIELD_WEIGHTS.targetGroup },
    { text: t.description, weight: FIELD_WEIGHTS.description },
  ];
}

export interface SearchIndex {
  trainings: readonly PublishedTraining[];
  /** Sorted unique stems. */
  vocabulary: string[];
  /** Per stem (same index as `vocabulary`): training index → best field weight. */
  postings: Array<Map<number, number>>;
  /** ODB number (training or module) → training index. */
  byOdbNumber: Map<string, number>;
  /** Training indexes sorted by title (Dutch collation), for browsing without a query. */
  byTitle: number[];
}

export function buildSearchIndex(trainings: readonly PublishedTraining[]): SearchIndex {
  const perStem = new Map<string, Map<number, number>>();
  const byOdbNumber = new Map<string, number>();
  const stems = new Map<string, string>();
  trainings.forEach((t, doc) => {
    byOdbNumber.set(t.odbNumber, doc);
    for (const m of t.modules) byOdbNumber.set(m.odbNumber, doc);
    for (const field of searchFields(t)) {
      for (const w of words(field.text)) {
        let s = stems.get(w);
        if (s === undefined) stems.set(w, (s = stem(w)));
        let posting = perStem.get(s);
        if (posting === undefined) perStem.set(s, (posting = new Map()));
        if ((posting.get(doc) ?? 0) < field.weight) posting.set(doc, field.weight);
      }
    }
  });
  const vocabulary = [...perStem.keys()].sort();
  const postings = vocabulary.map((w) => perStem.get(w) as Map<number, number>);
  const byTitle = trainings.map((_, i) => i).sort((a, b) => compareByTitle(trainings[a] as PublishedTraining, trainings[b] as PublishedTraining));
  return { trainings, vocabulary, postings, byOdbNumber, byTitle };
}

/** First index in the sorted vocabulary whose stem is >= `prefix`. */
function lowerBound(vocabulary: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = vocabulary.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((vocabulary[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Training index → score for one query word: every indexed stem that starts with the word's stem. */
function matchWord(index: SearchIndex, word: string): Map<number, number> {
  const scores = new Map<number, number>();
  const prefix = stem(word);
  for (let i = lowerBound(index.vocabulary, prefix); i < index.vocabulary.length; i++) {
    const candidate = index.vocabulary[i] as string;
    if (!candidate.startsWith(prefix)) break;
    // An exact stem counts a little more than a longer word it starts.
    const bonus = candidate === prefix ? 1.5 : 1;
    for (const [doc, weight] of index.postings[i] as Map<number, number>) {
      const score = weight * bonus;
      if ((scores.get(doc) ?? 0) < score) scores.set(doc, score);
    }
  }
  return scores;
}

export interface SearchQuery extends SearchFilters {
  q?: string | undefined;
}

/** A training in a catalogue kept as several indexes (one per shard, shared/catalogue/shards.ts). */
export interface Hit {
  shard: number;
  doc: number;
}

const titleCollator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
const trainingOf = (indexes: readonly SearchIndex[], hit: Hit) => (indexes[hit.shard] as SearchIndex).trainings[hit.doc] as PublishedTraining;

/** By title (Dutch collation), then ODB number: the browse order and the tie-break of equal scores. */
export function compareByTitle(a: PublishedTraining, b: PublishedTraining): number {
  return titleCollator.compare(a.title, b.title) || (a.odbNumber < b.odbNumber ? -1 : a.odbNumber > b.odbNumber ? 1 : 0);
}

/** Every training of the indexes in title order (merge of each index's own order). */
export function titleOrder(indexes: readonly SearchIndex[]): Hit[] {
  const all: Hit[] = indexes.flatMap((index, shard) => index.byTitle.map((doc) => ({ shard, doc })));
  return all.sort((a, b) => compareByTitle(trainingOf(indexes, a), trainingOf(indexes, b)));
}

/**
 * All matching trainings of a catalogue kept as several indexes, best first (by title without a
 * keyword). `order`: every training in title order (`titleOrder`), computed by the caller once per
 * version of the indexes (browsing needs it).
 */
export function searchShards(indexes: readonly SearchIndex[], query: SearchQuery, order: () => readonly Hit[]): Hit[] {
  const parsed = parseQuery(query.q);
  const statuses = statusesFor(parsed);
  const keep = (hit: Hit) => {
    const t = trainingOf(indexes, hit);
    return statuses.includes(t.status) && passesFilters(t, query);
  };
  if (parsed.kind === 'browse') return order().filter(keep);
  if (parsed.kind === 'odb') {
    for (let shard = 0; shard < indexes.length; shard++) {
      const doc = (indexes[shard] as SearchIndex).byOdbNumber.get(parsed.odbNumber);
      if (doc !== undefined) return keep({ shard, doc }) ? [{ shard, doc }] : [];
    }
    return [];
  }
  // A word that matches nothing in the whole catalogue is left out, as Pagefind does ("heftruck
  // zzzz" finds the heftruck trainings); when no word matches anything, nothing is found.
  const perWord = parsed.words
    .map((word) => indexes.map((index) => matchWord(index, word)))
    .filter((perShard) => perShard.some((scores) => scores.size > 0));
  if (perWord.length === 0) return [];
  const hits: Array<{ hit: Hit; score: number }> = [];
  indexes.forEach((_, shard) => {
    let total: Map<number, number> | undefined;
    for (const perShard of perWord) {
      const scores = perShard[shard] as Map<number, number>;
      if (total === undefined) total = scores;
      else {
        const next = new Map<number, number>();
        for (const [doc, score] of scores) {
          const before = total.get(doc);
          if (before !== undefined) next.set(doc, before + score);
        }
        total = next;
      }
      if (total.size === 0) return;
    }
    for (const [doc, score] of total ?? []) if (keep({ shard, doc })) hits.push({ hit: { shard, doc }, score });
  });
  return hits
    .sort((a, b) => b.score - a.score || compareByTitle(trainingOf(indexes, a.hit), trainingOf(indexes, b.hit)))
    .map(({ hit }) => hit);
}

/** All matching training indexes of one index, best first (by title without a keyword). */
export function search(index: SearchIndex, query: SearchQuery): number[] {
  return searchShards([index], query, () => index.byTitle.map((doc) => ({ shard: 0, doc }))).map((hit) => hit.doc);
}

/** The site's Pagefind filter keys (the detail page's data-pagefind-filter), per filter; values are the codes. */
export const siteFilterKeys = { group: 'groep', provider: 'aanbieder', size: 'omvang', blended: 'blended', chequeCategory: 'cheque', status: 'status' } as const;

/**
 * The filter values a detail page gives Pagefind: every filter, but the status only when it is not
 * `active`. A word search hides the replaced pages with `status: { none: [...] }` (pages without the
 * filter pass it), so the status filter file it loads lists the few replaced pages instead of every
 * page (~90 KB at 43k trainings on every first query otherwise; issue 13, decision 0019).
 */
export function siteFilterValues(t: PublishedTraining): Record<string, string> {
  const { status, ...rest } = filterValues(t);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(rest)) out[siteFilterKeys[key as keyof typeof rest]] = value;
  if (status !== 'active') out[siteFilterKeys.status] = status;
  return out;
}

export type PagefindFilter = string | { any: string[] } | { none: string[] };

/**
 * The Pagefind search the site runs for a query and filters: the same parsed query (an ODB number as
 * its canonical spelling, words folded) and the same status policy, as Pagefind filters.
 */
export function pagefindRequest(q: string | undefined, filters: SearchFilters): { term: string | null; filters: Record<string, PagefindFilter> } {
  const parsed = parseQuery(q);
  const out: Record<string, PagefindFilter> = {};
  if (filters.group !== undefined) out[siteFilterKeys.group] = filters.group;
  if (filters.provider !== undefined) out[siteFilterKeys.provider] = normaliseKbo(filters.provider) ?? filters.provider;
  if (filters.size !== undefined) out[siteFilterKeys.size] = filters.size;
  if (filters.blended !== undefined) out[siteFilterKeys.blended] = String(filters.blended);
  if (filters.chequeCategory !== undefined) out[siteFilterKeys.chequeCategory] = filters.chequeCategory;
  // The status policy as the statuses it hides (only those pages carry the status filter: siteFilterValues).
  const shown = statusesFor(parsed);
  const hidden = publishedStatuses.filter((s) => !shown.includes(s));
  if (hidden.length > 0) out[siteFilterKeys.status] = { none: hidden };
  // An ODB number as ONE word (`odba000123`: Pagefind indexes `ODB-A000123` also joined): as two words
  // (`odb`, `a000123`) an index that lacks the number would drop it and return every page with `odb`.
  const term = parsed.kind === 'browse' ? null : parsed.kind === 'odb' ? parsed.odbNumber.replace('-', '').toLowerCase() : parsed.words.join(' ');
  return { term, filters: out };
}
