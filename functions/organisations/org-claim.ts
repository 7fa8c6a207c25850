import { isValidKbo } from '../../shared/organisations/kbo';
import { forbidden } from '../../shared/http/problem';
import type { Claims } from '../http/claims';

/** R-ORG-1: provider routes act for the organisation in the token's `org` claim (a valid KBO number). */
export function organisationOf(claims: Claims): string {
  const org = claims.org;
  if (!org || !isValidKbo(org)) {
    throw forbidden('Uw aanmelding hoort bij geen (geldig) ondernemingsnummer: vraag de rol organisatieverantwoordelijke opleidingsdatabank aan voor uw organisatie.');
  }
  return org;
}
