import { addDays, brusselsDate, brusselsMidnight } from '../time/calendar';

/**
 * Per-principal quotas (OWASP API4 "unrestricted resource consumption", API6 "unrestricted access to
 * sensitive business flows"; issue 12). Pure: the caller passes `now`; the counters live behind the
 * `QuotaStore` port (DynamoDB in functions/quotas, an in-memory fake for unit tests).
 *
 * A quota counts, per principal and per Brussels calendar day, the calls of the operations that declare
 * it (`quotas` in shared/api/operation.ts). It counts attempts that passed authentication and
 * validation — also one the use case then refuses (a rejected cheque request still mails) — but never
 * an idempotent replay, which creates nothing. Reading: the limit protects public money and mailboxes
 * first; an honest provider or worker never comes near it (the defaults are many times a busy day).
 */
export type QuotaScope =
  /** the token's organisation (KBO number) */
  | 'organisation'
  /** the worker: the keyed hash of the national register number, never the number itself */
  | 'worker';

export interface QuotaDefinition {
  /** Stable id: counter key, machine `code` (`quota.<id>`) and OpenAPI extension. */
  id: string;
  scope: QuotaScope;
  /** Environment variable that overrides the default limit. */
  envVar: string;
  defaultLimit: number;
  /** English, for the OpenAPI document and the README. */
  description: string;
  /** Dutch, for people: "U hebt vandaag al {limit} {noun}". */
  noun: string;
  per: string;
}

export const QUOTAS = {
  drafts: {
    id: 'drafts', scope: 'organisation', envVar: 'QUOTA_DRAFTS_PER_ORGANISATION_PER_DAY', defaultLimit: 50,
    description: 'draft applications created per organisation per day',
    noun: 'ontwerpaanvragen aangemaakt', per: 'per organisatie per dag',
  },
  uploadSlots: {
    id: 'uploadSlots', scope: 'organisation', envVar: 'QUOTA_UPLOAD_SLOTS_PER_ORGANISATION_PER_DAY', defaultLimit: 200,
    description: 'upload slots (application documents and the LMS document) per organisation per day',
    noun: 'uploadslots gevraagd', per: 'per organisatie per dag',
  },
  chequeRequests: {
    id: 'chequeRequests', scope: 'worker', envVar: 'QUOTA_CHEQUE_REQUESTS_PER_WORKER_PER_DAY', defaultLimit: 10,
    description: 'cheque requests per worker per day (refused ones included)',
    noun: 'aanvragen voor opleidingscheques ingediend', per: 'per persoon per dag',
  },
  workerMails: {
    id: 'workerMails', scope: 'worker', envVar: 'QUOTA_WORKER_MAILS_PER_DAY', defaultLimit: 20,
    description: 'calls that send a worker an e-mail (cheque request, cancellation) per worker per day',
    noun: 'handelingen gedaan waarvoor we u mailen', per: 'per persoon per dag',
  },
} as const satisfies Record<string, QuotaDefinition>;

export const quotaDefinitions: readonly QuotaDefinition[] = Object.values(QUOTAS);

/** The effective limits: defaults, overridden by configuration. */
export type QuotaLimits = Readonly<Record<string, number>>;

export const defaultQuotaLimits: QuotaLimits = Object.fromEntries(quotaDefinitions.map((q) => [q.id, q.defaultLimit]));

/** One counter to increment: its key, its limit, and when its window ends. */
export interface QuotaCounter {
  quota: QuotaDefinition;
  key: string;
  limit: number;
  /** End of the window (epoch ms): the counter may be forgotten after it. */
  resetsAt: number;
}

/** The Brussels calendar day of `now` and the instant that day ends (next midnight in Brussels). */
export function brusselsDayWindow(now: Date): { day: string; endsAt: number } {
  const day = brusselsDate(now);
  return { day, endsAt: Date.parse(brusselsMidnight(addDays(day, 1))) };
}

/** The scope values of one call, from the verified token and the validated path. */
export interface QuotaSubject {
  organisation?: string;
  worker?: string;
}

/**
 * The counters one call increments. `undefined` when a scope value is missing (a provider token
 * without `org` is refused by the use case itself; counting it under "nobody" would let one caller
 * exhaust another's quota).
 */
export function countersFor(quotas: readonly QuotaDefinition[], subject: QuotaSubject, limits: QuotaLimits, now: Date): QuotaCounter[] {
  const { day, endsAt } = brusselsDayWindow(now);
  const counters: QuotaCounter[] = [];
  for (const quota of quotas) {
    const value = subject[quota.scope];
    if (value === undefined) continue;
    counters.push({ quota, key: `${quota.id}#${value}#${day}`, limit: limits[quota.id] ?? quota.defaultLimit, resetsAt: endsAt });
  }
  return counters;
}

/** The port: increments every counter, all or none; refuses when one would exceed its limit. */
export interface QuotaStore {
  consume(counters: readonly QuotaCounter[]): Promise<{ ok: true } | { ok: false; exceeded: QuotaCounter }>;
}

/** Dutch text for people; the machine code is `quota.<id>`. */
export function quotaExceededDetail(counter: QuotaCounter): string {
  return `U hebt vandaag al ${counter.limit} ${counter.quota.noun}: dat is het maximum ${counter.quota.per}. ` +
    'Probeer het morgen opnieuw, of neem contact op met de helpdesk als u meer nodig hebt.';
}
