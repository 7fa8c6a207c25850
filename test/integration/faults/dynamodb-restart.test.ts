import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type RunningStack } from '../../../infra/local/stack';
import { shortDossierReference } from '../../../functions/mail/templates/dossier-reference';
import { uniqueKbo } from '../../support/ids';
import { applicationBody, organisationBody } from '../provider/support';

/**
 * Issue 14: DynamoDB Local stopped (SIGTERM: the JVM dies mid-load, in-flight requests fail) and
 * restarted, on a local stack of the test's own (persisted to disk, free ports). Not SIGKILL: DynamoDB
 * Local may lose an acknowledged write on SIGKILL (README, "Durability, locally"; this test with SIGKILL
 * found an acknowledged submit back in `draft` after the restart) — AWS DynamoDB does not. Every acknowledged (2xx) submit is persisted, every refused one is a
 * 503 with Retry-After (never a 500), a client that retries after Retry-After gets its 200, and every
 * application's confirmation mail arrives exactly once.
 */
describe('faults: DynamoDB Local stopped and restarted during a submit load', () => {
  let stack: RunningStack;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'faults-ddb-'));
    process.env.DEMO_SEED = 'off';
    stack = await startLocalStack({ dataDir, schedules: false, ports: { api: 0, site: 0, dynamodb: 0, s3: 0, ses: 0 }, log: () => undefined });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: text ? JSON.parse(text) as Record<string, unknown> : {} };
  };

  it('every 2xx persisted, refusals are 503 with Retry-After, mails exactly once', { timeout: 150_000 }, async () => {
    // Prepare: 6 providers with 4 drafts each
    const providers = await Promise.all(Array.from({ length: 6 }, async (_, p) => {
      const kbo = uniqueKbo();
      const token = await stack.localIssuer.sign({ sub: `fault-${p}`, roles: ['provider'], org: kbo }, 3600);
      const org = organisationBody({ contact: { name: 'Fout Test', email: `fault-${p}-${kbo}@opleider.test`, phone: '+32 2 553 00 00' } });
      expect((await call('PUT', '/v1/organisation', token, org)).status).toBe(200);
      const drafts: string[] = [];
      for (let i = 0; i < 4; i++) {
        const created = await call('POST', '/v1/applications', token, applicationBody({ ownReference: `F-${p}-${i}` }));
        expect(created.status).toBe(201);
        drafts.push(String(created.body.id));
      }
      return { token, drafts, email: org.contact.email };
    }));

    // Act: the providers submit concurrently; after the first submits DynamoDB Local is killed and restarted
    const outcomes: Array<{ id: string; statuses: number[]; retryAfter: Array<string | null> }> = [];
    let acknowledged = 0;
    const killed = (async () => {
      while (acknowledged < 6) await new Promise((r) => setTimeout(r, 20));
      await stack.restartDynamo('SIGTERM');
    })();
    await Promise.all(providers.map(async ({ token, drafts }) => {
      for (const id of drafts) {
        const outcome = { id, statuses: [] as number[], retryAfter: [] as Array<string | null> };
        outcomes.push(outcome);
        const giveUpAt = Date.now() + 100_000; // the restart of the JVM takes 6–30 s on a busy machine
        while (Date.now() < giveUpAt) {
          const response = await call('POST', `/v1/applications/${id}/submit`, token).catch(() => ({ status: 0, retryAfter: null }));
          outcome.statuses.push(response.status);
          outcome.retryAfter.push(response.retryAfter);
          if (response.status === 200) { acknowledged++; break; }
          await new Promise((r) => setTimeout(r, response.retryAfter ? 500 : 250)); // Retry-After, shortened for the test
        }
      }
    }));
    await killed;
    await stack.streamsIdle();

    // Assess
    const all = outcomes.flatMap((o) => o.statuses);
    expect(all.filter((s) => s !== 200 && s !== 503)).toEqual([]); // no 500, no dropped connection
    expect(outcomes.flatMap((o) => o.statuses.map((s, i) => (s === 503 ? o.retryAfter[i] : '5')))).not.toContain(null);
    for (const outcome of outcomes) expect(outcome.statuses.at(-1)).toBe(200);
    for (const { token, drafts } of providers) {
      for (const id of drafts) expect((await call('GET', `/v1/applications/${id}`, token)).body.status).not.toBe('draft');
    }
    const store = (await (await fetch(`${stack.endpoints.ses}/store`)).json()) as { emails: Array<{ body: { text?: string } }> };
    const perApplication = outcomes.map((o) => store.emails.filter((m) => m.body.text?.includes(shortDossierReference(o.id))).length);
    expect(perApplication).toEqual(outcomes.map(() => 1));
    console.log(`faults/dynamodb-restart: ${outcomes.length} submits, ${outcomes.filter((o) => o.statuses.includes(503)).length} refused during the outage (${all.filter((s) => s === 503).length} × 503), all 200 after retrying, ${perApplication.filter((n) => n === 1).length} mails exactly once`);
  });
});
