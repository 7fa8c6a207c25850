import { formatEuro } from '../../../shared/cheques/money';
import { requestReference, trainingLabel } from '../../../shared/cheques/reference';
import { composeMail, type Mail } from '../mail';
import { CHEQUES_SENDER, FOLLOW_UP, type ChequeMailBase } from './cheque-common';

export interface ChequeSubmittedMail extends ChequeMailBase {
  schoolYear: string;
}

/** R-CHQ-7: confirmation that a cheque request was received. */
export function chequeSubmittedMail(data: ChequeSubmittedMail): Mail {
  return composeMail([data.to], 'Uw aanvraag van opleidingscheques is ontvangen', [
    `Beste ${data.firstName},`,
    `Wij ontvingen uw aanvraag van opleidingscheques voor ${formatEuro(data.amountCents)} voor ${trainingLabel(data.odbNumber, data.training)}, ` +
      `schooljaar ${data.schoolYear}. De referentie van uw aanvraag is ${requestReference(data.requestId)}.`,
    'U krijgt meteen een tweede e-mail met de beslissing.',
    FOLLOW_UP,
  ], CHEQUES_SENDER);
}
