/**
 * The entitlement rules as the cheque functions use them: the data table of shared/cheques, and a
 * warning logged ONCE per school year (per process) when a year has no data of its own and borrows the
 * latest known year's rules (R-CHQ-5, provisional), so operators see that new data is due.
 */
import { rulesFor as tableRulesFor, type ChequeEntitlementRules } from '../../shared/cheques/entitlement-rules';
import { logger } from '../observability/logger';

export type RulesLookup = (schoolYear: string) => ChequeEntitlementRules | undefined;

export interface ProvisionalLog {
  warn(message: string, details: Record<string, unknown>): void;
}

/** Wraps a lookup so that the first use of each provisional school year is logged. */
export function loggingProvisional(lookup: RulesLookup, log: ProvisionalLog): RulesLookup {
  const logged = new Set<string>();
  return (schoolYear) => {
    const rules = lookup(schoolYear);
    if (rules?.provisional && !logged.has(schoolYear)) {
      logged.add(schoolYear);
      log.warn('cheque rules provisional: school year has no rule data of its own', {
        code: 'R-CHQ-5', schoolYear, basedOn: rules.provisional.basedOn,
      });
    }
    return rules;
  };
}

/** The default lookup of every cheque use case and route. */
export const configuredRulesFor: RulesLookup = loggingProvisional(tableRulesFor, logger);
