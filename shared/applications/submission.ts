import type { RuleFinding } from '../http/problem';
import type { ApplicationEvent } from './state-machine';

/**
 * What a submit does with the findings of `checkApplication` (R-SUB-1):
 *
 * 1. any blocking error other than an inadmissibility rule (a missing field, R-APP-1, R-APP-4, …)
 *    → `refused`: 409 (problem+json, `errors` and `problems`) with the problems; the application stays a draft, the provider fixes it;
 * 2. otherwise an inadmissibility rule failed (R-APP-5, R-CMP-3: the manual says these are
 *    refused automatically) → `inadmissible`, with those findings as reasons;
 * 3. otherwise → `accepted`: to `screening`, or to `waiting-for-quality-registration` when the
 *    organisation has no quality registration yet (R-ORG-3). Warnings travel along.
 *
 * Completeness comes first on purpose: inadmissibility is only declared on a complete application.
 */
export const INADMISSIBILITY_RULES: readonly string[] = ['R-APP-5', 'R-CMP-3'];

export function isInadmissibilityFinding(finding: RuleFinding): boolean {
  return finding.severity === 'error' && INADMISSIBILITY_RULES.includes(finding.code);
}

/** True when a finding makes the application inadmissible on submit. */
export function isInadmissible(findings: readonly RuleFinding[]): boolean {
  return findings.some(isInadmissibilityFinding);
}

/** Errors that must be fixed before submitting (everything blocking but inadmissibility). */
export function correctableErrors(findings: readonly RuleFinding[]): RuleFinding[] {
  return findings.filter((f) => f.severity === 'error' && !isInadmissibilityFinding(f));
}

export function warningsOf(findings: readonly RuleFinding[]): RuleFinding[] {
  return findings.filter((f) => f.severity === 'warning');
}

export type SubmitOutcome =
  | { outcome: 'refused'; problems: RuleFinding[] }
  | { outcome: 'inadmissible'; event: 'submit-inadmissible'; reasons: RuleFinding[]; warnings: RuleFinding[] }
  | {
      outcome: 'accepted';
      event: Extract<ApplicationEvent, 'submit' | 'submit-pending-quality-registration'>;
      warnings: RuleFinding[];
    };

export function submitOutcome(findings: readonly RuleFinding[], qualityRegistered: boolean): SubmitOutcome {
  const correctable = correctableErrors(findings);
  if (correctable.length > 0) return { outcome: 'refused', problems: [...findings] };
  const warnings = warningsOf(findings);
  if (isInadmissible(findings)) {
    return { outcome: 'inadmissible', event: 'submit-inadmissible', reasons: findings.filter(isInadmissibilityFinding), warnings };
  }
  return { outcome: 'accepted', event: qualityRegistered ? 'submit' : 'submit-pending-quality-registration', warnings };
}
