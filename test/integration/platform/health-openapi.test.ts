import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { api, expectStatus } from '../../support/stack';

describe('platform routes over real HTTP on the local stack', () => {
  it('GET /v1/health answers 200 ok', async () => {
    const response = await api('GET', '/v1/health');
    expectStatus(response, 200);
    expect(response.body).toMatchObject({ status: 'ok' });
    expect(Date.parse(response.body.time)).not.toBeNaN();
  });

  it('GET /v1/openapi.json is a valid OpenAPI 3.1 document listing the routes of the contract', async () => {
    const response = await api('GET', '/v1/openapi.json');
    expectStatus(response, 200);
    expect(response.body.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(response.body));
    if (!result.valid) throw new Error(JSON.stringify(result.errors));
    expect(result.valid).toBe(true);
    expect(Object.keys(response.body.paths)).toContain('/v1/health');
    expect(response.body.paths['/v1/me']?.['get']).toMatchObject({ security: [{ bearer: [] }] });
  });

  it('an unknown route answers 404 like API Gateway', async () => {
    const response = await api('GET', '/v1/does-not-exist');
    expectStatus(response, 404);
  });
});
