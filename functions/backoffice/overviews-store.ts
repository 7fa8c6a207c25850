import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { toPublishedRegistration } from '../../shared/registrations/registration';
import { dynamo } from '../adapters/aws-clients';
import { fromRegistrationItem } from '../registrations/items';
import { gsi, keys } from '../storage/keys';

/*
 * Back-office overviews (issue 11): the DynamoDB adapter that reads them, each one Query on an index —
 * never a Scan — with every item parsed by zod:
 * - registrations due for their annual evaluation (R-BO-5): gsi2 `REGSTATUS#active`, whose sort key
 *   starts with `evaluationDue` (functions/registrations/store.ts), `gsi2sk < <date>#` — the reads
 *   follow the answer, not the catalogue;
 * - organisations with applications waiting for their quality registration (R-ORG-3): gsi2
 *   `APPSTATUS#waiting-for-quality-registration`, then the organisations by BatchGet;
 * - organisations whose yearly contact check is unanswered (R-REG-4): the `contact-check` due entries,
 *   keeping those asked after their last confirmation.
 */

type Item = Record<string, unknown>;

async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({ ...input, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** GET /v1/backoffice/registrations?evaluationDueBefore=YYYY-MM-DD (R-BO-5), earliest due first. */
export async function registrationsDueForEvaluation(table: string, before: string) {
  const items = await queryAll({
    TableName: table, IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :before',
    ExpressionAttributeValues: { ':pk': gsi.registrationStatus('active'), ':before': `${before}#` },
  });
  return {
    items: items.filter((item) => item.type === 'registration').map((item) => {
      const reg = fromRegistrationItem(item).registration;
      return { ...toPublishedRegistration(reg), evaluations: reg.evaluations };
    }),
  };
}

async function organisationsByKbo(table: string, kbos: string[]): Promise<Item[]> {
  const found: Item[] = [];
  for (let i = 0; i < kbos.length; i += 100) {
    let request: Record<string, { Keys: Item[] }> | undefined = { [table]: { Keys: kbos.slice(i, i + 100).map((kbo) => keys.organisation(kbo)) } };
    while (request && Object.keys(request).length > 0) {
      const result = await dynamo().send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(result.Responses?.[table] ?? []));
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

const organisationSummarySchema = z.object({
  kbo: z.string(), name: z.string(),
  contactConfirmedAt: z.string().nullish().transform((value) => value ?? null),
  contactCheckRequestedAt: z.string().nullish().transform((value) => value ?? null),
});
const organisationSummary = (item: Item) => organisationSummarySchema.parse(item);
const waitingApplicationSchema = z.object({ orgKbo: z.string() });

/** GET /v1/backoffice/organisations?qualityRegistration=missing (R-ORG-3): with how many applications wait. */
export async function organisationsWaitingForQualityRegistration(table: string) {
  const waiting = await queryAll({
    TableName: table, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': gsi.applicationStatus('waiting-for-quality-registration') },
  });
  const counts = new Map<string, number>();
  for (const { orgKbo } of waiting.filter((item) => item.type === 'application').map((item) => waitingApplicationSchema.parse(item))) {
    counts.set(orgKbo, (counts.get(orgKbo) ?? 0) + 1);
  }
  const orgs = (await organisationsByKbo(table, [...counts.keys()])).map(organisationSummary);
  return {
    items: orgs.map((org) => ({ ...org, waitingApplications: counts.get(org.kbo) ?? 0 }))
      .sort((a, b) => a.kbo.localeCompare(b.kbo)),
  };
}

/** GET /v1/backoffice/organisations?contactUnconfirmed=true (R-REG-4): asked, and not confirmed since. */
export async function organisationsWithUnconfirmedContact(table: string) {
  const entries = await queryAll({
    TableName: table, IndexName: 'due', KeyConditionExpression: 'duePk = :job',
    FilterExpression: 'attribute_exists(contactCheckRequestedAt) AND (attribute_not_exists(contactConfirmedAt) OR contactConfirmedAt < contactCheckRequestedAt)',
    ExpressionAttributeValues: { ':job': 'contact-check' },
  });
  return { items: entries.filter((item) => item.type === 'organisation').map(organisationSummary).sort((a, b) => a.kbo.localeCompare(b.kbo)) };
}
