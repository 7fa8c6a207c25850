/** The local sign-in page (infra/local/sign-in.ts): only loopback redirects, Dutch, marked as local. */
import { describe, expect, it } from 'vitest';
import { authorizeProblem, isAllowedRedirect, s256, signInPage } from '../../../infra/local/sign-in';

describe('local sign-in page', () => {
  it('hands tokens only to this machine', () => {
    expect(isAllowedRedirect('http://127.0.0.1:4321/cheques/')).toBe(true);
    expect(isAllowedRedirect('http://localhost:4321/cheques/')).toBe(true);
    for (const target of ['https://evil.example/cb', 'javascript:alert(1)', 'http://127.0.0.1.evil.example/', '', undefined, 'not a url']) {
      expect(isAllowedRedirect(target)).toBe(false);
    }
  });

  it('is Dutch, marked as local, and escapes what it echoes', () => {
    const html = signInPage({
      clientId: 'cheques-site', redirectUri: 'http://127.0.0.1/"><script>', scope: 'openid', state: 's', nonce: 'n',
      codeChallenge: 'x'.repeat(43), rrn: '<b>', error: 'Fout <i>',
    });
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Lokale testomgeving');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('aria-invalid="true"');
  });

  it('issue 12: accepts only the code flow with PKCE S256, state, nonce and the configured client', () => {
    const valid = {
      response_type: 'code', client_id: 'cheques-site', scope: 'openid', state: 's', nonce: 'n',
      code_challenge: s256('v'.repeat(50)), code_challenge_method: 'S256',
    };
    expect(authorizeProblem(new URLSearchParams(valid))).toBeUndefined();
    for (const [key, value] of [
      ['response_type', 'token'], ['client_id', 'other'], ['scope', 'profile'], ['code_challenge_method', 'plain'],
      ['code_challenge', 'short'], ['state', ''], ['nonce', ''],
    ] as const) {
      expect(authorizeProblem(new URLSearchParams({ ...valid, [key]: value })), key).toBeDefined();
    }
  });

  it('RFC 7636 appendix B: the S256 challenge of the example verifier', () => {
    expect(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});
