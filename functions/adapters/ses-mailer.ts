import { SendEmailCommand } from '@aws-sdk/client-ses';
import { ses } from './aws-clients';
import type { Mail } from '../mail/mail';

/** Sends one mail through SES (v1 SendEmail); returns the SES message id. */
export async function sendMail(from: string, mail: Mail, configurationSet?: string): Promise<string> {
  const result = await ses().send(new SendEmailCommand({
    Source: from,
    Destination: { ToAddresses: mail.to },
    Message: {
      Subject: { Data: mail.subject, Charset: 'UTF-8' },
      Body: { Text: { Data: mail.text, Charset: 'UTF-8' }, Html: { Data: mail.html, Charset: 'UTF-8' } },
    },
    ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
  }));
  return result.MessageId ?? '';
}

/**
 * SES answers that no retry can fix: the message or an address is rejected, the sender or the
 * configuration set does not exist. (Throttling, `AccountSendingPaused` and 5xx are transient.)
 */
const PERMANENT_SES_ERRORS = new Set([
  'MessageRejected', 'InvalidParameterValue', 'MailFromDomainNotVerifiedException', 'MailFromDomainNotVerified',
  'ConfigurationSetDoesNotExistException', 'ConfigurationSetDoesNotExist',
]);

export const isPermanentMailError = (error: unknown): boolean =>
  error instanceof Error && PERMANENT_SES_ERRORS.has(error.name);
