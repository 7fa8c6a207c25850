import type { Application } from '../applications/application';
import { openQuestion } from '../applications/application';
import type { ApplicationStatus } from '../applications/state-machine';
import { odbNumberInQuery, words } from '../catalogue/search';
import { normaliseKbo } from '../organisations/kbo';
import { compareDates, type IsoDate } from '../time/calendar';

/*
 * The back office's worklist (issue 11): which deadline of a dossier comes next, the order the
 * worklist sorts in, and the words it can be found by. Pure rules: the DynamoDB adapter
 * (functions/applications/dynamo-store.ts) stores their results as index keys and search-token items,
 * the in-memory fake applies them directly; both read them from here.
 */

/** Without a `status`, the worklist is the work still to do: every submitted dossier not yet decided. */
export const OPEN_STATUSES = ['waiting-for-quality-registration', 'screening', 'question-open', 'forwarded'] as const satisfies readonly ApplicationStatus[];

export const WORKLIST_SORTS = ['deadline', 'submitted'] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];

export type DeadlineKind = 'question-answer' | 'decision';
export interface NextDeadline {
  kind: DeadlineKind;
  /** The last day, 'YYYY-MM-DD' (Brussels). */
  date: IsoDate;
}

/** Statuses in which the decision period (R-BO-2) runs: from screening until the decision body decides. */
const DECISION_CLOCK: readonly ApplicationStatus[] = ['screening', 'question-open', 'forwarded'];

/**
 * The dossier's next deadline and which one it is:
 * - `question-answer` (R-BO-1): the last day to answer the open question;
 * - `decision` (R-BO-2): the end of the 3-month decision period (`deadlines.decisionPeriodEnd`),
 *   also while forwarded — the decision body decides within it.
 * With a question open the nearer of both counts (R-BO-2 keeps running, R-BO-1). Waiting for the
 * quality registration (R-ORG-3) is off the clock, and a decided, inadmissible or cancelled dossier
 * has no deadline left: null.
 */
export function nextDeadline(app: Pick<Application, 'status' | 'questions' | 'deadlines'>): NextDeadline | null {
  const decision: NextDeadline | null = DECISION_CLOCK.includes(app.status) && app.deadlines
    ? { kind: 'decision', date: app.deadlines.decisionPeriodEnd as IsoDate }
    : null;
  const open = app.status === 'question-open' ? openQuestion(app) : null;
  const answer: NextDeadline | null = open ? { kind: 'question-answer', date: open.deadline as IsoDate } : null;
  if (!answer) return decision;
  if (!decision) return answer;
  return compareDates(answer.date, decision.date) <= 0 ? answer : decision;
}

/** Sorts after every date: dossiers without a deadline come last in deadline order. */
const NO_DEADLINE = '~';

/**
 * The key a dossier sorts by (ascending: nearest deadline first, or oldest submission first), unique
 * per dossier (it ends with the id) and the same in every index partition, so the pages of several
 * partitions merge by comparing keys and a cursor is the last key shown.
 */
export function worklistSortKey(app: Pick<Application, 'id' | 'status' | 'questions' | 'deadlines' | 'submittedAt'>, sort: WorklistSort): string {
  const submitted = `${app.submittedAt ?? ''}#${app.id}`;
  return sort === 'submitted' ? submitted : `${nextDeadline(app)?.date ?? NO_DEADLINE}#${submitted}`;
}

/** `deadlineBefore` as an exclusive upper bound of deadline sort keys (deadline strictly before that day). */
export const deadlineUpperBound = (deadlineBefore: IsoDate) => `${deadlineBefore}#`;

/** Articles and other words too common to search by; left out of the index and out of queries alike. */
const STOP_WORDS = new Set(['de', 'het', 'een', 'en', 'van', 'voor', 'in', 'op', 'met', 'te', 'tot', 'of', 'aan', 'bij', 'door', 'naar', 'om', 'the', 'and', 'of', 'for']);

/**
 * At most this many search tokens per dossier: each is one small index item rewritten in the
 * transaction of every change (a DynamoDB transaction holds at most 100 actions).
 */
export const MAX_SEARCH_TOKENS = 32;

const searchWords = (text: string | null | undefined) => words(text ?? '').filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
const odbToken = (odbNumber: string) => odbNumber.toLowerCase();

/**
 * The words a dossier is found by, in priority order (when a transaction has no room for all, the
 * first ones are kept): its ODB number, the organisation's KBO number, the own reference, the
 * organisation's name, the title, then the modules' ODB numbers. Folded (lower case, accents
 * removed), exact words — no prefixes, no stemming.
 */
export function searchTokens(app: Pick<Application, 'orgKbo' | 'title' | 'ownReference' | 'odbNumbers'> & { organisationName?: string | null | undefined }): string[] {
  const all = [
    ...(app.odbNumbers ? [odbToken(app.odbNumbers.training)] : []),
    app.orgKbo,
    ...searchWords(app.ownReference),
    ...searchWords(app.organisationName),
    ...searchWords(app.title),
    ...(app.odbNumbers?.modules ?? []).map(odbToken),
  ];
  return [...new Set(all)].slice(0, MAX_SEARCH_TOKENS);
}

/**
 * The tokens a query `q` asks for, every one of which a dossier must have: an ODB number or a KBO
 * number in any usual spelling is one token; otherwise the words, folded, without stop words.
 * Empty when `q` holds nothing to search by.
 */
export function queryTokens(q: string): string[] {
  const odb = odbNumberInQuery(q);
  if (odb) return [odbToken(odb)];
  const kbo = normaliseKbo(q);
  if (kbo) return [kbo];
  return [...new Set(searchWords(q))];
}

/** The token to look up (the longest: likely the rarest), and the others that must also match. */
export function leadToken(tokens: readonly string[]): { lead: string; others: string[] } | null {
  if (tokens.length === 0) return null;
  const lead = [...tokens].sort((a, b) => b.length - a.length || a.localeCompare(b))[0] as string;
  return { lead, others: tokens.filter((t) => t !== lead) };
}
