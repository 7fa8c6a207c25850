import type { ApplicationBody } from './application';
import { isBlank, modulesOf } from './check-context';
import type { ApplicationStatus } from './state-machine';

/*
 * What a submitted application holds for its organisation, so that uniqueness is a conditional write
 * and never a read of the whole portfolio:
 * - `ownReference`: the provider's own reference of the training and of each module, unique per
 *   provider ([M] "eigen unieke referentie");
 * - `language`: the language of a language training (R-APP-7: one application per language; a
 *   second one is warned about, not refused).
 * A claim is taken in the same transaction as the submit. An application in a released status no
 * longer holds its claims: the next application may take them over.
 */

/** Statuses whose claims (own references, language) no longer count as "in use". */
export const RELEASED_STATUSES: readonly ApplicationStatus[] = ['draft', 'cancelled', 'inadmissible', 'rejected'];

export const holdsClaims = (status: ApplicationStatus): boolean => !RELEASED_STATUSES.includes(status);

export type ClaimKind = 'ownReference' | 'language';

export interface Claim {
  kind: ClaimKind;
  value: string;
}

/** One string per claim (map keys, comparisons). */
export const claimKey = (claim: Claim): string => `${claim.kind}:${claim.value}`;

/** The own references of the training and its modules, each once, in form order. */
export function ownReferencesOf(app: Pick<ApplicationBody, 'ownReference' | 'modules'>): string[] {
  const references = [app.ownReference, ...modulesOf(app).map((module) => module.ownReference)];
  return [...new Set(references.filter((reference): reference is string => !isBlank(reference)))];
}

/** Every claim the application takes when it is submitted. */
export function claimsOf(app: Pick<ApplicationBody, 'ownReference' | 'modules' | 'language'>): Claim[] {
  return [
    ...ownReferencesOf(app).map((value): Claim => ({ kind: 'ownReference', value })),
    ...(app.language ? [{ kind: 'language' as const, value: app.language.code }] : []),
  ];
}

/**
 * A claim to take with a submit: written only while nobody holds it (`staleHolder: null`) or while
 * it is still held by `staleHolder`, an application that released it. Another holder in between
 * makes the whole submit fail and start again from a fresh read.
 */
export interface ClaimWrite {
  claim: Claim;
  staleHolder: string | null;
}

/** Who holds which of an application's claims, as read before a check or submit. */
export interface ClaimState {
  /** By `claimKey`: the id of the application holding the claim. */
  holders: ReadonlyMap<string, string>;
  /** The statuses of those holders (a holder that is missing counts as released). */
  holderStatuses: ReadonlyMap<string, ApplicationStatus>;
}

/** The claims of `app` that another application holds and has not released. */
export function claimsHeldByOthers(app: Pick<ApplicationBody, 'ownReference' | 'modules' | 'language'> & { id: string }, state: ClaimState): Claim[] {
  return claimsOf(app).filter((claim) => {
    const holder = state.holders.get(claimKey(claim));
    if (holder === undefined || holder === app.id) return false;
    const status = state.holderStatuses.get(holder);
    return status !== undefined && holdsClaims(status);
  });
}

/**
 * The claims a submit takes: every claim nobody else actively holds (a released holder is taken
 * over). A language another application holds stays with it (R-APP-7 only warns).
 */
export function claimWritesFor(app: Pick<ApplicationBody, 'ownReference' | 'modules' | 'language'> & { id: string }, state: ClaimState): ClaimWrite[] {
  const heldByOthers = new Set(claimsHeldByOthers(app, state).map(claimKey));
  return claimsOf(app)
    .filter((claim) => !heldByOthers.has(claimKey(claim)))
    .map((claim) => {
      const holder = state.holders.get(claimKey(claim));
      return { claim, staleHolder: holder === undefined || holder === app.id ? null : holder };
    });
}
