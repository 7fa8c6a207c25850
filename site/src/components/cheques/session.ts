/**
 * The worker's session: OpenID Connect authorization code flow with PKCE (S256), `state` and `nonce`
 * (issue 12). The identity provider is found through its discovery document, so the same code runs
 * against the local issuer (infra/local/sign-in.ts) and the configured provider in AWS. Tokens live in
 * sessionStorage only (gone when the tab closes; never localStorage); sign-out removes them.
 */

export interface OidcConfig {
  /** Issuer URL; `${issuer}/.well-known/openid-configuration` is its discovery document. */
  issuer: string;
  clientId: string;
  /** Space-separated, `openid` included. */
  scopes: string;
  /** This page, without query or fragment. */
  redirectUri: string;
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
}

interface PendingFlow {
  state: string;
  nonce: string;
  verifier: string;
}

const TOKEN_KEY = 'cheques.token';
const FLOW_KEY = 'cheques.flow';

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function randomString(byteCount = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery ${response.status}`);
  const document = (await response.json()) as Partial<Discovery>;
  if (!document.authorization_endpoint || !document.token_endpoint || !document.issuer) throw new Error('incomplete discovery document');
  return document as Discovery;
}

/** The payload of a JWT, undecoded signature (the token came straight from the token endpoint over TLS). */
function jwtPayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export function accessToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(FLOW_KEY);
}

/** Starts the flow: remembers state, nonce and the PKCE verifier for this tab, then goes to the provider. */
export async function beginSignIn(config: OidcConfig): Promise<void> {
  const discovery = await discover(config.issuer);
  const flow: PendingFlow = { state: randomString(), nonce: randomString(), verifier: randomString(48) };
  sessionStorage.setItem(FLOW_KEY, JSON.stringify(flow));
  const target = new URL(discovery.authorization_endpoint);
  target.searchParams.set('response_type', 'code');
  target.searchParams.set('client_id', config.clientId);
  target.searchParams.set('redirect_uri', config.redirectUri);
  target.searchParams.set('scope', config.scopes);
  target.searchParams.set('state', flow.state);
  target.searchParams.set('nonce', flow.nonce);
  target.searchParams.set('code_challenge', await s256(flow.verifier));
  target.searchParams.set('code_challenge_method', 'S256');
  location.assign(target.toString());
}

export type SignInResult = 'none' | 'signed-in' | 'failed';

/**
 * Finishes the flow when the provider sent the browser back with `?code=…&state=…` (or `?error=…`):
 * checks the state, exchanges the code with the verifier, checks the ID token's nonce, keeps the access
 * token. The query is removed from the address bar either way.
 */
export async function completeSignIn(config: OidcConfig): Promise<SignInResult> {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) return 'none';
  history.replaceState(null, '', location.pathname);
  const stored = sessionStorage.getItem(FLOW_KEY);
  sessionStorage.removeItem(FLOW_KEY);
  const flow = stored ? (JSON.parse(stored) as PendingFlow) : undefined;
  const code = query.get('code');
  if (!flow || !code || query.get('state') !== flow.state) return 'failed';
  try {
    const discovery = await discover(config.issuer);
    const response = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code, redirect_uri: config.redirectUri, client_id: config.clientId, code_verifier: flow.verifier,
      }).toString(),
    });
    if (!response.ok) return 'failed';
    const tokens = (await response.json()) as { access_token?: string; id_token?: string };
    const idToken = tokens.id_token ? jwtPayload(tokens.id_token) : undefined;
    if (!tokens.access_token || !idToken || idToken.nonce !== flow.nonce || idToken.iss !== discovery.issuer) return 'failed';
    sessionStorage.setItem(TOKEN_KEY, tokens.access_token);
    return 'signed-in';
  } catch {
    return 'failed';
  }
}
