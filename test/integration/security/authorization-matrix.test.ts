/**
 * The authorization matrix, generated from the contract (issue 12): role × route × owner. Every
 * operation of `shared/api/contract.ts` joins it by itself:
 * - role: a `jwt` route answers 401 without a token and 403 (problem+json) to every role it does not
 *   allow — before it reads the body or the object;
 * - owner: every provider or worker route on an object (`{id}`, `{odbNumber}`) answers another
 *   organisation or worker 404 (not 403), and changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../../shared/api/contract';
import type { Operation, Role } from '../../../shared/api/operation';
import { uniqueKbo, uniqueRrn } from '../../support/ids';
import { backofficeToken, bodyAt, providerToken, workerToken } from '../../support/stack';
import { brusselsToday, forwarded, registeredProvider, submitted, type Provider } from '../backoffice/support';
import { requestBody, seedRegistration, uniqueEmail } from '../cheques/support';
import { applicationBody } from '../provider/support';
import { attackClient } from './support';

const { call } = attackClient('authorization matrix');
const ROLES: readonly Role[] = ['provider', 'worker', 'backoffice'];
const jwtRoutes = operations.filter((op): op is Operation & { auth: { kind: 'jwt'; roles: readonly Role[] } } => op.auth.kind === 'jwt');

/** A syntactically valid value per path parameter name, so a refusal is about the caller, not the path. */
const placeholder: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000', documentId: '00000000-0000-4000-8000-000000000001',
  odbNumber: 'ODB-A999999', kbo: '0403170701', code: 'ABCD-EFGH-IJKL',
};
const fill = (path: string, values: Record<string, string>) => path.replace(/\{([^}]+)\}/g, (_m, name: string) => values[name] ?? placeholder[name] ?? 'x');

describe('authorization matrix: role × route (generated from the contract)', () => {
  const tokens = {} as Record<Role, string>;
  beforeAll(async () => {
    tokens.provider = await providerToken(uniqueKbo());
    tokens.worker = await workerToken(uniqueRrn());
    tokens.backoffice = await backofficeToken();
  });

  it('covers every jwt route of the contract', () => {
    expect(jwtRoutes.length).toBeGreaterThan(20);
  });

  for (const op of jwtRoutes) {
    it(`${op.method} ${op.path}: anonymous 401, ${ROLES.filter((r) => !op.auth.roles.includes(r)).join(' and ') || 'no other role'} 403`, async () => {
      const path = fill(op.path, {});
      expect((await call(op.method, path)).status).toBe(401);
      for (const role of ROLES.filter((r) => !op.auth.roles.includes(r))) {
        const response = await call(op.method, path, { token: tokens[role] });
        expect(response.status, `${role}: ${response.text}`).toBe(403);
        expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      }
    });
  }
});

/** Valid bodies for owner routes that take one (validation runs before the owner check). */
const bodies: Record<string, () => unknown> = {
  putApplication: () => applicationBody(),
  createDocumentSlot: () => ({ name: 'a.pdf', contentType: 'application/pdf', size: 10 }),
  answerQuestion: () => ({ answer: 'Antwoord', documentIds: [] }),
  stopRegistration: () => ({ stopDate: brusselsToday(1), reason: 'Niet meer georganiseerd' }),
};
const ownerRoutes = jwtRoutes.filter((op) => /\{(id|odbNumber)\}/.test(op.path) && (op.auth.roles.includes('provider') || op.auth.roles.includes('worker')));

describe('authorization matrix: owner (generated from the contract)', () => {
  let a: Provider;
  let otherProvider: string;
  let applicationOfA: string;
  let registrationOfA: string;
  let requestOfWorkerA: string;
  let workerA: string;
  let otherWorker: string;

  beforeAll(async () => {
    a = await registeredProvider();
    otherProvider = await providerToken(uniqueKbo());
    applicationOfA = bodyAt(await call('POST', '/v1/applications', { token: a.token, body: applicationBody() }), 201).id;
    const approved = await forwarded(a);
    registrationOfA = bodyAt(await call('POST', `/v1/backoffice/applications/${approved}/decision`, {
      token: await backofficeToken(), body: { outcome: 'approved', validFrom: brusselsToday(), chequeCategory: 'standard' },
    }), 200).odbNumbers!.training;
    await submitted(a);
    const { odbNumber } = await seedRegistration({ chequeCategory: 'nt2' });
    workerA = await workerToken(uniqueRrn());
    otherWorker = await workerToken(uniqueRrn());
    requestOfWorkerA = bodyAt(await call('POST', '/v1/cheque-requests', { token: workerA, body: requestBody(odbNumber, 5_000, uniqueEmail()) }), 201).id;
  });

  it('every owner route with a body has a valid body here', () => {
    expect(ownerRoutes.length).toBeGreaterThan(5);
    expect(ownerRoutes.filter((op) => op.body && !bodies[op.id]).map((op) => op.id)).toEqual([]);
  });

  for (const op of ownerRoutes) {
    it(`${op.method} ${op.path}: another owner gets 404 and changes nothing`, async () => {
      const worker = op.auth.roles.includes('worker');
      const owner = worker ? workerA : a.token;
      const intruder = worker ? otherWorker : otherProvider;
      const values = worker ? { id: requestOfWorkerA } : { id: applicationOfA, odbNumber: registrationOfA };
      const readBack = worker ? `/v1/cheque-requests/${requestOfWorkerA}` : op.path.includes('{odbNumber}') ? '/v1/registrations' : `/v1/applications/${applicationOfA}`;
      const before = (await call('GET', readBack, { token: owner })).text;
      const body = bodies[op.id]?.();
      const response = await call(op.method, fill(op.path, values), { token: intruder, ...(body === undefined ? {} : { body }) });
      expect(response.status, response.text).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((await call('GET', readBack, { token: owner })).text).toBe(before);
    });
  }
});
