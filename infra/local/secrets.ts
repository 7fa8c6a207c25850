import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Local stand-ins for the secrets AWS keeps in Secrets Manager: created once, kept under the data folder. */
export interface LocalSecrets {
  rrnHmacSecret: string;
  issuerWebhookSecret: string;
}

export function loadOrCreateSecrets(file: string): LocalSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const secrets: LocalSecrets = {
    rrnHmacSecret: randomBytes(32).toString('base64url'),
    issuerWebhookSecret: randomBytes(32).toString('base64url'),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
