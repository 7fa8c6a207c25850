import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { secretsManager } from './aws-clients';

/** The string value of a Secrets Manager secret (functions/config/secrets.ts decides when to ask). */
export async function secretString(arn: string, name: string): Promise<string> {
  const result = await secretsManager().send(new GetSecretValueCommand({ SecretId: arn }));
  if (!result.SecretString) throw new Error(`Secret ${name}_ARN has no string value`);
  return result.SecretString;
}
