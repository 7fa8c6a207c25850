import { formatEuro } from '../../../shared/cheques/money';
import { composeMail, type Mail } from '../mail';

export interface ChequeSubmittedMail {
  to: string;
  firstName: string;
  requestId: string;
  odbNumber: string;
  amountCents: number;
  schoolYear: string;
}

/** R-CHQ-7: confirmation that a cheque request was received. */
export function chequeSubmittedMail(data: ChequeSubmittedMail): Mail {
  return composeMail([data.to], 'Uw aanvraag van opleidingscheques is ontvangen', [
    `Beste ${data.firstName},`,
    `Wij ontvingen uw aanvraag van opleidingscheques voor ${formatEuro(data.amountCents)} voor de opleiding ${data.odbNumber} ` +
      `(schooljaar ${data.schoolYear}). Het nummer van uw aanvraag is ${data.requestId}.`,
    'U krijgt meteen een tweede e-mail met de beslissing. U kunt uw aanvraag ook altijd volgen op de website, bij "Opleidingscheques".',
  ]);
}
