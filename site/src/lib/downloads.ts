/** The open-data files, built once per build and shared by the endpoints and the open-data page. */
import { catalogueCsv } from '../../../shared/catalogue/csv';
import { loadCatalogue } from './catalogue';

let cached: { json: string; csv: string; publishedAt: string } | undefined;

export function downloads(): { json: string; csv: string } {
  const { publishedAt, trainings } = loadCatalogue();
  if (cached?.publishedAt !== publishedAt) {
    cached = { publishedAt, json: `${JSON.stringify({ publishedAt, trainings })}\n`, csv: catalogueCsv(trainings) };
  }
  return cached;
}
