import type { Organisation } from '../organisations/organisation';
import { REFERENCE_DATA } from '../reference/reference-data';
import type { RegistrationStatus } from '../registrations/registration';
import type { IsoDate } from '../time/calendar';
import type { Application } from './application';
import { claimsHeldByOthers, type ClaimState } from './claims';
import type { CheckContext } from './check-context';

/** What a check or submit reads before judging an application (each read O(1) in the portfolio). */
export interface CheckInputs {
  organisation: Pick<Organisation, 'lms' | 'lmsDocument'> | null;
  claims: ClaimState;
  /** R-REG-2: the registration `replacesOdbNumber` names (null: none found); undefined when it names none. */
  replacedRegistration?: { providerKbo: string; status: RegistrationStatus } | null;
}

/** The context of `checkApplication` for this application on `today` (Brussels date). */
export function checkContextFor(app: Application, inputs: CheckInputs, today: IsoDate): CheckContext {
  const heldByOthers = claimsHeldByOthers(app, inputs.claims);
  return {
    today,
    organisation: inputs.organisation,
    documents: app.documents,
    reference: REFERENCE_DATA,
    ownReferencesInUse: heldByOthers.filter((claim) => claim.kind === 'ownReference').map((claim) => claim.value),
    languageInUse: heldByOthers.some((claim) => claim.kind === 'language'),
    providerKbo: app.orgKbo,
    ...(inputs.replacedRegistration === undefined ? {} : { replacedRegistration: inputs.replacedRegistration }),
  };
}
