import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { JWTPayload } from 'jose';
import { MAX_REQUEST_BYTES, corsPolicy } from '../cors';
import { apiFunctionEntry, type ApiRoute } from '../routes';
import type { LocalIssuer } from './auth';
import { lambdaContext } from './lambda-context';
import { loadHandler } from './modules';
import { guardRequests } from './request-guard';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

export interface ExtraRoute {
  method: string;
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> | void;
}

export interface GatewayOptions {
  port: number;
  routes: readonly ApiRoute[];
  issuer: LocalIssuer;
  allowedOrigins: string[];
  /** Local-only routes (the local auth issuer's JWKS and sign-in page). */
  extraRoutes?: ExtraRoute[];
  log?: (line: string) => void;
}

interface CompiledRoute {
  route: ApiRoute;
  pattern: RegExp;
  names: string[];
}

function compile(route: ApiRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}+]+)(\+?)\\?\}/g, (_m, name: string, greedy: string) => {
    names.push(name);
    return greedy ? '(.+)' : '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

/** API Gateway passes JWT claims as strings; arrays become "[a b]" (HTTP API JWT authorizer behaviour). */
export function claimsAsApiGateway(payload: JWTPayload): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (Array.isArray(value)) out[key] = `[${value.join(' ')}]`;
    else if (value !== null && typeof value === 'object') out[key] = JSON.stringify(value);
    else out[key] = String(value);
  }
  return out;
}

const UNAUTHORIZED = JSON.stringify({ message: 'Unauthorized' });
const NOT_FOUND = JSON.stringify({ message: 'Not Found' });
const BAD_REQUEST = JSON.stringify({ message: 'Bad Request' });
const TOO_LARGE = JSON.stringify({ message: 'Request Entity Too Large' });

/**
 * The body, or `undefined` when it is larger than API Gateway accepts: the rest is read and dropped
 * (never held in memory), so the client receives the 413 instead of a reset connection.
 */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_REQUEST_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_REQUEST_BYTES ? undefined : Buffer.concat(chunks);
}

/** Path parameters decoded as API Gateway does; malformed percent-encoding (`/v1/x/%`) is a 400, not a 500. */
function decodePathParameters(names: readonly string[], values: readonly string[]): Record<string, string> | undefined {
  const decoded: Record<string, string> = {};
  try {
    names.forEach((name, index) => { decoded[name] = decodeURIComponent(values[index] as string); });
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
  return decoded;
}

const isText = (contentType: string | undefined) =>
  !contentType || /^(text\/|application\/(json|problem\+json|x-www-form-urlencoded|xml))/i.test(contentType) || /\+json/i.test(contentType);

/**
 * The local stand-in for API Gateway (HTTP API, payload format 2.0): verifies the bearer token on
 * protected routes exactly as the JWT authorizer would (401 `{"message":"Unauthorized"}`), builds the
 * event with the verified claims in `requestContext.authorizer.jwt.claims`, and invokes the same handler
 * module the CDK app deploys.
 */
export function startGateway(options: GatewayOptions): Promise<{ server: Server; url: string; stop(): Promise<void> }> {
  const compiled = options.routes.map(compile);
  const log = options.log ?? (() => undefined);

  const cors = (req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    if (origin && options.allowedOrigins.includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      res.setHeader('access-control-expose-headers', corsPolicy.exposeHeaders.join(','));
    }
  };

  const server = createServer(guardRequests('gateway', async (req, res) => {
    const started = Date.now();
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = (req.method ?? 'GET').toUpperCase();
      cors(req, res);
      if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
        res.writeHead(204, {
          'access-control-allow-methods': [...corsPolicy.allowMethods, 'OPTIONS'].join(','),
          'access-control-allow-headers': corsPolicy.allowHeaders.join(','),
          'access-control-max-age': String(corsPolicy.maxAgeSeconds),
        });
        res.end();
        return;
      }
      const body = await readBody(req);
      if (!body) {
        res.writeHead(413, { 'content-type': 'application/json' }).end(TOO_LARGE);
        return;
      }
      const extra = options.extraRoutes?.find((route) => route.method === method && route.path === url.pathname);
      if (extra) { await extra.handle(req, res, body); return; }

      let match: { compiled: CompiledRoute; values: string[] } | undefined;
      for (const candidate of compiled) {
        if (candidate.route.method !== method) continue;
        const found = candidate.pattern.exec(url.pathname);
        if (found) { match = { compiled: candidate, values: found.slice(1) }; break; }
      }
      if (!match) { res.writeHead(404, { 'content-type': 'application/json' }).end(NOT_FOUND); return; }
      const { route } = match.compiled;

      let claims: Record<string, string> | undefined;
      if (route.auth.kind === 'jwt') {
        const header = req.headers.authorization ?? '';
        const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
        if (!token) { res.writeHead(401, { 'content-type': 'application/json' }).end(UNAUTHORIZED); return; }
        try {
          claims = claimsAsApiGateway(await options.issuer.verify(token));
        } catch {
          res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }).end(UNAUTHORIZED);
          return;
        }
      }

      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
      }
      const query: Record<string, string> = {};
      for (const [name, value] of url.searchParams) query[name] = query[name] === undefined ? value : `${query[name]},${value}`;
      const pathParameters = decodePathParameters(match.compiled.names, match.values);
      if (!pathParameters) { res.writeHead(400, { 'content-type': 'application/json' }).end(BAD_REQUEST); return; }
      const text = isText(headers['content-type']);
      const now = new Date();
      const event = {
        version: '2.0',
        routeKey: route.routeKey,
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        ...(headers.cookie ? { cookies: headers.cookie.split(/;\s*/) } : {}),
        headers,
        ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
        ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
        requestContext: {
          accountId: '000000000000',
          apiId: 'local',
          domainName: headers.host ?? '127.0.0.1',
          domainPrefix: 'local',
          http: { method, path: url.pathname, protocol: `HTTP/${req.httpVersion}`, sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
          requestId: randomUUID(),
          routeKey: route.routeKey,
          stage: '$default',
          time: now.toUTCString(),
          timeEpoch: now.getTime(),
          ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
        },
        ...(body.length ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
        isBase64Encoded: body.length > 0 && !text,
      } as unknown as APIGatewayProxyEventV2;

      const handler = await loadHandler<Handler>(apiFunctionEntry(route.fn));
      const result = await handler(event, lambdaContext(`api-${route.fn}`));
      writeResult(res, result);
      log(`${method} ${url.pathname} → ${res.statusCode} (${Date.now() - started} ms)`);
    } catch (error) {
      // What API Gateway answers when the integration fails.
      log(`gateway error: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Internal Server Error' }));
    }
  }));

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({
        server,
        url: `http://127.0.0.1:${port}`,
        stop: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

function writeResult(res: ServerResponse, result: APIGatewayProxyResultV2) {
  if (typeof result === 'string' || !result || typeof result !== 'object' || !('statusCode' in result)) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(typeof result === 'string' ? result : JSON.stringify(result));
    return;
  }
  const structured = result as APIGatewayProxyStructuredResultV2;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name] = String(value);
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  res.writeHead(structured.statusCode ?? 200, headers);
  const body = structured.body ?? '';
  res.end(structured.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}
