import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { Mail } from '../mail/mail';

let client: SESClient | undefined;

/** Sends one mail through SES (v1 SendEmail); returns the SES message id. */
export async function sendMail(from: string, mail: Mail, configurationSet?: string): Promise<string> {
  client ??= new SESClient({});
  const result = await client.send(new SendEmailCommand({
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
