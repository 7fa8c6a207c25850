/**
 * The LOCAL OpenID Connect provider for workers (only in the local stack; in AWS the configured OIDC
 * provider signs workers in). It implements the authorization code flow with PKCE (S256), `state` and
 * `nonce`, exactly as the worker page uses a real provider, so the page's code is the same locally and
 * in AWS (issue 12):
 *
 *   GET  /local-auth/.well-known/openid-configuration   discovery document
 *   GET  /local-auth/authorize?response_type=code&client_id&redirect_uri&scope&state&nonce&code_challenge&code_challenge_method=S256
 *                                                       the sign-in form (national register number, validated)
 *   POST /local-auth/authorize                          form post → 303 to redirect_uri?code=…&state=…
 *   POST /local-auth/token                              grant_type=authorization_code, code, redirect_uri, client_id,
 *                                                       code_verifier → { access_token, id_token, token_type, expires_in }
 *
 * Codes are single-use, live 60 seconds and are bound to the client, the redirect URI and the code
 * challenge. Only loopback redirect targets are accepted; the token never appears in a URL.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidRrn, normalizeRrn } from '../../shared/cheques/rrn';
import { escapeHtml } from '../../shared/text/html';
import { localWorkerSubject, type LocalIssuer, type TokenClaims } from './auth';
import type { ExtraRoute } from './gateway';
import { guardRoutes } from './request-guard';

export const AUTHORIZE_PATH = '/local-auth/authorize';
export const TOKEN_PATH = '/local-auth/token';
export const DISCOVERY_PATH = '/local-auth/.well-known/openid-configuration';
/** The client id of the worker page (PUBLIC_OIDC_CLIENT_ID); the local provider knows only this client. */
export const LOCAL_CLIENT_ID = 'cheques-site';
const TOKEN_SECONDS = 8 * 3600;
const CODE_SECONDS = 60;
const CHALLENGE = /^[A-Za-z0-9_-]{43,128}$/;

/** Only http(s) targets on this machine: a local issuer must not hand codes to another host. */
export function isAllowedRedirect(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/** The parameters of an authorization request that the form carries through. */
export interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  nonce: string;
  codeChallenge: string;
}

interface FormState extends AuthorizeParams {
  rrn?: string;
  error?: string;
}

/** What is wrong with an authorization request (Dutch, for the developer who wires a client), or undefined. */
export function authorizeProblem(query: URLSearchParams): string | undefined {
  if (query.get('response_type') !== 'code') return 'Alleen response_type=code wordt ondersteund (authorization code flow).';
  if (query.get('client_id') !== LOCAL_CLIENT_ID) return `Onbekende client_id; de lokale aanmelding kent alleen "${LOCAL_CLIENT_ID}".`;
  if (!(query.get('scope') ?? '').split(' ').includes('openid')) return 'De scope moet openid bevatten.';
  if (query.get('code_challenge_method') !== 'S256' || !CHALLENGE.test(query.get('code_challenge') ?? '')) return 'PKCE is verplicht: code_challenge met code_challenge_method=S256.';
  if (!query.get('state')) return 'De parameter state ontbreekt.';
  if (!query.get('nonce')) return 'De parameter nonce ontbreekt.';
  return undefined;
}

const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;

export function signInPage(form: FormState): string {
  const invalid = form.error !== undefined;
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${invalid ? 'Fout: ' : ''}Aanmelden als werknemer (lokale test) | Opleidingscheques</title>
<style>
  body { font-family: Arial, Helvetica, sans-serif; margin: 0; color: #1f1f1f; background: #fff; line-height: 1.5; }
  .local-banner { background: #5c3c00; color: #fff; padding: .75rem 1rem; font-weight: bold; margin: 0; }
  main { max-width: 34rem; margin: 2rem auto; padding: 0 1rem; }
  label { display: block; font-weight: bold; margin-top: 1rem; }
  input { font-size: 1.125rem; padding: .5rem; width: 100%; box-sizing: border-box; border: 2px solid #333; border-radius: 4px; }
  input[aria-invalid="true"] { border-color: #b00020; }
  .hint { color: #444; margin: .25rem 0 0; }
  .error { color: #b00020; font-weight: bold; margin: .25rem 0 0; }
  button { margin-top: 1.25rem; font-size: 1.125rem; padding: .6rem 1.25rem; background: #0b4f8a; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  button:focus-visible, input:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
</style>
</head>
<body>
<header><p class="local-banner" role="note">Lokale testomgeving — dit is geen echte aanmelding. Gebruik nooit echte persoonsgegevens.</p></header>
<main>
<h1>Aanmelden als werknemer (lokaal)</h1>
<p>Op het echte platform meldt u zich aan met eID of itsme. Hier, in de lokale testomgeving, volstaat een geldig rijksregisternummer.</p>
${invalid ? `<div role="alert"><p class="error" id="rrn-error">${escapeHtml(form.error ?? '')}</p></div>` : ''}
<form method="post" action="${AUTHORIZE_PATH}" novalidate>
  ${hidden('client_id', form.clientId)}
  ${hidden('redirect_uri', form.redirectUri)}
  ${hidden('scope', form.scope)}
  ${hidden('state', form.state)}
  ${hidden('nonce', form.nonce)}
  ${hidden('code_challenge', form.codeChallenge)}
  <label for="rrn">Rijksregisternummer</label>
  <p class="hint" id="rrn-hint">11 cijfers, bijvoorbeeld 85.07.30-033.28 of 85073003328.</p>
  <input id="rrn" name="rrn" type="text" inputmode="numeric" autocomplete="off" required
    aria-describedby="rrn-hint${invalid ? ' rrn-error' : ''}"${invalid ? ' aria-invalid="true" autofocus' : ''}
    value="${escapeHtml(form.rrn ?? '')}">
  <button type="submit">Aanmelden</button>
</form>
</main>
</body>
</html>`;
}

function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  }).end(html);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', pragma: 'no-cache' }).end(JSON.stringify(body));
}

const badRequestPage = (res: ServerResponse, detail: string) =>
  sendHtml(res, 400, '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Ongeldige aanmeldaanvraag</title></head>' +
    `<body><main><h1>Ongeldige aanmeldaanvraag</h1><p>${escapeHtml(detail)}</p></main></body></html>`);

const base64url = (buffer: Buffer) => buffer.toString('base64url');

/** The PKCE S256 challenge of a verifier (RFC 7636). */
export function s256(verifier: string): string {
  return base64url(createHash('sha256').update(verifier, 'ascii').digest());
}

interface IssuedCode extends AuthorizeParams {
  rrn: string;
  expiresAt: number;
}

function paramsOf(source: URLSearchParams): AuthorizeParams {
  return {
    clientId: source.get('client_id') ?? '',
    redirectUri: source.get('redirect_uri') ?? '',
    scope: source.get('scope') ?? '',
    state: source.get('state') ?? '',
    nonce: source.get('nonce') ?? '',
    codeChallenge: source.get('code_challenge') ?? '',
  };
}

export interface SignInOptions {
  /** Keys the local `sub` (RRN_HMAC_SECRET), as the API keys workers. */
  subjectSecret: string;
  now?: () => number;
}

export function signInRoutes(issuer: LocalIssuer, options: SignInOptions): ExtraRoute[] {
  const codes = new Map<string, IssuedCode>();
  const now = options.now ?? Date.now;
  const discovery = {
    issuer: issuer.issuer,
    authorization_endpoint: `${issuer.issuer}/authorize`,
    token_endpoint: `${issuer.issuer}/token`,
    jwks_uri: `${issuer.issuer}/jwks.json`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [issuer.jwks.keys[0]?.alg ?? 'RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: ['openid'],
  };
  return guardRoutes('sign-in', [
    {
      method: 'GET',
      path: DISCOVERY_PATH,
      handle: (_req: IncomingMessage, res: ServerResponse) => sendJson(res, 200, discovery),
    },
    {
      method: 'GET',
      path: AUTHORIZE_PATH,
      handle: (req: IncomingMessage, res: ServerResponse) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        // The redirect target is checked first: an error must never be sent to a foreign host.
        if (!isAllowedRedirect(url.searchParams.get('redirect_uri'))) {
          return badRequestPage(res, 'De lokale aanmelding stuurt alleen terug naar een adres op deze computer (127.0.0.1 of localhost).');
        }
        const problem = authorizeProblem(url.searchParams);
        if (problem) return badRequestPage(res, problem);
        sendHtml(res, 200, signInPage(paramsOf(url.searchParams)));
      },
    },
    {
      method: 'POST',
      path: AUTHORIZE_PATH,
      handle: async (_req: IncomingMessage, res: ServerResponse, body: Buffer) => {
        const form = new URLSearchParams(body.toString('utf8'));
        const params = paramsOf(form);
        if (!isAllowedRedirect(params.redirectUri)) return badRequestPage(res, 'Ongeldige terugkeer-URL.');
        const problem = authorizeProblem(new URLSearchParams({
          response_type: 'code', client_id: params.clientId, scope: params.scope, code_challenge_method: 'S256',
          code_challenge: params.codeChallenge, state: params.state, nonce: params.nonce,
        }));
        if (problem) return badRequestPage(res, problem);
        const input = (form.get('rrn') ?? '').trim();
        const rrn = normalizeRrn(input);
        if (input === '' || !rrn || !isValidRrn(rrn)) {
          const error = input === ''
            ? 'Vul uw rijksregisternummer in.'
            : !rrn
              ? 'Een rijksregisternummer heeft 11 cijfers.'
              : 'Dit rijksregisternummer klopt niet: het controlegetal is fout. Kijk het na.';
          return sendHtml(res, 400, signInPage({ ...params, rrn: input, error }));
        }
        for (const [key, issued] of codes) if (issued.expiresAt <= now()) codes.delete(key);
        const code = base64url(randomBytes(32));
        codes.set(code, { ...params, rrn, expiresAt: now() + CODE_SECONDS * 1000 });
        const target = new URL(params.redirectUri);
        target.searchParams.set('code', code);
        target.searchParams.set('state', params.state);
        res.writeHead(303, { location: target.toString(), 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }).end();
      },
    },
    {
      method: 'POST',
      path: TOKEN_PATH,
      handle: async (_req: IncomingMessage, res: ServerResponse, body: Buffer) => {
        // The page calls the token endpoint from its own origin (a public client): answer any loopback origin.
        const origin = _req.headers.origin;
        if (typeof origin === 'string' && isAllowedRedirect(origin)) {
          res.setHeader('access-control-allow-origin', origin);
          res.setHeader('vary', 'origin');
        }
        const form = new URLSearchParams(body.toString('utf8'));
        const invalidGrant = (description: string) => sendJson(res, 400, { error: 'invalid_grant', error_description: description });
        if (form.get('grant_type') !== 'authorization_code') {
          return sendJson(res, 400, { error: 'unsupported_grant_type', error_description: 'Only authorization_code.' });
        }
        const code = form.get('code') ?? '';
        const issued = codes.get(code);
        codes.delete(code); // single use, also when the rest is wrong
        if (!issued || issued.expiresAt <= now()) return invalidGrant('Unknown, used or expired code.');
        if (form.get('client_id') !== issued.clientId || form.get('redirect_uri') !== issued.redirectUri) {
          return invalidGrant('client_id or redirect_uri does not match the authorization request.');
        }
        const verifier = form.get('code_verifier') ?? '';
        if (!CHALLENGE.test(verifier) || s256(verifier) !== issued.codeChallenge) return invalidGrant('PKCE verification failed.');
        const sub = localWorkerSubject(options.subjectSecret, issued.rrn);
        const accessToken = await issuer.sign({ sub, roles: ['worker'], rrn: issued.rrn }, TOKEN_SECONDS);
        const idClaims: TokenClaims & { nonce: string } = { sub, roles: [], nonce: issued.nonce };
        const idToken = await issuer.sign(idClaims, TOKEN_SECONDS);
        sendJson(res, 200, { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: TOKEN_SECONDS, scope: issued.scope });
      },
    },
  ]);
}
