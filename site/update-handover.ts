/**
 * The build service's last step in AWS (infra/cdk/stacks/site-stack.ts): after a full build was deployed,
 * writes the per-change updater's state for it (site/update.ts stateAfterFullBuild: the build's
 * sequence, list pages, replacements and main-index fragment ids) under the catalogue bucket's state
 * prefix, then runs the updater once, which applies every change published while the build ran (the
 * Lambda may have updated the bucket from the older state meanwhile; this puts it right).
 *
 *   npx tsx site/update-handover.ts --catalogue /tmp/catalogue.json --seq-file /tmp/catalogue.seq --site /tmp/site
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { s3 } from '../functions/adapters/aws-clients';
import { SITE_UPDATER_STATE_KEY } from '../functions/catalogue/keys';
import { startAwsSiteUpdater } from '../functions/catalogue/site-updater-lambda';
import { s3UpdaterStateStore } from '../functions/catalogue/site-updater-s3';
import { CatalogueSnapshot } from '../shared/catalogue/published-training';
import { SEARCH_STATE_FILE, type SearchState } from './build';
import { stateAfterFullBuild } from './update';

const { values } = parseArgs({ options: { catalogue: { type: 'string' }, 'seq-file': { type: 'string' }, site: { type: 'string' } } });
if (values.catalogue === undefined || values['seq-file'] === undefined || values.site === undefined) {
  console.error('usage: npx tsx site/update-handover.ts --catalogue <snapshot.json> --seq-file <file> --site <built site>');
  process.exit(2);
}
const bucket = process.env.CATALOGUE_BUCKET;
if (bucket === undefined || bucket === '') {
  console.error('CATALOGUE_BUCKET is not set');
  process.exit(2);
}
const snapshot = CatalogueSnapshot.parse(JSON.parse(await readFile(values.catalogue, 'utf8')));
const seq = Number((await readFile(values['seq-file'], 'utf8')).trim());
if (!Number.isInteger(seq) || seq < 0) throw new Error(`${values['seq-file']}: not a sequence number`);
const search = JSON.parse(await readFile(join(values.site, SEARCH_STATE_FILE), 'utf8')) as SearchState;
await s3UpdaterStateStore(s3(), bucket, SITE_UPDATER_STATE_KEY).write(stateAfterFullBuild(seq, snapshot.trainings, search.mainPages));
console.error(`updater state written for catalogue #${seq}; catching up with what changed during the build`);
const update = await startAwsSiteUpdater({ siteRoot: fileURLToPath(new URL('.', import.meta.url)) });
const result = await update();
console.error(`catch-up: ${result.status}${result.status === 'updated' ? ` to #${result.seq}, ${result.written.length} files written` : ''}`);
process.exit(0);
