import * as z from 'zod';
import { DEFAULT_TRAININGS_PAGE, searchTrainings, type TrainingSearchResponse } from '../../shared/api/catalogue';
import { CatalogueSnapshot } from '../../shared/catalogue/published-training';
import { buildSearchIndex, search, type SearchIndex } from '../../shared/catalogue/search';
import { readSnapshotText } from '../catalogue/store';
import { baseEnv, parseEnv } from '../config/env';
import { apiHandler, implement } from '../http/api-handler';
import { cursorCodec } from '../http/cursor';
import { logger } from '../observability/logger';

const env = parseEnv(baseEnv.extend({
  CATALOGUE_BUCKET: z.string().min(1),
}));

/**
 * The published catalogue, searched in memory: the latest snapshot is read from the catalogue bucket
 * and indexed once per ETag (module scope, so a warm Lambda re-reads only when a new snapshot exists:
 * a conditional GET that answers 304 otherwise).
 */
let cached: { etag: string; publishedAt: string; index: SearchIndex } | undefined;
let loading: Promise<typeof cached> | undefined;

async function latestIndex(): Promise<typeof cached> {
  const read = await readSnapshotText(env.CATALOGUE_BUCKET, cached?.etag);
  if (read.status === 'missing') return undefined;
  if (read.status === 'unchanged') return cached;
  const snapshot = CatalogueSnapshot.parse(JSON.parse(read.text));
  cached = { etag: read.etag, publishedAt: snapshot.publishedAt, index: buildSearchIndex(snapshot.trainings) };
  logger.info('Catalogue snapshot indexed', { publishedAt: snapshot.publishedAt, trainings: snapshot.trainings.length });
  return cached;
}

/** One load at a time: concurrent requests share it. */
function currentIndex(): Promise<typeof cached> {
  loading ??= latestIndex().finally(() => { loading = undefined; });
  return loading;
}

/** The search's cursor: the offset into the ranked hits (functions/http/cursor.ts). */
const searchCursor = cursorCodec(z.strictObject({ o: z.number().int().min(0).max(1_000_000) }));

export const handler = apiHandler([
  implement(searchTrainings, async ({ query }) => {
    const offset = query.cursor === undefined ? 0 : searchCursor.decode(query.cursor).o;
    const limit = query.limit === undefined ? DEFAULT_TRAININGS_PAGE : Number(query.limit);
    const current = await currentIndex();
    if (current === undefined) {
      const empty: TrainingSearchResponse = { items: [], total: 0, nextCursor: null, publishedAt: null };
      return { status: 200, body: empty };
    }
    const hits = search(current.index, {
      q: query.q, group: query.group, provider: query.provider, size: query.size,
      blended: query.blended === undefined ? undefined : query.blended === 'true', chequeCategory: query.chequeCategory,
    });
    const page = hits.slice(offset, offset + limit);
    const body: TrainingSearchResponse = {
      items: page.map((doc) => current.index.trainings[doc] as TrainingSearchResponse['items'][number]),
      total: hits.length,
      nextCursor: offset + limit < hits.length ? searchCursor.encode({ o: offset + limit }) : null,
      publishedAt: current.publishedAt,
    };
    return { status: 200, body, headers: { 'cache-control': 'public, max-age=30' } };
  }),
]);
