import * as z from 'zod';
import type { Operation } from './operation';
import { problemSchema } from './problem-schema';
import { documentedResponses } from './responses';
import { defaultQuotaLimits, type QuotaLimits } from '../quotas/quota';
import { defaultRateLimits, RATE_LIMIT_RETRY_AFTER_SECONDS, rateLimitDefinitions, type RateLimits } from '../quotas/rate-limits';

type JsonSchema = Record<string, unknown>;

/** Named schemas (`.meta({ id })`) land in components; zod's `#/$defs/X` refs are pointed there. */
const components: Record<string, JsonSchema> = {};

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const raw = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  const json = JSON.parse(JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  delete json.$schema;
  const defs = json.$defs as Record<string, JsonSchema> | undefined;
  if (defs) {
    for (const [name, def] of Object.entries(defs)) components[name] ??= def;
    delete json.$defs;
  }
  if (typeof json.id === 'string') {
    // a named schema at the top: keep one copy in components and refer to it
    const name = json.id;
    delete json.id;
    components[name] ??= json;
    return { $ref: `#/components/schemas/${name}` };
  }
  return json;
};

/** The properties of an object schema, one OpenAPI parameter each. */
const parametersOf = (schema: z.ZodType | undefined, location: 'query' | 'path', path: string) => {
  const names = new Set<string>();
  if (location === 'path') for (const match of path.matchAll(/\{([^}]+)\}/g)) names.add(match[1] as string);
  const json = schema ? toSchema(schema, 'input') : { properties: {}, required: [] };
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  for (const name of Object.keys(properties)) names.add(name);
  const required = new Set((json.required ?? []) as string[]);
  return [...names].map((name) => ({
    name,
    in: location,
    required: location === 'path' ? true : required.has(name),
    schema: properties[name] ?? { type: 'string' },
    ...(properties[name]?.description ? { description: properties[name].description } : {}),
  }));
};


/** OpenAPI 3.1 document generated from the operations: the same zod schemas that validate requests. */
export function buildOpenApiDocument(
  operations: readonly Operation[],
  info: { version: string; serverUrl?: string; quotaLimits?: QuotaLimits; rateLimits?: RateLimits },
) {
  const limits = info.quotaLimits ?? defaultQuotaLimits;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const quotas = (op.quotas ?? []).map((quota) => ({ id: quota.id, limit: limits[quota.id] ?? quota.defaultLimit, per: quota.scope, window: 'day (Europe/Brussels)', description: quota.description }));
    const quotaText = `Quota reached: ${quotas.map((q) => `${q.limit} ${q.description}`).join('; ')}. Code \`quota.<id>\`; try again after Retry-After seconds.`;
    // The one list of statuses and bodies (shared/api/responses.ts), which the test helpers also check against.
    const responses: Record<string, unknown> = {};
    for (const [status, response] of documentedResponses(op, quotaText)) {
      const { body } = response;
      const content = body.kind === 'json' ? { 'application/json': { schema: toSchema(body.schema, 'output') } }
        : body.kind === 'problem' ? { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
          : body.kind === 'binary' ? { [body.contentType]: { schema: { type: 'string', contentMediaType: body.contentType } } }
            : undefined;
      if (content && response.gateway) Object.assign(content, { 'application/json': { schema: toSchema(response.gateway, 'output') } });
      responses[String(status)] = { description: response.description, ...(content ? { content } : {}), ...(response.headers ? { headers: response.headers } : {}) };
    }
    const parameters = [...parametersOf(op.params, 'path', op.path), ...parametersOf(op.query, 'query', op.path)];
    if (op.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header' as 'query',
        required: false,
        schema: { type: 'string', maxLength: 255 },
        description: 'A replay returns the same status and body and creates nothing new',
      });
    }
    const method = op.method.toLowerCase();
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, unknown>)[method] = {
      operationId: op.id,
      summary: op.summary,
      ...(op.tags ? { tags: op.tags } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(op.body, 'input') } } } }
        : {}),
      responses,
      ...(quotas.length ? { 'x-quotas': quotas } : {}),
      ...(op.auth.kind === 'jwt' ? { security: [{ bearer: [] }], 'x-roles': op.auth.roles } : { security: [] }),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Opleidingsincentives API',
      version: info.version,
      description: 'Opleidingsdatabank (ODB) and opleidingscheques: providers, back office, workers, issuer, public catalogue.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    // Per client IP, enforced in AWS by the WAF in front of the API (CloudFront): over a limit, 429
    // problem+json (`rate-limited`) with Retry-After. Per-principal limits are `x-quotas` per operation.
    'x-rate-limits': rateLimitDefinitions.map((limit) => ({
      id: limit.id, limit: (info.rateLimits ?? defaultRateLimits)[limit.id] ?? limit.defaultLimit, windowSeconds: limit.windowSeconds,
      per: 'client IP', description: limit.description, status: 429, retryAfterSeconds: RATE_LIMIT_RETRY_AFTER_SECONDS,
    })),
    paths,
    components: {
      schemas: { Problem: toSchema(problemSchema, 'output'), ...components },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
