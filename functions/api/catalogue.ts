import * as z from 'zod';
import { DEFAULT_TRAININGS_PAGE, searchTrainings, type TrainingSearchResponse } from '../../shared/api/catalogue';
import { s3CatalogueStore } from '../catalogue/s3-store';
import { catalogueSearch } from '../catalogue/search-index';
import { baseEnv, parseEnv } from '../config/env';
import { apiHandler, implement } from '../http/api-handler';
import { cursorCodec } from '../http/cursor';
import { logger } from '../observability/logger';

const env = parseEnv(baseEnv.extend({
  CATALOGUE_BUCKET: z.string().min(1),
}));

/**
 * The published catalogue, searched in memory (functions/catalogue/search-index.ts): module scope, so a
 * warm Lambda re-reads only the shards that changed since it last looked (one conditional GET of the
 * head when nothing did).
 */
const catalogue = catalogueSearch(s3CatalogueStore(env.CATALOGUE_BUCKET));
let refreshing: Promise<{ published: boolean }> | undefined;

/** One refresh at a time: concurrent requests share it. */
function refresh(): Promise<{ published: boolean }> {
  refreshing ??= catalogue.refresh().then((result) => {
    if (result.reindexed > 0) logger.info('Catalogue shards indexed', { shards: result.reindexed, trainings: catalogue.count(), publishedAt: catalogue.publishedAt() });
    return result;
  }).finally(() => { refreshing = undefined; });
  return refreshing;
}

/** The search's cursor: the offset into the ranked hits (functions/http/cursor.ts). */
const searchCursor = cursorCodec(z.strictObject({ o: z.number().int().min(0).max(1_000_000) }));

export const handler = apiHandler([
  implement(searchTrainings, async ({ query }) => {
    const offset = query.cursor === undefined ? 0 : searchCursor.decode(query.cursor).o;
    const limit = query.limit === undefined ? DEFAULT_TRAININGS_PAGE : Number(query.limit);
    if (!(await refresh()).published) {
      const empty: TrainingSearchResponse = { items: [], total: 0, nextCursor: null, publishedAt: null };
      return { status: 200, body: empty };
    }
    const hits = catalogue.search({
      q: query.q, group: query.group, provider: query.provider, size: query.size,
      blended: query.blended === undefined ? undefined : query.blended === 'true', chequeCategory: query.chequeCategory,
    });
    const body: TrainingSearchResponse = {
      items: hits.slice(offset, offset + limit),
      total: hits.length,
      nextCursor: offset + limit < hits.length ? searchCursor.encode({ o: offset + limit }) : null,
      publishedAt: catalogue.publishedAt(),
    };
    return { status: 200, body, headers: { 'cache-control': 'public, max-age=30' } };
  }),
]);
