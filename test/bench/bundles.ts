/**
 * `npm run bench -- bundles [--runs 10] [--only <name>]`: bundles every function exactly as the CDK
 * function construct does (esbuild settings of infra/cdk/constructs/bundling.ts: ESM, minified, AWS SDK
 * included, source maps), prints each bundle's size and its cold initialisation time: a fresh Node
 * process that imports the bundle (median of N runs). Targets: ≤ 250 KB per bundle, ≤ 150 ms init.
 */
import { build, type Plugin } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buckets, tables } from '../../functions/storage/definitions';
import { bundleSettings, nodeOptions } from '../../infra/cdk/constructs/bundling';
import { apiFunctionEntry, apiFunctionNames } from '../../infra/routes';
import { schedules } from '../../infra/schedules';
import { streamConsumers } from '../../infra/stream-consumers';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, only: { type: 'string' }, 'zod-namespace': { type: 'boolean', default: false } }, allowPositionals: true });
const runs = Number(values.runs);
const root = resolve(import.meta.dirname, '../..');
const outRoot = join(root, '.bench', 'bundles');
const SIZE_TARGET = 250 * 1024;
const INIT_TARGET_MS = 150;

const targets = [
  ...apiFunctionNames.map((name) => ({ kind: 'api', name, entry: apiFunctionEntry(name) })),
  ...schedules.map((s) => ({ kind: 'job', name: s.name, entry: s.entry })),
  ...streamConsumers.map((c) => ({ kind: 'stream', name: c.name, entry: c.entry })),
].filter((t) => !values.only || t.name === values.only);

// What module scope may read at init (values are placeholders: nothing is called during init).
const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH, HOME: process.env.HOME,
  NODE_OPTIONS: nodeOptions,
  AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench',
  STAGE: 'bench', LOG_LEVEL: 'WARN', POWERTOOLS_SERVICE_NAME: 'opleidingsincentives',
  MAIL_FROM: 'opleidingsdatabank@example.org', SES_CONFIGURATION_SET: 'bench',
  RRN_HMAC_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:bench', ISSUER_WEBHOOK_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:bench',
  // Handlers that still read the values themselves (see docs/deploy.md) get placeholders.
  RRN_HMAC_SECRET: 'bench-bench-bench-bench-bench-bench', ISSUER_WEBHOOK_SECRET: 'bench-bench-bench-bench-bench-bench',
  ISSUER_WEBHOOK_URL: 'https://issuer.example.org/webhook', SITE_BUILD_PROJECT: 'bench', PUBLIC_SITE_URL: 'https://example.org', API_URL: 'https://api.example.org',
};
for (const t of tables) env[t.envVar] = t.id;
for (const b of buckets) env[b.envVar] = b.id;

/**
 * `--zod-namespace`: a what-if. `import { z } from 'zod'` is a namespace OBJECT that esbuild cannot
 * tree-shake (and `z.locales.nl()` pulls in every locale); `import * as z from 'zod'` plus one locale
 * module can be. This rewrites the project's own sources that way while bundling, to measure the gain.
 */
const zodNamespace: Plugin = {
  name: 'zod-namespace',
  setup(b) {
    b.onLoad({ filter: /\/(shared|functions)\/.*\.ts$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      if (!source.includes("from 'zod'")) return undefined;
      source = source.replace(/^import \{ z \} from 'zod';$/m, "import * as z from 'zod';");
      if (source.includes('z.locales.nl()')) source = `import __nl from 'zod/v4/locales/nl.js';\n${source.replace('z.locales.nl()', '__nl()')}`;
      return { contents: source, loader: 'ts' };
    });
  },
};

const probe = join(outRoot, 'probe.mjs');
mkdirSync(outRoot, { recursive: true });
writeFileSync(probe, 'const t0 = performance.now();\nawait import(process.argv[2]);\nprocess.stdout.write(String(performance.now() - t0));\n');

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = Math.floor(s.length / 2); return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

const rows: Array<{ fn: string; kb: number; mapKb: number; initMs: number; wallMs: number; error?: string }> = [];
for (const target of targets) {
  const outdir = join(outRoot, `${target.kind}-${target.name}`);
  rmSync(outdir, { recursive: true, force: true });
  const outfile = join(outdir, 'index.mjs');
  await build({
    entryPoints: [resolve(root, target.entry)],
    outfile,
    bundle: true,
    format: bundleSettings.format,
    platform: bundleSettings.platform,
    target: bundleSettings.target,
    minify: bundleSettings.minify,
    sourcemap: bundleSettings.sourcemap,
    sourcesContent: bundleSettings.sourcesContent,
    mainFields: [...bundleSettings.mainFields],
    banner: { js: bundleSettings.banner },
    external: [...bundleSettings.external],
    logLevel: 'error',
    plugins: values['zod-namespace'] ? [zodNamespace] : [],
  });
  const kb = statSync(outfile).size / 1024;
  const mapKb = statSync(`${outfile}.map`).size / 1024;
  const inits: number[] = [];
  const walls: number[] = [];
  let error: string | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [probe, pathToFileURL(outfile).href], { env, encoding: 'utf8' });
    walls.push(performance.now() - started);
    if (result.status !== 0) { error = result.stderr.split('\n').find((l) => l.includes('Error')) ?? result.stderr.slice(0, 200); break; }
    inits.push(Number(result.stdout));
  }
  rows.push({ fn: `${target.kind} ${target.name}`, kb, mapKb, initMs: inits.length ? median(inits) : NaN, wallMs: median(walls), ...(error ? { error } : {}) });
}

const pad = (s: string, n: number) => s.padEnd(n);
console.log(`\nBundles (esbuild ${bundleSettings.format}, minified, AWS SDK bundled${values['zod-namespace'] ? '; WHAT-IF: zod imported as a module namespace' : ''}) — cold init: fresh \`node ${nodeOptions}\` importing the bundle, median of ${runs}\n`);
console.log(`${pad('function', 32)} ${pad('bundle', 10)} ${pad('map', 10)} ${pad('init', 10)} ${pad('process', 10)} targets`);
for (const r of rows) {
  const ok = r.kb * 1024 <= SIZE_TARGET && r.initMs <= INIT_TARGET_MS;
  console.log(`${pad(r.fn, 32)} ${pad(`${r.kb.toFixed(0)} KB`, 10)} ${pad(`${r.mapKb.toFixed(0)} KB`, 10)} ${pad(Number.isNaN(r.initMs) ? 'failed' : `${r.initMs.toFixed(0)} ms`, 10)} ${pad(`${r.wallMs.toFixed(0)} ms`, 10)} ${r.error ? `init error: ${r.error}` : ok ? 'ok' : 'OVER'}`);
}
const over = rows.filter((r) => r.kb * 1024 > SIZE_TARGET || !(r.initMs <= INIT_TARGET_MS));
console.log(`\n${rows.length} functions; ${over.length} over a target (≤ ${SIZE_TARGET / 1024} KB, ≤ ${INIT_TARGET_MS} ms). Load average now: ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
