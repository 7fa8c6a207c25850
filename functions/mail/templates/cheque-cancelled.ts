import { formatEuro } from '../../../shared/cheques/money';
import { composeMail, type Mail } from '../mail';

export interface ChequeCancelledMail {
  to: string;
  firstName: string;
  requestId: string;
  odbNumber: string;
  amountCents: number;
  contributionCents: number;
}

/** R-CHQ-7: a request cancelled because the personal contribution stayed unpaid. */
export function chequeCancelledMail(data: ChequeCancelledMail): Mail {
  return composeMail([data.to], 'Uw aanvraag van opleidingscheques is geannuleerd', [
    `Beste ${data.firstName},`,
    `Uw persoonlijke bijdrage van ${formatEuro(data.contributionCents)} voor aanvraag ${data.requestId} (opleiding ${data.odbNumber}) ` +
      'werd niet op tijd betaald. Daarom is de aanvraag geannuleerd.',
    `Het bedrag van ${formatEuro(data.amountCents)} is weer vrij in uw budget. U kunt een nieuwe aanvraag indienen.`,
  ]);
}
