import { formatEuro } from '../../../shared/cheques/money';
import { composeMail, type Mail } from '../mail';

export interface ChequeRejectedMail {
  to: string;
  firstName: string;
  requestId: string;
  odbNumber: string;
  amountCents: number;
  /** Every reason, in Dutch, with its rule id. */
  reasons: Array<{ code: string; message: string }>;
}

/** R-CHQ-1…6: a refused request, with every reason. */
export function chequeRejectedMail(data: ChequeRejectedMail): Mail {
  return composeMail([data.to], 'Uw aanvraag van opleidingscheques is geweigerd', [
    `Beste ${data.firstName},`,
    `Uw aanvraag ${data.requestId} van opleidingscheques voor ${formatEuro(data.amountCents)} voor de opleiding ${data.odbNumber} ` +
      'kan niet worden goedgekeurd, om deze reden(en):',
    data.reasons.map((reason) => `${reason.message} (${reason.code})`),
    'Er werd niets van uw budget gebruikt. U kunt een nieuwe aanvraag indienen die wel aan de voorwaarden voldoet.',
  ]);
}
