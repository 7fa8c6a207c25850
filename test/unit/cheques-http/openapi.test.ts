/** The cheque routes in the generated OpenAPI document: named schemas resolve, no name clashes. */
import { describe, expect, it } from 'vitest';
import { operations } from '../../../shared/api/contract';
import { buildOpenApiDocument } from '../../../shared/api/openapi';

describe('OpenAPI document of the cheque routes', () => {
  const doc = buildOpenApiDocument(operations, { version: 'test' });
  const text = JSON.stringify(doc);
  const schemas = doc.components.schemas as Record<string, { properties?: Record<string, unknown> }>;

  it('lists the worker and issuer routes with their fixed paths', () => {
    for (const path of ['/v1/cheques/entitlement', '/v1/cheque-requests', '/v1/cheque-requests/{id}', '/v1/issuer/events']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('every $ref points at a schema in components, and Problem stays the RFC 9457 document', () => {
    for (const match of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(schemas).toHaveProperty(match[1] as string);
    expect(text).not.toContain('#/$defs/');
    expect(Object.keys(schemas.Problem?.properties ?? {})).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail']));
    expect(schemas).toHaveProperty('ChequeRequest');
    expect(schemas).toHaveProperty('ChequeReason');
  });
});
