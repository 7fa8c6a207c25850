import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { apiHandler, implement } from '../../../functions/http/api-handler';
import { defineOperation } from '../../../shared/api/operation';
import { textProblem } from '../../../shared/http/text-safety';
import { httpEvent, testContext } from '../../support/events';

describe('issue 12: text fields refuse control and format characters', () => {
  it.each([
    ['NUL', 'a\u0000b', 'text.control'],
    ['a C1 control', 'a\u0085b', 'text.control'],
    ['a lone surrogate', 'a\uD800b', 'text.encoding'],
    ['a right-to-left override', 'rapport\u202Efdp.exe', 'text.invisible'],
    ['a zero-width space', 'a\u200Bb', 'text.invisible'],
    ['a byte order mark', '\uFEFFtitel', 'text.invisible'],
  ])('refuses %s anywhere', (_what, value, code) => {
    expect(textProblem(value, true)?.code).toBe(code);
    expect(textProblem(value, false)?.code).toBe(code);
  });

  it('allows line breaks only in multi-line fields; tabs, accents, emoji with joiners and soft hyphens pass', () => {
    expect(textProblem('Titel\r\nBcc: x@example.be', false)?.code).toBe('text.line-break');
    expect(textProblem('a\u2028b', false)?.code).toBe('text.line-break');
    expect(textProblem('Regel 1\nRegel 2', true)).toBeUndefined();
    for (const ok of ['Opleiding heftruck\tB', 'Élève ça', '👩‍🔧 lasser', 'heft\u00ADruck', 'عربى', '𝒳 wiskunde']) expect(textProblem(ok, false)).toBeUndefined();
  });

  const op = defineOperation({
    id: 'textThing', method: 'POST', path: '/v1/text', fn: 'test', auth: { kind: 'jwt', roles: ['provider'] }, summary: 'test',
    body: z.strictObject({
      title: z.string().max(200),
      content: z.string().max(20_000).nullish(),
      modules: z.array(z.object({ title: z.string().max(200).nullish() })),
      contact: z.object({ name: z.string() }),
    }),
    responses: { 201: { description: 'ok' } },
  });
  let runs = 0;
  const handler = apiHandler([implement(op, async () => { runs++; return { status: 201 }; })]);
  const call = async (body: unknown) => (await handler(httpEvent({ routeKey: 'POST /v1/text', body, claims: { sub: 'p', roles: '[provider]', org: '0403170701' } }), testContext())) as APIGatewayProxyStructuredResultV2;

  it('the handler chain lists every text problem at once, by path, with the schema\'s own problems; nothing runs', async () => {
    const response = await call({ title: 'Titel\nBcc: a@b.be', content: 'mag\nwel', modules: [{ title: 'ok' }, { title: 'x\u202E' }], contact: { name: 'An\u0000' }, extra: 1 });
    expect(response.statusCode).toBe(400);
    const errors = JSON.parse(response.body as string).errors as { path: string; code: string }[];
    expect(errors.filter((e) => e.code.startsWith('text.')).map((e) => `${e.path} ${e.code}`).sort()).toEqual([
      'contact.name text.control', 'modules.1.title text.invisible', 'title text.line-break',
    ]);
    expect(errors.some((e) => e.code === 'unrecognized_keys')).toBe(true);
    expect(runs).toBe(0);
    expect((await call({ title: 'Titel', content: 'regel 1\nregel 2', modules: [], contact: { name: 'An' } })).statusCode).toBe(201);
  });
});
