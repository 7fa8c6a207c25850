import * as z from 'zod';
import { defineOperation } from './operation';

export const healthResponse = z.object({
  status: z.literal('ok'),
  time: z.string().meta({ description: 'Server time, ISO 8601 UTC' }),
});

export const getHealth = defineOperation({
  id: 'getHealth',
  method: 'GET',
  path: '/v1/health',
  fn: 'platform',
  auth: { kind: 'public' },
  summary: 'Liveness',
  tags: ['platform'],
  responses: { 200: { description: 'The API is up', schema: healthResponse } },
});

/** The document's outline (its content is described by the OpenAPI 3.1 specification itself). */
export const openApiDocumentResponse = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.record(z.string(), z.unknown()),
});

export const getOpenApi = defineOperation({
  id: 'getOpenApi',
  method: 'GET',
  path: '/v1/openapi.json',
  fn: 'platform',
  auth: { kind: 'public' },
  summary: 'This OpenAPI 3.1 document',
  tags: ['platform'],
  responses: { 200: { description: 'OpenAPI 3.1 document', schema: openApiDocumentResponse } },
});

export const meResponse = z.object({
  sub: z.string(),
  roles: z.array(z.enum(['provider', 'worker', 'backoffice'])),
  org: z.string().optional().meta({ description: "The provider's KBO number" }),
});

export const getMe = defineOperation({
  id: 'getMe',
  method: 'GET',
  path: '/v1/me',
  fn: 'platform',
  auth: { kind: 'jwt', roles: ['provider', 'worker', 'backoffice'] },
  summary: 'Who the token belongs to (never echoes the national register number)',
  tags: ['platform'],
  responses: { 200: { description: 'The caller', schema: meResponse } },
});

export const platformOperations = [getHealth, getOpenApi, getMe];
