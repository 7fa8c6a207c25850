/**
 * The esbuild settings of every Lambda bundle, in one place: the function construct maps them onto
 * NodejsFunction's bundling options and `npm run bench -- bundles` builds with exactly the same ones.
 */
export const bundleSettings = {
  format: 'esm',
  platform: 'node',
  target: 'node24',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  /** ESM-first packages (the AWS SDK v3 ships `module` builds) tree-shake better. */
  mainFields: ['module', 'main'],
  /** Some CommonJS dependencies call `require` for Node built-ins; ESM has none, so provide it. */
  banner: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  /** Nothing is external: the AWS SDK is bundled (pinned version, faster cold start than the runtime's). */
  external: [] as string[],
} as const;

/** Node options of every function: stack traces through the source maps. */
export const nodeOptions = '--enable-source-maps';
