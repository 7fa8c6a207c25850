/** What every cheque mail names: the worker, the request's short reference, the training and the amount. */
export interface ChequeMailBase {
  to: string;
  firstName: string;
  requestId: string;
  odbNumber: string;
  /** Title and provider as registered when the request was made; null when no training had the number. */
  training: { title: string; providerName: string } | null;
  amountCents: number;
}

/** Cheque mails come from the cheques service (CHEQUES_MAIL_FROM) and sign as it. */
export const CHEQUES_SENDER = { sender: 'cheques' } as const;

export const FOLLOW_UP = 'U volgt uw aanvragen op de website, op de pagina "Opleidingscheques aanvragen", waar u ook een bewijs van uw aanvraag en de beslissing kunt downloaden.';
