import { formatEuro } from '../../../shared/cheques/money';
import { requestReference, trainingLabel } from '../../../shared/cheques/reference';
import { composeMail, type Mail } from '../mail';
import { CHEQUES_SENDER, FOLLOW_UP, type ChequeMailBase } from './cheque-common';

export interface ChequeRejectedMail extends ChequeMailBase {
  /** Every reason; only the Dutch message is shown (the rule code stays in the API). */
  reasons: Array<{ message: string }>;
}

/** R-CHQ-1…6: a refused request, with every reason in plain words. */
export function chequeRejectedMail(data: ChequeRejectedMail): Mail {
  return composeMail([data.to], 'Uw aanvraag van opleidingscheques is geweigerd', [
    `Beste ${data.firstName},`,
    `Uw aanvraag ${requestReference(data.requestId)} van opleidingscheques voor ${formatEuro(data.amountCents)} voor ` +
      `${trainingLabel(data.odbNumber, data.training)} kan niet worden goedgekeurd, om deze reden(en):`,
    data.reasons.map((reason) => reason.message),
    'Er werd niets van uw budget gebruikt. U kunt een nieuwe aanvraag indienen die wel aan de voorwaarden voldoet.',
    FOLLOW_UP,
  ], CHEQUES_SENDER);
}
