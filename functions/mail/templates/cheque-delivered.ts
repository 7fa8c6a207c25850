import { formatEuro } from '../../../shared/cheques/money';
import { dutchDate } from '../../../shared/time/calendar';
import { composeMail, type Mail } from '../mail';

export interface ChequeDeliveredMail {
  to: string;
  firstName: string;
  requestId: string;
  odbNumber: string;
  amountCents: number;
  /** YYYY-MM-DD */
  expiryDate: string;
}

/** R-CHQ-7: the cheques were delivered electronically. */
export function chequeDeliveredMail(data: ChequeDeliveredMail): Mail {
  return composeMail([data.to], 'Uw opleidingscheques zijn geleverd', [
    `Beste ${data.firstName},`,
    `De uitgever heeft uw opleidingscheques voor ${formatEuro(data.amountCents)} (aanvraag ${data.requestId}, opleiding ${data.odbNumber}) ` +
      'elektronisch geleverd.',
    `De cheques zijn geldig tot en met ${dutchDate(data.expiryDate)}. ` +
      'Wat u tegen dan niet gebruikt, wordt automatisch terugbetaald en komt weer vrij in uw budget.',
  ]);
}
