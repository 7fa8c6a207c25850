import type { z } from 'zod';
import type { Problem } from '../../shared/http/problem';

/** zod issues → problems with a stable code: a rule id given as `params.code`, else zod's own code. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], prefix = ''): Problem[] {
  return issues.map((issue) => {
    // A rule id given by the schema (`params: { rule: 'R-ORG-4' }` or `{ code }`) is the stable code.
    const params = (issue as { params?: { rule?: unknown; code?: unknown } }).params;
    const code = typeof params?.rule === 'string' ? params.rule : typeof params?.code === 'string' ? params.code : issue.code;
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return { path, code, message: issue.message };
  });
}
