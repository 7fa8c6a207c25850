import { formatEuro } from '../../../shared/cheques/money';
import { requestReference, trainingLabel } from '../../../shared/cheques/reference';
import { composeMail, type Mail } from '../mail';
import { CHEQUES_SENDER, type ChequeMailBase } from './cheque-common';

export interface ChequeCancelledMail extends ChequeMailBase {
  contributionCents: number;
  /** `unpaid`: the contribution was not paid in time (job); `worker`: the worker cancelled. */
  cause: 'unpaid' | 'worker';
  /** True when the issuer had received an order and was told to cancel it. */
  issuerTold: boolean;
}

/** R-CHQ-7: a request cancelled, by the worker or because the personal contribution stayed unpaid. */
export function chequeCancelledMail(data: ChequeCancelledMail): Mail {
  const reference = requestReference(data.requestId);
  const training = trainingLabel(data.odbNumber, data.training);
  const why = data.cause === 'unpaid'
    ? `Uw persoonlijke bijdrage van ${formatEuro(data.contributionCents)} voor aanvraag ${reference} (${training}) ` +
      'werd niet op tijd betaald. Daarom is de aanvraag geannuleerd.'
    : `U hebt uw aanvraag ${reference} van opleidingscheques voor ${training} geannuleerd.`;
  const paragraphs = [
    `Beste ${data.firstName},`,
    why,
    `Het bedrag van ${formatEuro(data.amountCents)} is weer vrij in uw budget. U kunt een nieuwe aanvraag indienen.`,
  ];
  if (data.issuerTold) {
    paragraphs.push('Wij hebben de uitgever van de opleidingscheques gevraagd de bestelling te schrappen. Betaal een eventuele betaalopdracht voor deze aanvraag niet meer.');
  }
  return composeMail([data.to], 'Uw aanvraag van opleidingscheques is geannuleerd', paragraphs, CHEQUES_SENDER);
}
