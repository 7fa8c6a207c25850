/**
 * Registrations as the catalogue reads them from the main table — parsed with the registration schema
 * at this boundary (an item that does not parse is reported, not cast):
 * - `publishableRegistrations`: every `active` and `replaced` one from gsi2 (`REGSTATUS#<status>`,
 *   paged Query — never a Scan), for a full rebuild;
 * - `registrationFromImage`: a stream record's new image (no read at all).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { RegistrationLike } from '../../shared/catalogue/from-registration';
import { registrationSchema } from '../../shared/registrations/registration';
import { dynamo } from '../adapters/aws-clients';
import { gsi } from '../storage/keys';
import { PUBLISHABLE_STATUSES } from './publish';

/** The fields the catalogue reads, plus the item's change time. */
const catalogueItem = registrationSchema.extend({ updatedAt: z.iso.datetime({ offset: true }).optional() });
export type CatalogueItem = RegistrationLike & { updatedAt?: string | undefined };

export type ParsedItem = { ok: true; registration: CatalogueItem } | { ok: false; odbNumber: string; problems: string[] };

export function parseRegistrationItem(item: Record<string, unknown>): ParsedItem {
  const parsed = catalogueItem.safeParse(item);
  if (parsed.success) return { ok: true, registration: parsed.data as CatalogueItem };
  return {
    ok: false,
    odbNumber: typeof item.odbNumber === 'string' ? item.odbNumber : '(unknown)',
    problems: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`),
  };
}

/** Every registration with one of the publishable statuses, page by page; unparseable items go to `onBad`. */
export async function* publishableRegistrations(table: string, onBad: (bad: Extract<ParsedItem, { ok: false }>) => void): AsyncGenerator<CatalogueItem> {
  for (const status of PUBLISHABLE_STATUSES) {
    let exclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(new QueryCommand({
        TableName: table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        FilterExpression: '#type = :registration',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':pk': gsi.registrationStatus(status), ':registration': 'registration' },
        ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}),
      }));
      for (const item of page.Items ?? []) {
        const parsed = parseRegistrationItem(item);
        if (parsed.ok) yield parsed.registration;
        else onBad(parsed);
      }
      exclusiveStartKey = page.LastEvaluatedKey;
    } while (exclusiveStartKey);
  }
}
