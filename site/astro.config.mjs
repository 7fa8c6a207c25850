// The public catalogue: a static site built from the published catalogue snapshot (CATALOGUE_PATH).
// Links are root-absolute, so the host and port the site is served on do not matter.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4, inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // The site imports the schema from ../shared; the dev server must be allowed to read it.
  // assetsInlineLimit 0: no script is inlined into a page, so the CSP needs no 'unsafe-inline'
  // (shared/catalogue/site-security.ts).
  vite: { server: { fs: { allow: ['..'] } }, build: { assetsInlineLimit: 0 } },
});
