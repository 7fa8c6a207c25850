/**
 * The LOCAL sign-in page of the local auth issuer (only in the local stack; in AWS the configured OIDC
 * provider signs workers in). It asks a national register number, validates it (shared/cheques/rrn.ts)
 * and returns a worker token signed by the local issuer to `redirect_uri`, in the URL fragment
 * (`#access_token=…&token_type=Bearer&expires_in=…&state=…`, as the OAuth implicit flow does), so the
 * token never reaches a server log. Only loopback redirect targets are accepted.
 *
 *   GET  /local-auth/sign-in?redirect_uri=<url>&state=<opaque>   the form
 *   POST /local-auth/sign-in                                       form post: rrn, redirect_uri, state
 */
import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidRrn, normalizeRrn } from '../../shared/cheques/rrn';
import { escapeHtml } from '../../shared/text/html';
import type { LocalIssuer } from './auth';
import type { ExtraRoute } from './gateway';
import { guardRoutes } from './request-guard';

export const SIGN_IN_PATH = '/local-auth/sign-in';
const TOKEN_SECONDS = 8 * 3600;


/** Only http(s) targets on this machine: a local issuer must not hand tokens to another host. */
export function isAllowedRedirect(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

interface FormState {
  redirectUri: string;
  state: string;
  rrn?: string;
  error?: string;
}

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
<form method="post" action="${SIGN_IN_PATH}" novalidate>
  <input type="hidden" name="redirect_uri" value="${escapeHtml(form.redirectUri)}">
  <input type="hidden" name="state" value="${escapeHtml(form.state)}">
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

const badRedirect = (res: ServerResponse) =>
  sendHtml(res, 400, '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Ongeldige terugkeer-URL</title></head>' +
    '<body><main><h1>Ongeldige terugkeer-URL</h1><p>De lokale aanmeldpagina stuurt alleen terug naar een adres op deze computer (127.0.0.1 of localhost).</p></main></body></html>');

/** A stable subject per person without the number in it (keyed hash, as the API keys workers). */
function subjectOf(rrn: string): string {
  const secret = process.env.RRN_HMAC_SECRET ?? 'local-sign-in';
  return `worker-${createHmac('sha256', secret).update(rrn).digest('hex').slice(0, 20)}`;
}

export function signInRoutes(issuer: LocalIssuer): ExtraRoute[] {
  return guardRoutes('sign-in', [
    {
      method: 'GET',
      path: SIGN_IN_PATH,
      handle: (req: IncomingMessage, res: ServerResponse) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const redirectUri = url.searchParams.get('redirect_uri');
        if (!isAllowedRedirect(redirectUri)) return badRedirect(res);
        sendHtml(res, 200, signInPage({ redirectUri, state: url.searchParams.get('state') ?? '' }));
      },
    },
    {
      method: 'POST',
      path: SIGN_IN_PATH,
      handle: async (_req: IncomingMessage, res: ServerResponse, body: Buffer) => {
        const form = new URLSearchParams(body.toString('utf8'));
        const redirectUri = form.get('redirect_uri');
        const state = form.get('state') ?? '';
        if (!isAllowedRedirect(redirectUri)) return badRedirect(res);
        const input = (form.get('rrn') ?? '').trim();
        const rrn = normalizeRrn(input);
        if (input === '' || !rrn || !isValidRrn(rrn)) {
          const error = input === ''
            ? 'Vul uw rijksregisternummer in.'
            : !rrn
              ? 'Een rijksregisternummer heeft 11 cijfers.'
              : 'Dit rijksregisternummer klopt niet: het controlegetal is fout. Kijk het na.';
          return sendHtml(res, 400, signInPage({ redirectUri, state, rrn: input, error }));
        }
        const token = await issuer.sign({ sub: subjectOf(rrn), roles: ['worker'], rrn }, TOKEN_SECONDS);
        const fragment = new URLSearchParams({ access_token: token, token_type: 'Bearer', expires_in: String(TOKEN_SECONDS), state });
        const target = new URL(redirectUri);
        target.hash = fragment.toString();
        res.writeHead(303, { location: target.toString(), 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }).end();
      },
    },
  ]);
}
