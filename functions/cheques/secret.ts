/**
 * A secret the cheque area needs (RRN_HMAC_SECRET, ISSUER_WEBHOOK_SECRET): locally the value itself is in
 * the environment (the local stack generates it); in AWS the environment names the secret with
 * `<NAME>_ARN` (infra/cdk AppFunction.bindSecret) and the value is fetched once, at cold start, from
 * Secrets Manager. The value is never logged.
 *
 * The Secrets Manager client is loaded by name at run time: it is not a dependency of this package yet,
 * and the Lambda Node.js runtime ships it. Adding `@aws-sdk/client-secrets-manager` would let esbuild
 * bundle a pinned version instead.
 */
interface SecretsManagerModule {
  SecretsManagerClient: new (config: Record<string, never>) => { send(command: unknown): Promise<{ SecretString?: string }> };
  GetSecretValueCommand: new (input: { SecretId: string }) => unknown;
}

const SECRETS_MANAGER = '@aws-sdk/client-secrets-manager';

export async function resolveSecret(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const value = env[name];
  if (value !== undefined && value !== '') return value;
  const arn = env[`${name}_ARN`];
  if (arn === undefined || arn === '') throw new Error(`Invalid environment: ${name} or ${name}_ARN is required`);
  const sdk = (await import(SECRETS_MANAGER)) as SecretsManagerModule;
  const result = await new sdk.SecretsManagerClient({}).send(new sdk.GetSecretValueCommand({ SecretId: arn }));
  if (result.SecretString === undefined || result.SecretString === '') throw new Error(`Secret ${name}_ARN has no string value`);
  return result.SecretString;
}
