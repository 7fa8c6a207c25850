/**
 * The build service's input (in AWS, infra/cdk/stacks/site-stack.ts): the whole published catalogue
 * assembled from the catalogue bucket's head and shards (functions/catalogue/site-input.ts), written as
 * the snapshot file site/build.ts reads; with --open-data-bucket also the open-data downloads, exported
 * there by multipart upload (functions/catalogue/s3-open-data.ts).
 *
 *   npx tsx site/assemble.ts --bucket <catalogue bucket> --out /tmp/catalogue.json [--open-data-bucket <bucket>] [--seq-file /tmp/catalogue.seq]
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { s3 } from '../functions/adapters/aws-clients';
import { exportOpenData } from '../functions/catalogue/s3-open-data';
import { s3CatalogueStore } from '../functions/catalogue/s3-store';
import { assembleCatalogue } from '../functions/catalogue/site-input';

export async function assembleToFile(bucket: string, out: string, openDataBucket?: string, seqFile?: string): Promise<{ trainings: number; seq: number }> {
  const assembled = await assembleCatalogue(s3CatalogueStore(bucket));
  if (assembled === null) throw new Error(`catalogue bucket ${bucket}: nothing published yet (no catalogue/head.json)`);
  await writeFile(out, JSON.stringify(assembled.snapshot));
  // The sequence the build is of, for the handover to the per-change updater (site/update-handover.ts).
  if (seqFile !== undefined) await writeFile(seqFile, String(assembled.head.seq));
  if (openDataBucket !== undefined) await exportOpenData(s3(), openDataBucket, assembled.snapshot, assembled.head.seq);
  return { trainings: assembled.snapshot.trainings.length, seq: assembled.head.seq };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { bucket: { type: 'string' }, out: { type: 'string' }, 'open-data-bucket': { type: 'string' }, 'seq-file': { type: 'string' } } });
  if (values.bucket === undefined || values.out === undefined) {
    console.error('usage: npx tsx site/assemble.ts --bucket <catalogue bucket> --out <snapshot.json> [--open-data-bucket <bucket>] [--seq-file <file>]');
    process.exit(2);
  }
  assembleToFile(values.bucket, values.out, values['open-data-bucket'], values['seq-file']).then(
    (r) => console.error(`assembled ${r.trainings} trainings (catalogue #${r.seq}) into ${values.out}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
