/*
 * `astro check` (the type check of the .astro files, in `npm run typecheck`) is built on TypeScript's
 * programmatic API, which TypeScript 7 (the repo's native compiler) does not ship. site/package.json
 * gives this workspace TypeScript 6 (npm nests it in site/node_modules), but the checker's own
 * dependencies are hoisted to the root and would `require('typescript')` the root's 7. Preloaded with
 * `node --import`, this hook resolves every `typescript` of the check process to the workspace's 6.
 * Decision 0020.
 */
import { createRequire, registerHooks } from 'node:module';

const typescript6 = createRequire(import.meta.url).resolve('typescript');

registerHooks({
  resolve: (specifier, context, nextResolve) => nextResolve(specifier === 'typescript' ? typescript6 : specifier, context),
});
