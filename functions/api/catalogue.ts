import * as z from 'zod';
import { DEFAULT_TRAININGS_PAGE, searchTrainings, type TrainingSearchResponse } from '../../shared/api/catalogue';
import { CatalogueSnapshot } from '../../shared/catalogue/published-training';
import { buildSearchIndex, search, type SearchIndex } from '../../shared/catalogue/search';
import { validationFailed } from '../../shared/http/problem';
import { readSnapshotText } from '../catalogue/store';
import { baseEnv, parseEnv } from '../config/env';
import { apiHandler, implement } from '../http/api-handler';
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

const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch { /* reported below */ }
  throw validationFailed([{ path: 'query.cursor', code: 'invalid_cursor', message: 'Deze cursor is ongeldig; gebruik nextCursor van de vorige pagina.' }]);
}

export const handler = apiHandler([
  implement(searchTrainings, async ({ query }) => {
    const offset = decodeCursor(query.cursor);
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
      nextCursor: offset + limit < hits.length ? encodeCursor(offset + limit) : null,
      publishedAt: current.publishedAt,
    };
    return { status: 200, body, headers: { 'cache-control': 'public, max-age=30' } };
  }),
]);
