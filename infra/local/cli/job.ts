import { parseArgs } from 'node:util';
import { schedules } from '../../schedules';
import { lambdaContext } from '../lambda-context';
import { loadHandler } from '../modules';
import { requireStackInfo } from './stack-info';

/** `npm run job -- <name> --now <ISO 8601 time>`: runs one job once, at a chosen time, against the running local stack. */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { now: { type: 'string' } } });
const name = positionals[0];
const names = schedules.map((s) => s.name).join(', ');
const definition = schedules.find((s) => s.name === name);
if (!definition) {
  console.error(`${name ? `Unknown job "${name}".` : 'Name a job.'} Jobs: ${names || '(none yet)'}\nusage: npm run job -- <name> --now <ISO 8601 time>`);
  process.exit(2);
}
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`--now must be an ISO 8601 time, e.g. 2027-01-01T00:05:00+01:00 (got "${values.now}")`);
  process.exit(2);
}
const info = requireStackInfo();
Object.assign(process.env, info.env);
const handler = await loadHandler<(e: unknown, c: unknown) => Promise<unknown>>(definition.entry);
const result = await handler({ job: definition.name, time: now.toISOString() }, lambdaContext(`job-${definition.name}`, 900_000));
console.log(JSON.stringify(result ?? { job: definition.name }, null, 2));
process.exit(0);
