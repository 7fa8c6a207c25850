/**
 * Issue 12 (medium, OWASP API3 BOPLA): the public record `GET /v1/trainings/{odbNumber}` is an
 * allow-list projection through the published-record schema the site uses — exactly its fields, never
 * `removalDate` (which reveals a negative evaluation), `evaluationDue` or `ownReference`.
 */
import { describe, expect, it } from 'vitest';
import { decideApplication } from '../../../shared/api/backoffice';
import { evaluateRegistration, getTraining } from '../../../shared/api/registrations';
import { PublishedTraining } from '../../../shared/catalogue/published-training';
import { backofficeToken, expectStatus } from '../../support/stack';
import { brusselsToday, forwarded, registeredProvider } from '../backoffice/support';
import { attackClient } from './support';

const { operation } = attackClient('public record');

describe('issue 12: the public record is the published-record schema, nothing more', () => {
  it('a public response has exactly the fields of PublishedTraining, also after a negative evaluation', async () => {
    const provider = await registeredProvider();
    const id = await forwarded(provider);
    // typed from the contract's schemas (and checked against them at run time)
    const decided = await operation(decideApplication, {
      params: { id }, token: await backofficeToken(), body: { outcome: 'approved', validFrom: brusselsToday(), chequeCategory: 'standard' },
    });
    expectStatus(decided, 200);
    const odb = decided.body.odbNumbers!.training;
    // a negative evaluation sets a removal date: the public must not learn it
    expect((await operation(evaluateRegistration, { params: { odbNumber: odb }, token: await backofficeToken(), body: { outcome: 'negative' } })).status).toBe(200);

    const response = await operation(getTraining, { params: { odbNumber: odb } });

    expectStatus(response, 200);
    expect(Object.keys(response.body).sort()).toEqual(Object.keys(PublishedTraining.shape).sort());
    expect(PublishedTraining.safeParse(response.body).success).toBe(true);
    for (const hidden of ['removalDate', 'evaluationDue', 'ownReference', 'evaluations', 'applicationId', 'stopReason', 'content']) {
      expect(response.body).not.toHaveProperty(hidden);
    }
    expect(response.text).not.toMatch(/removal|evaluation/i);
  });
});
