import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { formatOdbNumber, type OdbSeries } from '../../shared/registrations/odb-number';
import { dynamo } from '../adapters/aws-clients';
import { keys } from '../storage/keys';

/** Counter item of an ODB series (one per series: `COUNTER#ODB#A`, …). */
export const odbCounterKey = (series: OdbSeries) => keys.counter(`ODB#${series}`);

/**
 * R-BO-4: allocates `count` consecutive ODB numbers of a series with ONE atomic `ADD seq :n`
 * (UPDATED_NEW returns the new top of the block). DynamoDB serialises updates of one item, so
 * concurrent callers always get disjoint blocks; a number is never handed out twice and never
 * reused (a block that is not used afterwards is simply a gap).
 */
export async function allocateOdbNumbers(
  tableName: string,
  series: OdbSeries,
  count: number,
  client: DynamoDBDocumentClient = dynamo(),
): Promise<string[]> {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer: ${count}`);
  const result = await client.send(new UpdateCommand({
    TableName: tableName,
    Key: odbCounterKey(series),
    UpdateExpression: 'ADD seq :n SET #type = :type, series = :series',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':n': count, ':type': 'counter', ':series': series },
    ReturnValues: 'UPDATED_NEW',
  }));
  const top = Number(result.Attributes?.seq);
  if (!Number.isInteger(top)) throw new Error('ODB counter returned no sequence');
  const first = top - count + 1;
  return Array.from({ length: count }, (_, index) => formatOdbNumber(series, first + index));
}
