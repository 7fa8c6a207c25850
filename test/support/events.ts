import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';

/** An API Gateway HTTP API (payload 2.0) event, for invoking handlers in process. */
export function httpEvent(options: {
  routeKey: string;
  path?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  claims?: Record<string, string>;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
}): APIGatewayProxyEventV2 {
  const [method, routePath] = options.routeKey.split(' ') as [string, string];
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return {
    version: '2.0',
    routeKey: options.routeKey,
    rawPath: options.path ?? routePath,
    rawQueryString: '',
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000', apiId: 'test', domainName: 'test', domainPrefix: 'test',
      http: { method, path: options.path ?? routePath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: randomUUID(), routeKey: options.routeKey, stage: '$default', time: new Date().toUTCString(), timeEpoch: Date.now(),
      ...(options.claims ? { authorizer: { jwt: { claims: options.claims, scopes: null } } } : {}),
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

export function testContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: false, functionName: 'test', functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:test', memoryLimitInMB: '512',
    awsRequestId: randomUUID(), logGroupName: 'test', logStreamName: 'test',
    getRemainingTimeInMillis: () => 30_000, done: () => undefined, fail: () => undefined, succeed: () => undefined,
  };
}
