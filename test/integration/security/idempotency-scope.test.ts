/**
 * Issue 12 (medium): an Idempotency-Key is scoped by method + raw path + tenant + `sub`. For EVERY
 * idempotent route of the contract, a key that succeeded once is reused (same body) on another path
 * parameter, and by another tenant with the very same `sub` (an identity provider that reuses a
 * subject): neither may be answered with the first response. The route list comes from the contract,
 * so a new idempotent route fails this file until it gets a fixture.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { operations } from '../../../shared/api/contract';
import type { Operation } from '../../../shared/api/operation';
import { backofficeToken, providerToken, tokenFor } from '../../support/stack';
import { uniqueKbo, uniqueRrn } from '../../support/ids';
import { brusselsToday, forwarded, registeredProvider, submitted, type Provider } from '../backoffice/support';
import { requestBody, seedRegistration, uniqueEmail } from '../cheques/support';
import { applicationBody, providerWithOrganisation } from '../provider/support';
import { attackClient } from './support';

const { call } = attackClient('idempotency scope');

interface Target { token: string; path: string; body?: unknown }
interface Fixture {
  /** Two targets of the same caller on different path parameters (undefined: the route has none). */
  twoObjects?: () => Promise<[Target, Target]>;
  /** One target, and the same request by another tenant whose token carries the same `sub`. */
  twoTenants: () => Promise<[Target, Target]>;
}

const sameSubProviders = async (): Promise<[Provider, Provider]> => {
  const sub = `shared-sub-${randomUUID()}`;
  const a = await registeredProvider();
  const b = await registeredProvider();
  return [{ ...a, token: await providerToken(a.kbo, sub) }, { ...b, token: await providerToken(b.kbo, sub) }];
};
const backofficePair = async (): Promise<[string, string]> => [await backofficeToken(`bo-${randomUUID()}`), await backofficeToken(`bo-${randomUUID()}`)];
const doc = { name: 'brochure.pdf', contentType: 'application/pdf', size: 1000 };

async function draftOf(provider: Provider): Promise<string> {
  const draft = await call('POST', '/v1/applications', { token: provider.token, body: applicationBody() });
  if (draft.status !== 201) throw new Error(`draft: ${draft.status} ${draft.text}`);
  return draft.body.id as string;
}
async function questioned(provider: Provider): Promise<string> {
  const id = await submitted(provider);
  const asked = await call('POST', `/v1/backoffice/applications/${id}/questions`, { token: await backofficeToken(), body: { question: 'Welke docenten?' } });
  if (asked.status !== 201) throw new Error(`question: ${asked.status} ${asked.text}`);
  return id;
}
async function registeredOdb(provider: Provider): Promise<string> {
  const id = await forwarded(provider);
  const decided = await call('POST', `/v1/backoffice/applications/${id}/decision`, {
    token: await backofficeToken(), body: { outcome: 'approved', validFrom: brusselsToday(), chequeCategory: 'standard' },
  });
  if (decided.status !== 200) throw new Error(`decision: ${decided.status} ${decided.text}`);
  return decided.body.odbNumbers!.training as string;
}

/** Per idempotent operation: how to reach two objects, and two tenants. */
/**
 * A back-office route: two objects (two dossiers of one provider) with one officer, or — the back office
 * is one tenant, so "another tenant" is another officer — one dossier each for two officers.
 */
const backofficeFixture = (path: (id: string) => string, prepare: (provider: Provider) => Promise<string>, body: unknown): Fixture => ({
  twoObjects: async () => {
    const provider = await registeredProvider();
    const [a, b] = [await prepare(provider), await prepare(provider)];
    const token = await backofficeToken(`bo-${randomUUID()}`);
    return [{ token, path: path(a), body }, { token, path: path(b), body }];
  },
  twoTenants: async () => {
    const provider = await registeredProvider();
    const [ta, tb] = await backofficePair();
    return [{ token: ta, path: path(await prepare(provider)), body }, { token: tb, path: path(await prepare(provider)), body }];
  },
});

const fixtures: Record<string, Fixture> = {
  createLmsDocumentSlot: {
    twoTenants: async () => {
      const sub = `shared-sub-${randomUUID()}`;
      const lms = { lms: { system: 'other' as const, otherName: 'Eigen platform' } };
      const a = await providerWithOrganisation(uniqueKbo(), lms);
      const b = await providerWithOrganisation(uniqueKbo(), lms);
      const path = '/v1/organisation/lms-document';
      return [{ token: await providerToken(a.kbo, sub), path, body: doc }, { token: await providerToken(b.kbo, sub), path, body: doc }];
    },
  },
  createApplication: {
    twoTenants: async () => {
      const [a, b] = await sameSubProviders();
      const body = applicationBody();
      return [{ token: a.token, path: '/v1/applications', body }, { token: b.token, path: '/v1/applications', body }];
    },
  },
  createDocumentSlot: {
    twoObjects: async () => {
      const provider = await registeredProvider();
      const [a, b] = [await draftOf(provider), await draftOf(provider)];
      return [{ token: provider.token, path: `/v1/applications/${a}/documents`, body: doc }, { token: provider.token, path: `/v1/applications/${b}/documents`, body: doc }];
    },
    twoTenants: async () => {
      const [pa, pb] = await sameSubProviders();
      return [{ token: pa.token, path: `/v1/applications/${await draftOf(pa)}/documents`, body: doc }, { token: pb.token, path: `/v1/applications/${await draftOf(pb)}/documents`, body: doc }];
    },
  },
  submitApplication: {
    twoObjects: async () => {
      const provider = await registeredProvider();
      const [a, b] = [await draftOf(provider), await draftOf(provider)];
      return [{ token: provider.token, path: `/v1/applications/${a}/submit` }, { token: provider.token, path: `/v1/applications/${b}/submit` }];
    },
    twoTenants: async () => {
      const [pa, pb] = await sameSubProviders();
      return [{ token: pa.token, path: `/v1/applications/${await draftOf(pa)}/submit` }, { token: pb.token, path: `/v1/applications/${await draftOf(pb)}/submit` }];
    },
  },
  answerQuestion: {
    twoObjects: async () => {
      const provider = await registeredProvider();
      const [a, b] = [await questioned(provider), await questioned(provider)];
      const body = { answer: 'Twee docenten.' };
      return [{ token: provider.token, path: `/v1/applications/${a}/answers`, body }, { token: provider.token, path: `/v1/applications/${b}/answers`, body }];
    },
    twoTenants: async () => {
      const [pa, pb] = await sameSubProviders();
      const body = { answer: 'Twee docenten.' };
      return [{ token: pa.token, path: `/v1/applications/${await questioned(pa)}/answers`, body }, { token: pb.token, path: `/v1/applications/${await questioned(pb)}/answers`, body }];
    },
  },
  askQuestion: backofficeFixture((id) => `/v1/backoffice/applications/${id}/questions`, submitted, { question: 'Welke docenten?' }),
  forwardApplication: backofficeFixture((id) => `/v1/backoffice/applications/${id}/forward`, submitted, { to: 'VOC', advice: null }),
  decideApplication: backofficeFixture((id) => `/v1/backoffice/applications/${id}/decision`, forwarded, { outcome: 'rejected', reason: 'Niet gericht op de arbeidsmarkt.' }),
  evaluateRegistration: backofficeFixture((odb) => `/v1/backoffice/registrations/${odb}/evaluation`, registeredOdb, { outcome: 'positive' }),
  createChequeRequest: {
    twoTenants: async () => {
      const { odbNumber } = await seedRegistration({ chequeCategory: 'nt2' });
      const sub = `shared-sub-${randomUUID()}`;
      const body = requestBody(odbNumber, 5_000, uniqueEmail());
      return [
        { token: await tokenFor({ sub, roles: ['worker'], rrn: uniqueRrn() }), path: '/v1/cheque-requests', body },
        { token: await tokenFor({ sub, roles: ['worker'], rrn: uniqueRrn() }), path: '/v1/cheque-requests', body },
      ];
    },
  },
};

const idempotent = operations.filter((op) => op.idempotent);
const hasPathParameter = (op: Operation) => op.path.includes('{');

describe('issue 12: Idempotency-Key scoped by method + raw path + tenant + sub', () => {
  it('every idempotent route of the contract has a fixture here', () => {
    expect(idempotent.length).toBeGreaterThan(0);
    expect(idempotent.map((op) => op.id).filter((id) => !fixtures[id])).toEqual([]);
    for (const op of idempotent) expect(Boolean(fixtures[op.id]?.twoObjects), `${op.id}: twoObjects iff a path parameter`).toBe(hasPathParameter(op));
  });

  const send = (method: string, target: Target, key: string) =>
    call(method, target.path, { token: target.token, headers: { 'idempotency-key': key }, ...(target.body === undefined ? {} : { body: target.body }) });
  /** The same key on both targets: each is a success with a response of its own. Returns the first. */
  const sendBoth = async (method: string, a: Target, b: Target, key: string) => {
    const first = await send(method, a, key);
    expect(first.status, first.text).toBeLessThan(300);
    const other = await send(method, b, key);
    expect(other.status, other.text).toBeLessThan(300);
    expect(other.text).not.toBe(first.text);
    return first;
  };

  for (const op of idempotent) {
    const fixture = fixtures[op.id];
    if (!fixture) continue;
    if (fixture.twoObjects) {
      it(`${op.method} ${op.path}: the key used on one object does not answer for another`, async () => {
        const [a, b] = await fixture.twoObjects!();
        const key = randomUUID();
        const first = await sendBoth(op.method, a, b, key);
        // and the first object's replay is still its own response
        expect((await send(op.method, a, key)).text).toBe(first.text);
      });
    }
    it(`${op.method} ${op.path}: another tenant with the same sub and key gets its own response`, async () => {
      const [a, b] = await fixture.twoTenants();
      await sendBoth(op.method, a, b, randomUUID());
    });
  }
});
