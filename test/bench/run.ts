import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm run bench -- <name> [args]`: runs test/bench/<name>.ts, which prints its figures.
 * Benchmarks are never part of `npm test`: they measure, they do not pass or fail CI.
 */
const [name, ...rest] = process.argv.slice(2);
const dir = import.meta.dirname;
const available = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_')).map((f) => f.replace(/\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|') || 'name'}> [args]`);
  process.exit(2);
}
const file = resolve(dir, `${name}.ts`);
if (!existsSync(file)) process.exit(2);
process.argv = [process.argv[0] as string, file, ...rest];
await import(pathToFileURL(file).href);
