/**
 * Issue 12 (low): text fields refuse NUL, lone surrogates, line breaks in single-line fields (a title
 * goes into a mail Subject) and bidi overrides (`rapport\u202Efdp.exe`) — checked centrally by the
 * handler chain for every route, every problem listed at once, nothing written.
 */
import { describe, expect, it } from 'vitest';
import { uniqueKbo } from '../../support/ids';
import { applicationBody, applicationsOf, providerWithOrganisation } from '../provider/support';
import { attackClient } from './support';
import { bodyAt, expectStatus } from '../../support/stack';

const { call } = attackClient('text fields');

describe('issue 12: control and format characters in text fields', () => {
  it('a draft with CR/LF in the title, NUL in the reference and a lone surrogate in the target group is 400 listing all three; nothing stored', async () => {
    const provider = await providerWithOrganisation(uniqueKbo());
    const body = { ...applicationBody(), title: 'Heftruck\r\nBcc: iedereen@example.be', ownReference: 'REF\u0000', targetGroup: 'Werkzoekenden \uD800' };
    const response = await call('POST', '/v1/applications', { token: provider.token, body });
    expectStatus(response, 400);
    expect(response.body.errors?.filter((e: { code: string }) => e.code.startsWith('text.')).map((e: { path: string; code: string }) => `${e.path} ${e.code}`).sort())
      .toEqual(['ownReference text.control', 'targetGroup text.encoding', 'title text.line-break']);
    expect(await applicationsOf(provider.kbo)).toEqual([]);
    // line breaks are fine in the long texts
    expect((await call('POST', '/v1/applications', { token: provider.token, body: { ...applicationBody(), content: `${applicationBody().content}\n\nTweede alinea.` } })).status).toBe(201);
  });

  it('a file name with a right-to-left override is refused (rapport\\u202Efdp.exe shows as rapportexe.pdf)', async () => {
    const provider = await providerWithOrganisation(uniqueKbo());
    const draft = await call('POST', '/v1/applications', { token: provider.token, body: applicationBody() });
    expectStatus(draft, 201);
    const response = await call('POST', `/v1/applications/${draft.body.id}/documents`, {
      token: provider.token, body: { name: 'rapport\u202Efdp.exe', contentType: 'application/pdf', size: 1000 },
    });
    expectStatus(response, 400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'name', code: 'text.invisible' })]));
    expect(bodyAt(await call('GET', `/v1/applications/${draft.body.id}`, { token: provider.token }), 200).documents).toEqual([]);
  });
});
