import type { OutboxKind, OutboxMessage } from './outbox';
import { sendMail } from '../adapters/ses-mailer';
import { deliverIssuerOrder } from './deliver-issuer-order';

export interface DeliveryEnv {
  MAIL_FROM: string;
  CHEQUES_MAIL_FROM?: string | undefined;
  SES_CONFIGURATION_SET?: string | undefined;
}

/** How each kind of outbox message is delivered; returns a receipt (e.g. the SES message id). */
export type Deliverer<K extends OutboxKind> = (message: Extract<OutboxMessage, { kind: K }>, env: DeliveryEnv, id: string) => Promise<string>;

export const deliverers: { [K in OutboxKind]?: Deliverer<K> } = {
  mail: (message, env) =>
    sendMail(message.mail.sender === 'cheques' ? (env.CHEQUES_MAIL_FROM ?? env.MAIL_FROM) : env.MAIL_FROM, message.mail, env.SES_CONFIGURATION_SET),
  'issuer-order': deliverIssuerOrder,
};
