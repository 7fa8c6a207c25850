/**
 * R-CHQ-4, R-CHQ-5 (issue 10): the cheque rules use only the category the department GRANTED with its
 * decision. A provider's proposal on the application — nt2 on a teambuilding course, higherEducation on a
 * short course — never changes who pays or which cap applies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trainingFromRegistration } from '../../../functions/cheques/training-lookup';
import type { Application } from '../../../shared/applications/application';
import { EMPTY_BUDGET } from '../../../shared/cheques/budget';
import { chequeCategories, type ChequeCategory } from '../../../shared/cheques/cheque-category';
import { decideChequeRequest } from '../../../shared/cheques/decide';
import { registrationFromApproval } from '../../../shared/registrations/registration';
import { validApplication } from '../applications/application-fixture';
import { chequeRequestBody } from '../../support/fixtures/cheques';

const ORG = { kbo: '0403170701', name: 'Vormingscentrum Voorbeeld vzw' };

function approved(proposal: ChequeCategory): Application {
  return {
    ...validApplication({ chequeCategory: proposal, replacesOdbNumber: null }),
    id: 'app-1', orgKbo: ORG.kbo, status: 'approved', createdAt: '2026-01-01T10:00:00Z', updatedAt: '2026-03-01T10:00:00Z',
    submittedAt: '2026-01-02T10:00:00Z', referenceVersion: '2026-1', documents: [], problems: [], questions: [], deadlines: null,
    forwarding: null, decision: null, odbNumbers: null,
  };
}

function decide(proposal: ChequeCategory, granted: ChequeCategory, amountCents: number) {
  const registration = registrationFromApproval(approved(proposal), { training: 'ODB-A000010', modules: [] }, '2026-09-01', ORG, { chequeCategory: granted });
  const training = trainingFromRegistration(registration, '2026-10-15');
  return decideChequeRequest({
    request: chequeRequestBody({ odbNumber: 'ODB-A000010', amountCents }),
    training, budget: EMPTY_BUDGET, today: '2026-10-15',
  });
}

describe('R-CHQ-4: only the granted category counts', () => {
  it('R-CHQ-4: a teambuilding course proposed as nt2 but granted standard: the worker pays half', () => {
    const decision = decide('nt2', 'standard', 25_000);
    expect(decision).toMatchObject({ status: 'awaiting-contribution', chequeCategory: 'standard', contributionCents: 12_500 });
  });

  it('R-CHQ-5: a short course proposed as higherEducation but granted standard: the €250 cap applies', () => {
    const decision = decide('higherEducation', 'standard', 50_000);
    expect(decision.status).toBe('rejected');
    expect(decision.reasons.map((r) => r.code)).toEqual(['R-CHQ-3']);
  });

  it('R-CHQ-4, R-CHQ-5: for any proposal, the decision equals the one for the granted category proposed as such', () => {
    fc.assert(fc.property(
      fc.constantFrom(...chequeCategories), fc.constantFrom(...chequeCategories), fc.integer({ min: 1, max: 60_000 }),
      (proposal, granted, amount) => {
        expect(decide(proposal, granted, amount)).toEqual(decide(granted, granted, amount));
      },
    ), { numRuns: 200 });
  });
});
