// Runs one Astro build in its own process (forked by build.ts), so that:
// - the working directory is a fresh dir under site/.astro/builds: Astro puts its temporary `.astro/.prerender`
//   server build under the cwd when outDir lies outside it, which would otherwise collide between builds;
// - CATALOGUE_PATH is this process's own, and the build's memory is returned when it exits.
// Input: argv[2] = JSON { root, outDir }; result: one IPC message { ok: true } or { ok: false, message }.
import { build } from 'astro';

const { root, outDir } = JSON.parse(process.argv[2] ?? '{}');
try {
  await build({ root, outDir, logLevel: process.env.ASTRO_LOG_LEVEL ?? 'warn' });
  process.send?.({ ok: true });
} catch (error) {
  process.send?.({ ok: false, message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
}
