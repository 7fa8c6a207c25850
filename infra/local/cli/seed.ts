/**
 * `npm run seed -- --trainings 50000 [--seed 7] [--words 300]`: seeds demo registrations (and their organisations)
 * into the RUNNING local stack with BatchWrite, showing a progress bar. The stack's stream consumer then
 * republishes the catalogue and its site builder rebuilds the site (watch `npm start`'s log).
 */
import { parseArgs } from 'node:util';
import { requireStackInfo } from './stack-info';

const { values } = parseArgs({
  options: {
    trainings: { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    // Words of content per training ("inhoud en leerdoelstellingen"; real records have ~300).
    words: { type: 'string' },
  },
});
const words = values.words === undefined ? undefined : Number(values.words);
if (words !== undefined && (!Number.isInteger(words) || words < 1 || words > 3_000)) {
  console.error('--words takes a number of words per training between 1 and 3000');
  process.exit(2);
}
const count = Number(values.trainings);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1 || count > 200_000) {
  console.error('usage: npm run seed -- --trainings <1..200000> [--seed <n>]');
  process.exit(2);
}

const info = requireStackInfo();
// The handlers' environment of the running stack: the SDK clients follow its endpoints.
Object.assign(process.env, info.env);
const { seedRegistrations } = await import('../seed/registrations');

const started = Date.now();
const tty = process.stderr.isTTY === true;
let lastPrinted = -1;
function progress(written: number, total: number): void {
  const fraction = total === 0 ? 1 : written / total;
  const percent = Math.floor(fraction * 100);
  if (!tty && percent < lastPrinted + 10 && written !== total) return;
  lastPrinted = percent;
  const seconds = (Date.now() - started) / 1000;
  const rate = seconds > 0 ? Math.round(written / seconds) : 0;
  const eta = rate > 0 ? Math.round((total - written) / rate) : 0;
  const width = 30;
  const filled = Math.round(fraction * width);
  const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(percent).padStart(3)}%  ${written}/${total} items  ${rate}/s  nog ~${eta} s`;
  process.stderr.write(tty ? `\r${line}` : `${line}\n`);
}

console.error(`Seeding ${count} demo trainings (seed ${seed}) into ${info.endpoints.dynamodb} …`);
const result = await seedRegistrations({ table: info.env.TABLE_NAME as string, count, seed, ...(words === undefined ? {} : { words }), onProgress: progress });
if (tty) process.stderr.write('\n');
console.error([
  `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.registrations} registrations (${result.published} to publish, ` +
    `${result.items - result.registrations} module numbers), ${result.organisations} organisations.`,
  `The catalogue republishes by itself; the site at ${info.siteUrl} follows when its build is done.`,
].join('\n'));
