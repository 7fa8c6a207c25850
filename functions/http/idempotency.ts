import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { dynamoClient } from '../adapters/aws-clients';
import type { Context } from 'aws-lambda';

/**
 * `Idempotency-Key` for POSTs that create something (api.md): Powertools idempotency on DynamoDB.
 * The key is scoped to the method, the raw path (so the key used on application A never answers for
 * application B), the tenant (organisation or worker hash) and the token's `sub` (issue 12); the
 * payload hash is the request body, so the same key with another body is refused (422). A replay
 * returns the stored status and body.
 */
export interface IdempotencyScope {
  method: string;
  /** The request's raw path, with its path parameters: `/v1/applications/<id>/submit`. */
  path: string;
  tenant: string;
  principal: string;
  key: string;
  body: unknown;
}

/**
 * The first part of every stored key (`<prefix>#<hash>`): the API area, so the IAM grant of an area's
 * function can be limited to its own records (`dynamodb:LeadingKeys`, infra/cdk/function-access.ts).
 */
export const idempotencyKeyPrefix = (fn: string): string => `api.${fn}`;

type Runner<R> = (scope: IdempotencyScope, run: () => Promise<R>, context: Context) => Promise<R>;

export function idempotencyRunner<R>(tableName: string, keyPrefix: string, expiresAfterSeconds = 24 * 3600): Runner<R> {
  // Its own persistence layer: a layer keeps its key prefix as state, so two areas in one process (the local stack) must not share one.
  const persistence = new DynamoDBPersistenceLayer({ tableName, awsSdkV3Client: dynamoClient() });
  const config = new IdempotencyConfig({
    eventKeyJmesPath: '[method, path, tenant, principal, key]',
    payloadValidationJmesPath: 'body',
    expiresAfterSeconds,
  });
  const guarded = makeIdempotent(
    async (run: () => Promise<R>, _scope: IdempotencyScope): Promise<R> => run(),
    { persistenceStore: persistence, config, dataIndexArgument: 1, keyPrefix },
  );
  return async (scope, run, context) => {
    config.registerLambdaContext(context);
    return guarded(run, scope);
  };
}
