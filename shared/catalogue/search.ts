/**
 * Keyword search over the published catalogue, for the open-data API (`GET /v1/trainings`). Pure.
 *
 * Dutch-friendly and simple: case- and accent-insensitive ("geïntegreerd" = "geintegreerd"), every
 * query word must be the start of a word of the training ("jeugd" finds "Jeugd- en gehandicaptenzorg",
 * R-CHQ-1), and a light plural stemmer lets "heftrucks" and "opleidingen" find "heftruck" and
 * "opleiding". An ODB number (in any case, with or without spaces) finds exactly the training that has
 * it — as its own number or as one of its modules'.
 *
 * The index is an inverted index over a sorted vocabulary: a query word is a binary-searched prefix
 * range, so a query costs the matching words, not the catalogue size.
 */
import { normaliseKbo } from '../organisations/kbo';
import { normaliseOdbNumber } from '../registrations/odb-number';
import type { CompetenceGroup, PublishedTraining } from './published-training';

/** Lower case, accents removed. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Words of a text: folded, split on everything that is not a letter or digit. */
export function words(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/**
 * A light Dutch stemmer for query words: strips a plural ending (`-en`, `-s`, `-'s`) from words long
 * enough to carry one and undoes the doubled consonant (`lassen` → `las`, `cursussen` → `cursus`).
 * The stem is then used as a prefix, so it needs to be short, not exact.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('en')) {
    w = w.slice(0, -2);
    if (/([^aeiou])\1$/.test(w)) w = w.slice(0, -1);
  } else if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss')) {
    w = w.slice(0, -1);
  }
  return w;
}

/** Field weights: title, provider, ODB numbers and competences above the description. */
const FIELD_WEIGHTS = { title: 10, odb: 10, provider: 6, competences: 5, targetGroup: 2, description: 1 } as const;

export interface SearchIndex {
  trainings: readonly PublishedTraining[];
  /** Sorted unique words. */
  vocabulary: string[];
  /** Per word (same index as `vocabulary`): training index → best field weight. */
  postings: Array<Map<number, number>>;
  /** ODB number (training or module) → training index. */
  byOdbNumber: Map<string, number>;
  /** Training indexes sorted by title (Dutch collation), for browsing without a query. */
  byTitle: number[];
  /** Training index → position in `byTitle`. */
  titleRank: Int32Array;
}

export function buildSearchIndex(trainings: readonly PublishedTraining[]): SearchIndex {
  const perWord = new Map<string, Map<number, number>>();
  const byOdbNumber = new Map<string, number>();
  const add = (text: string, doc: number, weight: number) => {
    for (const w of words(text)) {
      let posting = perWord.get(w);
      if (posting === undefined) perWord.set(w, (posting = new Map()));
      if ((posting.get(doc) ?? 0) < weight) posting.set(doc, weight);
    }
  };
  trainings.forEach((t, doc) => {
    byOdbNumber.set(t.odbNumber, doc);
    for (const m of t.modules) byOdbNumber.set(m.odbNumber, doc);
    add(t.title, doc, FIELD_WEIGHTS.title);
    for (const m of t.modules) add(m.title, doc, FIELD_WEIGHTS.competences);
    add([t.odbNumber, ...t.modules.map((m) => m.odbNumber)].join(' '), doc, FIELD_WEIGHTS.odb);
    add(t.provider.name, doc, FIELD_WEIGHTS.provider);
    add(t.competences.join(' '), doc, FIELD_WEIGHTS.competences);
    add(t.targetGroup, doc, FIELD_WEIGHTS.targetGroup);
    add(t.description, doc, FIELD_WEIGHTS.description);
  });
  const vocabulary = [...perWord.keys()].sort();
  const postings = vocabulary.map((w) => perWord.get(w) as Map<number, number>);
  const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
  const byTitle = trainings.map((_, i) => i).sort((a, b) =>
    collator.compare((trainings[a] as PublishedTraining).title, (trainings[b] as PublishedTraining).title)
    || ((trainings[a] as PublishedTraining).odbNumber < (trainings[b] as PublishedTraining).odbNumber ? -1 : 1));
  const titleRank = new Int32Array(trainings.length);
  byTitle.forEach((doc, position) => { titleRank[doc] = position; });
  return { trainings, vocabulary, postings, byOdbNumber, byTitle, titleRank };
}

/** First index in the sorted vocabulary whose word is >= `prefix`. */
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

/** Training index → score for one query word (every word that starts with it, or with its stem). */
function matchWord(index: SearchIndex, word: string): Map<number, number> {
  const scores = new Map<number, number>();
  const prefixes = [...new Set([word, stem(word)])];
  for (const prefix of prefixes) {
    for (let i = lowerBound(index.vocabulary, prefix); i < index.vocabulary.length; i++) {
      const candidate = index.vocabulary[i] as string;
      if (!candidate.startsWith(prefix)) break;
      // An exact word counts a little more than a longer word it starts.
      const bonus = candidate === word ? 1.5 : 1;
      for (const [doc, weight] of index.postings[i] as Map<number, number>) {
        const score = weight * bonus;
        if ((scores.get(doc) ?? 0) < score) scores.set(doc, score);
      }
    }
  }
  return scores;
}

export interface SearchQuery {
  q?: string | undefined;
  group?: CompetenceGroup | undefined;
  /** KBO number of the provider, in any usual notation. */
  provider?: string | undefined;
  /**
   * Which published statuses a keyword search returns (default: only `active`, as api.md says). An
   * ODB-number query always returns that record, replaced or not, so an old number leads on.
   */
  statuses?: ReadonlyArray<PublishedTraining['status']>;
}

/** All matching training indexes, best first (by title without a keyword). */
export function search(index: SearchIndex, query: SearchQuery): number[] {
  const provider = query.provider === undefined ? undefined : (normaliseKbo(query.provider) ?? query.provider);
  const statuses = query.statuses ?? ['active'];
  const keep = (doc: number, anyStatus: boolean) => {
    const t = index.trainings[doc] as PublishedTraining;
    return (query.group === undefined || t.competenceGroup === query.group)
      && (provider === undefined || t.provider.kbo === provider)
      && (anyStatus || statuses.includes(t.status));
  };
  const text = (query.q ?? '').trim();
  if (text === '') return index.byTitle.filter((doc) => keep(doc, false));

  const odb = normaliseOdbNumber(text.replace(/\s+/g, ''));
  if (odb !== null) {
    const doc = index.byOdbNumber.get(odb);
    return doc !== undefined && keep(doc, true) ? [doc] : [];
  }

  const queryWords = [...new Set(words(text))];
  if (queryWords.length === 0) return index.byTitle.filter((doc) => keep(doc, false));
  let total: Map<number, number> | undefined;
  // Rarest-first would be faster; the catalogue is small enough for the plain intersection.
  for (const word of queryWords) {
    const scores = matchWord(index, word);
    if (total === undefined) total = scores;
    else {
      const next = new Map<number, number>();
      for (const [doc, score] of scores) {
        const before = total.get(doc);
        if (before !== undefined) next.set(doc, before + score);
      }
      total = next;
    }
    if (total.size === 0) return [];
  }
  return [...(total ?? new Map<number, number>())]
    .filter(([doc]) => keep(doc, false))
    .sort((a, b) => b[1] - a[1] || (index.titleRank[a[0]] ?? 0) - (index.titleRank[b[0]] ?? 0))
    .map(([doc]) => doc);
}
