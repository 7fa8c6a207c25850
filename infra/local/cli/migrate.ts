/**
 * `npm run migrate -- worklist [--from <cursor>] [--table <name>] [--page-size 100]`: one-off data
 * migrations. `worklist` gives applications stored before the back office's worklist existed its
 * index keys and search-token items (functions/backoffice/worklist-backfill.ts, decision 0014).
 * Idempotent (a second run writes nothing) and resumable (each page prints the `--from` to continue
 * from). Without `--table` it runs against the running local stack (`npm start`); with `--table`
 * against that table with the AWS environment's credentials and region (a deployed table).
 */
import { parseArgs } from 'node:util';
import { requireStackInfo } from './stack-info';

const MIGRATIONS = ['worklist'] as const;
const usage = 'usage: npm run migrate -- worklist [--from <cursor>] [--table <name>] [--page-size <1..1000>]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string' }, table: { type: 'string' }, 'page-size': { type: 'string', default: '100' } },
});
const name = positionals[0];
const pageSize = Number(values['page-size']);
if (!MIGRATIONS.includes(name as (typeof MIGRATIONS)[number]) || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
  console.error(`${name && !MIGRATIONS.includes(name as (typeof MIGRATIONS)[number]) ? `Unknown migration "${name}". ` : ''}Migrations: ${MIGRATIONS.join(', ')}\n${usage}`);
  process.exit(2);
}

let table = values.table;
if (table === undefined) {
  const info = requireStackInfo();
  // The handlers' environment of the running stack: the SDK clients follow its endpoints.
  Object.assign(process.env, info.env);
  table = info.env.TABLE_NAME as string;
}
const { backfillWorklist } = await import('../../../functions/backoffice/worklist-backfill');
const { dynamoWorklistBackfillStore } = await import('../../../functions/backoffice/worklist-backfill-store');

const started = Date.now();
console.log(`worklist backfill of table ${table}${values.from ? ' (resumed)' : ''} …`);
const result = await backfillWorklist(dynamoWorklistBackfillStore(table), {
  from: values.from ?? null, pageSize,
  onPage: (p) => console.log(`  ${p.read} applications read, ${p.written} indexed, ${p.changedMeanwhile} changed meanwhile${p.cursor ? ` — to resume: --from ${p.cursor}` : ''}`),
});
console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.read} applications read, ${result.written} indexed, ${result.changedMeanwhile} changed meanwhile (their own write indexed them).`);
process.exit(0);
