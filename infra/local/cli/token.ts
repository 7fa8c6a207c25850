import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { localIssuer, localWorkerSubject, parseDuration } from '../auth';
import { loadOrCreateSecrets } from '../secrets';
import { dataDirFromEnv, readStackInfo } from './stack-info';

/**
 * Prints a token of the local issuer:
 *   npm run token -- --role provider --org 0403170701
 *   npm run token -- --role worker --rrn 85073003328
 *   npm run token -- --role backoffice [--expires-in 12h] [--sub someone] [--audience other]
 */
const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true },
    org: { type: 'string' },
    rrn: { type: 'string' },
    sub: { type: 'string' },
    email: { type: 'string' },
    'expires-in': { type: 'string', default: '12h' },
    audience: { type: 'string' },
  },
});

const roles = values.role ?? [];
const usage = 'usage: npm run token -- --role provider --org <KBO> | --role worker --rrn <11 digits> | --role backoffice [--expires-in 12h]';
if (!roles.length || roles.some((role) => !['provider', 'worker', 'backoffice'].includes(role))) {
  console.error(usage);
  process.exit(2);
}
if (roles.includes('provider') && !values.org) { console.error(`--role provider needs --org <KBO number>\n${usage}`); process.exit(2); }
if (roles.includes('worker') && !values.rrn) { console.error(`--role worker needs --rrn <national register number>\n${usage}`); process.exit(2); }

const dataDir = dataDirFromEnv();
const info = readStackInfo(dataDir);
const issuerUrl = info?.issuer ?? `http://127.0.0.1:${process.env.API_PORT ?? 3000}/local-auth`;
const issuer = await localIssuer({ keyFile: join(dataDir, 'auth', 'signing-key.json'), issuer: issuerUrl, ...(values.audience ? { audience: values.audience } : {}) });
const rrnSecret = () => info?.env?.RRN_HMAC_SECRET ?? loadOrCreateSecrets(join(dataDir, 'secrets.json')).rrnHmacSecret;
// Unique per person: a worker's subject is the keyed hash of the number, as on the sign-in page.
const sub = values.sub ?? (values.org ? `provider-${values.org}` : values.rrn ? localWorkerSubject(rrnSecret(), values.rrn) : `backoffice-local`);
const token = await issuer.sign({
  sub, roles,
  ...(values.org ? { org: values.org } : {}),
  ...(values.rrn ? { rrn: values.rrn } : {}),
  ...(values.email ? { email: values.email } : {}),
}, parseDuration(values['expires-in']));
console.log(token);
