import { secretString } from '../adapters/secrets-manager';

/**
 * A secret a handler needs (RRN_HMAC_SECRET, ISSUER_WEBHOOK_SECRET). Locally the value itself is in the
 * environment (the local stack generates it once); in AWS the environment names the secret with
 * `<NAME>_ARN` (infra/cdk `bindSecret`) and the value is fetched once per cold start from Secrets
 * Manager (functions/adapters/secrets-manager.ts) — it never appears in a template or an environment
 * variable. The value is never logged.
 */
const cache = new Map<string, Promise<string>>();

export function resolveSecret(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const value = env[name];
  if (value !== undefined && value !== '') return Promise.resolve(value);
  const arn = env[`${name}_ARN`];
  if (arn === undefined || arn === '') return Promise.reject(new Error(`Invalid environment: ${name} or ${name}_ARN is required`));
  let pending = cache.get(arn);
  if (!pending) {
    pending = secretString(arn, name);
    pending.catch(() => cache.delete(arn));
    cache.set(arn, pending);
  }
  return pending;
}
