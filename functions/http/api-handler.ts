import '../../shared/api/zod-setup';
import { IdempotencyAlreadyInProgressError, IdempotencyValidationError } from '@aws-lambda-powertools/idempotency';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { routeKey, type Operation } from '../../shared/api/operation';
import { ProblemError, forbidden, validationFailed, type Problem } from '../../shared/http/problem';
import { isDependencyUnavailable, RETRY_AFTER_SECONDS } from '../adapters/dependency-errors';
import { logger } from '../observability/logger';
import { claimsOf, type Claims } from './claims';
import { idempotencyKeyPrefix, idempotencyRunner } from './idempotency';
import { assertThroughEdge, envOriginVerify, type OriginVerifySource } from './origin-verify';
import { envRrnSecret, principalOf } from './principal';
import { enforceQuotas, quotaSetup, type QuotaOptions } from './quota-guard';
import { issuesToProblems, textProblems } from './validation';

type Out<S> = [S] extends [z.ZodType] ? z.output<S> : undefined;
type Parts<O> = O extends Operation<infer B, infer Q, infer P, infer A> ? { B: B; Q: Q; P: P; A: A } : never;

export interface ApiRequest<O extends Operation<any, any, any, any>> {
  body: Out<Parts<O>['B']>;
  query: Out<Parts<O>['Q']>;
  params: Out<Parts<O>['P']>;
  /** Present on `jwt` routes (the gateway verified the token). */
  claims: Parts<O>['A'] extends { kind: 'jwt' } ? Claims : Claims | undefined;
  event: APIGatewayProxyEventV2;
  /** The raw body as received (needed for signature checks). */
  rawBody: string | undefined;
  correlationId: string;
  context: Context;
}

export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Implementation {
  operation: Operation;
  run: (request: ApiRequest<Operation>) => Promise<ApiResult>;
}

/** Pair an operation of the contract with its implementation; the request is typed from the schemas. */
export function implement<O extends Operation<any, any, any, any>>(
  operation: O,
  run: (request: ApiRequest<O>) => Promise<ApiResult>,
): Implementation {
  return { operation: operation as Operation, run: run as unknown as Implementation['run'] };
}

interface SerialisedResult {
  status: number;
  text: string;
  headers: Record<string, string>;
  base64?: boolean;
}

const problemResult = (error: ProblemError, instance: string, correlationId: string): APIGatewayProxyResultV2 => ({
  statusCode: error.status,
  headers: { 'content-type': 'application/problem+json; charset=utf-8', 'x-correlation-id': correlationId, ...error.headers },
  body: JSON.stringify(error.toDocument(instance)),
});

/** A dependency down, unreachable or throttling after the SDK's bounded retries: try again later. */
export const dependencyUnavailable = () => new ProblemError(503, 'dependency-unavailable', 'Tijdelijk niet beschikbaar',
  'De dienst is even overbelast of niet bereikbaar. Probeer het over enkele seconden opnieuw.',
  { headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } });

/** Every error becomes problem+json; a 5xx never shows its cause. */
function toProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof IdempotencyValidationError) {
    return new ProblemError(422, 'idempotency-key-reused', 'Idempotency-Key hergebruikt',
      'Deze Idempotency-Key werd al gebruikt voor een andere aanvraag. Gebruik een nieuwe sleutel.');
  }
  if (error instanceof IdempotencyAlreadyInProgressError) {
    return new ProblemError(409, 'idempotency-in-progress', 'Aanvraag al in behandeling',
      'Een aanvraag met dezelfde Idempotency-Key wordt nog verwerkt. Probeer het zo dadelijk opnieuw.');
  }
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 422 || status === 400) {
      return validationFailed([{ path: '', code: 'invalid_json', message: 'De inhoud is geen geldige JSON.' }],
        'De inhoud van de aanvraag kon niet gelezen worden.');
    }
    if (status === 415) {
      return new ProblemError(415, 'unsupported-media-type', 'Niet-ondersteund formaat',
        'Stuur de inhoud als JSON (Content-Type: application/json).');
    }
    return new ProblemError(status, 'client-error', 'Ongeldige aanvraag', 'De aanvraag kon niet verwerkt worden.');
  }
  if (isDependencyUnavailable(error)) {
    logger.warn('Dependency unavailable', { error: error instanceof Error ? { name: error.name, message: error.message } : String(error) });
    return dependencyUnavailable();
  }
  logger.error('Unhandled error', { error: error instanceof Error ? error : String(error) });
  return new ProblemError(500, 'internal', 'Interne fout',
    'Er ging iets mis aan onze kant. Probeer het later opnieuw; blijft het probleem, meld dan het correlatie-id.');
}

function validate(operation: Operation, event: APIGatewayProxyEventV2) {
  const problems: Problem[] = [];
  const parse = (schema: z.ZodType | undefined, value: unknown, prefix: string) => {
    if (!schema) return undefined;
    problems.push(...textProblems(schema, value, prefix));
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    problems.push(...issuesToProblems(result.error.issues, prefix));
    return undefined;
  };
  const body = parse(operation.body, event.body, '');
  const query = parse(operation.query, event.queryStringParameters ?? {}, 'query');
  const params = parse(operation.params, event.pathParameters ?? {}, 'path');
  if (problems.length) throw validationFailed(problems);
  return { body, query, params };
}

export interface ApiHandlerOptions extends QuotaOptions {
  /** Name of the idempotency table; required when any operation is idempotent. */
  idempotencyTable?: string;
  /** Key of the worker hash (tenant of worker calls); default RRN_HMAC_SECRET(_ARN), read when first needed. */
  rrnHmacSecret?: string;
  /** Clock of the quota windows (tests). */
  now?: () => Date;
  /** The CloudFront origin-verify value (tests); default ORIGIN_VERIFY_SECRET(_ARN), unchecked when neither is set. */
  originVerify?: OriginVerifySource;
}

/**
 * One Lambda per area: a middy chain (logger with correlation id, JSON body parsing, problem+json
 * errors) around a router that picks the operation by route key, checks the role, validates body,
 * query and path with the operation's zod schemas (every problem at once), honours Idempotency-Key,
 * and runs the implementation.
 */
export function apiHandler(implementations: Implementation[], options: ApiHandlerOptions = {}) {
  const byRoute = new Map(implementations.map((impl) => [routeKey(impl.operation), impl]));
  const needsIdempotency = implementations.some((impl) => impl.operation.idempotent);
  if (needsIdempotency && !options.idempotencyTable) throw new Error('apiHandler: idempotencyTable is required');
  const areas = [...new Set(implementations.map((impl) => impl.operation.fn))];
  if (needsIdempotency && areas.length !== 1) throw new Error(`apiHandler: one area per handler (the idempotency key prefix), got ${areas.join(', ')}`);
  const idempotent = needsIdempotency ? idempotencyRunner<SerialisedResult>(options.idempotencyTable as string, idempotencyKeyPrefix(areas[0]!)) : undefined;
  const quotas = quotaSetup(implementations.map((impl) => impl.operation), options);
  const rrnSecret = options.rrnHmacSecret === undefined ? envRrnSecret : async () => options.rrnHmacSecret as string;
  const now = options.now ?? (() => new Date());
  const originVerify = 'originVerify' in options ? options.originVerify : envOriginVerify();
  const jsonBody = httpJsonBodyParser<APIGatewayProxyEventV2>({ disableContentTypeError: false });

  const route = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyResultV2> => {
    const correlationId = event.headers?.['x-correlation-id'] ?? event.requestContext?.requestId ?? randomUUID();
    logger.appendKeys({ correlationId, route: event.routeKey });
    const instance = event.rawPath ?? '';
    const rawBody = event.body === undefined ? undefined :
      event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    try {
      await assertThroughEdge(originVerify, event.headers);
      const impl = byRoute.get(event.routeKey);
      if (!impl) throw new ProblemError(404, 'not-found', 'Niet gevonden', 'Deze route bestaat niet.');
      const { operation } = impl;
      const claims = claimsOf(event as Parameters<typeof claimsOf>[0]);
      if (operation.auth.kind === 'jwt') {
        if (!claims) throw new ProblemError(401, 'unauthorized', 'Niet aangemeld', 'Meld u aan om verder te gaan.');
        if (!operation.auth.roles.some((role) => claims.roles.includes(role))) throw forbidden();
      }
      if (operation.body && rawBody !== undefined && rawBody !== '') {
        await jsonBody.before?.({ event, context, response: undefined, error: undefined, internal: {} } as never);
      } else if (operation.body) {
        delete event.body;
      }
      const { body, query, params } = validate(operation, event);
      const request: ApiRequest<Operation> = {
        body, query, params, claims, event, rawBody, correlationId, context,
      } as ApiRequest<Operation>;
      const key = event.headers?.['idempotency-key'];
      const principal = (idempotent && operation.idempotent && key) || operation.quotas?.length ? await principalOf(operation, claims, rrnSecret) : undefined;
      // The response is stored serialised, so a replay returns the very same bytes; a replay is not counted.
      const execute = async (): Promise<SerialisedResult> => {
        if (quotas && principal) await enforceQuotas(operation, principal, quotas.store, quotas.limits, now());
        const result = await impl.run(request);
        // Bytes (a PDF) go out base64-encoded, as API Gateway expects of a binary body.
        if (result.body instanceof Uint8Array) {
          return { status: result.status, text: Buffer.from(result.body).toString('base64'), headers: result.headers ?? {}, base64: true };
        }
        return { status: result.status, text: result.body === undefined ? '' : JSON.stringify(result.body), headers: result.headers ?? {} };
      };
      const result = idempotent && operation.idempotent && key
        ? await idempotent({
          method: operation.method, path: event.rawPath, tenant: principal?.tenant ?? 'anonymous',
          principal: claims?.sub ?? 'anonymous', key, body: body ?? null,
        }, execute, context)
        : await execute();
      return {
        statusCode: result.status,
        headers: { 'content-type': 'application/json; charset=utf-8', 'x-correlation-id': correlationId, ...result.headers },
        body: result.text,
        ...(result.base64 ? { isBase64Encoded: true } : {}),
      };
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status >= 500) logger.error('Request failed', { status: problem.status });
      else logger.info('Request refused', { status: problem.status, slug: problem.slug });
      return problemResult(problem, instance, correlationId);
    }
  };

  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>({ timeoutEarlyInMillis: 0 })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(route);
}
