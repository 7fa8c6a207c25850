/** The local sign-in page (infra/local/sign-in.ts): only loopback redirects, Dutch, marked as local. */
import { describe, expect, it } from 'vitest';
import { isAllowedRedirect, signInPage } from '../../../infra/local/sign-in';

describe('local sign-in page', () => {
  it('hands tokens only to this machine', () => {
    expect(isAllowedRedirect('http://127.0.0.1:4321/cheques/')).toBe(true);
    expect(isAllowedRedirect('http://localhost:4321/cheques/')).toBe(true);
    for (const target of ['https://evil.example/cb', 'javascript:alert(1)', 'http://127.0.0.1.evil.example/', '', undefined, 'not a url']) {
      expect(isAllowedRedirect(target)).toBe(false);
    }
  });

  it('is Dutch, marked as local, and escapes what it echoes', () => {
    const html = signInPage({ redirectUri: 'http://127.0.0.1/"><script>', state: 's', rrn: '<b>', error: 'Fout <i>' });
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Lokale testomgeving');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('aria-invalid="true"');
  });
});
