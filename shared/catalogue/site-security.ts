/**
 * The Content-Security-Policy of the public site: one text for CloudFront (infra/cdk/stacks/site-stack.ts)
 * and the local site server (infra/local/site-server.ts). Pure.
 *
 * `script-src` has no 'unsafe-inline' (issue 12): the site has no inline script at all — Astro's
 * inlining of small scripts is switched off (site/astro.config.mjs, `assetsInlineLimit: 0`), so every
 * script is a file under /_astro/ or /pagefind/ on the site's own origin ('self'); a browser test checks
 * every built page for inline scripts. A hash list would do for a fixed set of inline scripts, but a
 * header fixed at deploy time cannot follow scripts that change with each site build. Pagefind needs
 * 'wasm-unsafe-eval' for its WebAssembly. Styles keep 'unsafe-inline' (Astro's scoped style attributes).
 */
export interface SiteCspOptions {
  /** Origins the pages may call (the API, the sign-in provider). */
  connect: readonly string[];
  /** Origins forms may post to besides the site (the sign-in provider). */
  formAction: readonly string[];
}

export function siteContentSecurityPolicy({ connect, formAction }: SiteCspOptions): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    ['connect-src', "'self'", ...connect].join(' '),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    ['form-action', "'self'", ...formAction].join(' '),
    "object-src 'none'",
  ].join('; ');
}
