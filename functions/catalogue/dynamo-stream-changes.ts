/**
 * A stream batch → the registration changes the catalogue applies (publish.ts): each record's new
 * image, parsed at this boundary (table-source.ts); a deleted item (old image only) is a removal. In
 * stream order, so the last change of one ODB number wins.
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { RejectedRegistration } from '../../shared/catalogue/from-registration';
import type { RegistrationChange } from './publish';
import { parseRegistrationItem } from './dynamo-table-source';

type Image = Record<string, AttributeValue>;

export function registrationChanges(records: readonly DynamoDBRecord[], now: Date): { changes: RegistrationChange[]; unreadable: RejectedRegistration[] } {
  const changes: RegistrationChange[] = [];
  const unreadable: RejectedRegistration[] = [];
  for (const record of records) {
    const newImage = record.dynamodb?.NewImage as Image | undefined;
    const oldImage = record.dynamodb?.OldImage as Image | undefined;
    const image = newImage ?? oldImage;
    if (image === undefined) continue;
    const item = unmarshall(image);
    if (item.type !== 'registration') continue;
    const odbNumber = typeof item.odbNumber === 'string' ? item.odbNumber : undefined;
    if (odbNumber === undefined) continue;
    if (newImage === undefined) {
      changes.push({ odbNumber, registration: null, sourceAt: now.toISOString() });
      continue;
    }
    const parsed = parseRegistrationItem(item);
    if (parsed.ok) {
      changes.push({ odbNumber, registration: parsed.registration, sourceAt: parsed.registration.updatedAt ?? now.toISOString() });
    } else {
      // Unreadable: not published (left out and reported), as a record that fails the published schema.
      unreadable.push({ odbNumber, problems: parsed.problems });
      changes.push({ odbNumber, registration: null, sourceAt: typeof item.updatedAt === 'string' ? item.updatedAt : now.toISOString() });
    }
  }
  return { changes, unreadable };
}
