import { formatEuro } from '../../../shared/cheques/money';
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

const dateFormat = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeZone: 'UTC' });

/** R-CHQ-7: the cheques were delivered electronically. */
export function chequeDeliveredMail(data: ChequeDeliveredMail): Mail {
  return composeMail([data.to], 'Uw opleidingscheques zijn geleverd', [
    `Beste ${data.firstName},`,
    `De uitgever heeft uw opleidingscheques voor ${formatEuro(data.amountCents)} (aanvraag ${data.requestId}, opleiding ${data.odbNumber}) ` +
      'elektronisch geleverd.',
    `De cheques zijn geldig tot en met ${dateFormat.format(new Date(`${data.expiryDate}T00:00:00Z`))}. ` +
      'Wat u tegen dan niet gebruikt, wordt automatisch terugbetaald en komt weer vrij in uw budget.',
  ]);
}
