import { formatEuro } from '../../../shared/cheques/money';
import { requestReference, trainingLabel } from '../../../shared/cheques/reference';
import { dutchDate } from '../../../shared/time/calendar';
import { composeMail, type Mail } from '../mail';
import { CHEQUES_SENDER, type ChequeMailBase } from './cheque-common';

export interface ChequeDeliveredMail extends ChequeMailBase {
  /** YYYY-MM-DD */
  expiryDate: string;
}

/** R-CHQ-7: the cheques were delivered electronically. */
export function chequeDeliveredMail(data: ChequeDeliveredMail): Mail {
  return composeMail([data.to], 'Uw opleidingscheques zijn geleverd', [
    `Beste ${data.firstName},`,
    `De uitgever heeft uw opleidingscheques voor ${formatEuro(data.amountCents)} voor ${trainingLabel(data.odbNumber, data.training)} ` +
      `elektronisch geleverd (aanvraag ${requestReference(data.requestId)}).`,
    `De cheques zijn geldig tot en met ${dutchDate(data.expiryDate)}. ` +
      'Wat u tegen dan niet gebruikt, wordt automatisch terugbetaald en komt weer vrij in uw budget.',
  ], CHEQUES_SENDER);
}
