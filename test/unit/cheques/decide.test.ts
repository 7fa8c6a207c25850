import { describe, expect, it } from 'vitest';
import { EMPTY_BUDGET, type ChequeBudget } from '../../../shared/cheques/budget';
import type { ChequeRequestBody } from '../../../shared/cheques/cheque-request';
import { decideChequeRequest, type ChequeTraining } from '../../../shared/cheques/decide';
import { chequeRequestBody } from '../../support/fixtures/cheques';

const today = '2026-10-15';

const request = (overrides: Partial<ChequeRequestBody> = {}, worker: Partial<ChequeRequestBody['worker']> = {}): ChequeRequestBody =>
  chequeRequestBody({ odbNumber: 'ODB-A000123', ...overrides }, worker);

const standardTraining: ChequeTraining = {
  odbNumber: 'ODB-A000123', active: true, chequeCategory: 'standard', title: 'Heftruckchauffeur', providerName: 'Vormingscentrum Noord',
};
const bachelor: ChequeTraining = {
  odbNumber: 'ODB-X000042', active: true, chequeCategory: 'higherEducation', title: 'Bachelor verpleegkunde', providerName: 'Hogeschool Oost',
};
const spent = (usedCents: number, usedOrdinaryCents: number): ChequeBudget => ({
  usedCents, usedOrdinaryCents, sharedCents: usedCents, sharedContributionCents: Math.ceil(usedCents / 2),
});

function decide(req: ChequeRequestBody, training: ChequeTraining | undefined, budget: ChequeBudget = EMPTY_BUDGET, day = today) {
  return decideChequeRequest({ request: req, training, budget, today: day });
}

describe('decision on a cheque request', () => {
  it('R-CHQ-3: €250 for a standard training: the worker pays €125 and waits to pay', () => {
    // Act
    const decision = decide(request(), standardTraining);
    // Assess
    expect(decision).toEqual({
      status: 'awaiting-contribution',
      schoolYear: '2026-2027',
      chequeCategory: 'standard',
      contributionCents: 12_500,
      governmentCents: 12_500,
      reasons: [],
      budgetAfter: { usedCents: 25_000, usedOrdinaryCents: 25_000, sharedCents: 25_000, sharedContributionCents: 12_500 },
    });
  });

  it('R-CHQ-3: more than €250 for a standard training is refused', () => {
    const decision = decide(request({ amountCents: 25_001 }), standardTraining);
    expect(decision.status).toBe('rejected');
    expect(decision.reasons.map((r) => r.code)).toEqual(['R-CHQ-3']);
    expect(decision.contributionCents + decision.governmentCents).toBe(0);
  });

  it('R-CHQ-3: a second request in the same school year only gets what is left', () => {
    const decision = decide(request({ amountCents: 15_000 }), standardTraining, spent(15_000, 15_000));
    expect(decision.status).toBe('rejected');
    expect(decision.reasons[0]?.message).toContain('€ 100,00');
  });

  it('R-CHQ-4: NT2 is fully paid by the government: approved, nothing to pay', () => {
    const decision = decide(request(), { ...standardTraining, chequeCategory: 'nt2' });
    expect(decision.status).toBe('approved');
    expect(decision.contributionCents).toBe(0);
    expect(decision.governmentCents).toBe(25_000);
  });

  it('R-CHQ-4: fully paid still counts against the €250', () => {
    const decision = decide(request({ amountCents: 30_000 }), { ...standardTraining, chequeCategory: 'secondaryDiploma' });
    expect(decision.reasons.map((r) => r.code)).toEqual(['R-CHQ-3']);
  });

  it('R-CHQ-5: a bachelor training may use up to €500, the worker pays €250', () => {
    const decision = decide(request({ amountCents: 50_000 }), bachelor);
    expect(decision.status).toBe('awaiting-contribution');
    expect(decision.contributionCents).toBe(25_000);
    expect(decision.governmentCents).toBe(25_000);
  });

  it('R-CHQ-5: a bachelor training cannot take more than what is left of €500', () => {
    const decision = decide(request({ amountCents: 30_000 }), bachelor, spent(25_000, 25_000));
    expect(decision.reasons.map((r) => r.code)).toEqual(['R-CHQ-5']);
  });

  it('R-CHQ-1: an unknown ODB number is refused', () => {
    const decision = decide(request(), undefined);
    expect(decision.status).toBe('rejected');
    expect(decision.chequeCategory).toBeNull();
    expect(decision.reasons).toEqual([expect.objectContaining({ code: 'R-CHQ-1', path: 'odbNumber' })]);
  });

  it('R-CHQ-1: a training that is no longer active is refused', () => {
    const decision = decide(request(), { ...standardTraining, active: false });
    expect(decision.reasons.map((r) => r.code)).toEqual(['R-CHQ-1']);
  });

  it('R-CHQ-1: a registered, active training qualifies', () => {
    expect(decide(request(), standardTraining).reasons).toEqual([]);
  });

  it('R-CHQ-2: a worker who does not work in Flanders is refused', () => {
    const decision = decide(request({}, { worksInFlanders: false }), standardTraining);
    expect(decision.reasons).toEqual([expect.objectContaining({ code: 'R-CHQ-2', path: 'worker.worksInFlanders' })]);
  });

  it('R-CHQ-6: a worker with a higher-education degree and no POP is refused', () => {
    const decision = decide(request({}, { educationLevel: 'higher', hasPersonalDevelopmentPlan: false }), standardTraining);
    expect(decision.reasons).toEqual([expect.objectContaining({ code: 'R-CHQ-6', path: 'worker.hasPersonalDevelopmentPlan' })]);
  });

  it('R-CHQ-6: a worker with a higher-education degree and a POP qualifies', () => {
    const decision = decide(request({}, { educationLevel: 'higher', hasPersonalDevelopmentPlan: true }), standardTraining);
    expect(decision.status).toBe('awaiting-contribution');
  });

  it('R-CHQ-6: a short-schooled worker needs no POP', () => {
    const decision = decide(request({}, { educationLevel: 'none', hasPersonalDevelopmentPlan: false }), standardTraining);
    expect(decision.reasons).toEqual([]);
  });

  it('R-CHQ-6: eligibility follows the school year\'s data', () => {
    // Prepare: a school year whose rules drop the POP condition
    const decision = decideChequeRequest({
      request: request({}, { educationLevel: 'higher' }),
      training: standardTraining,
      budget: EMPTY_BUDGET,
      today,
      rulesFor: (schoolYear) => ({
        schoolYear,
        capCents: 25_000,
        higherEducationCapCents: 50_000,
        workerShare: { numerator: 1, denominator: 2 },
        fullyPaidCategories: [],
        higherEducationCategories: ['higherEducation'],
        eligibility: { requiresWorksInFlanders: true, higherEducationDegreeRequiresPop: false },
      }),
    });
    // Assess
    expect(decision.reasons).toEqual([]);
  });

  it('R-CHQ-5: a school year without rule data (2031) is decided on the latest known rules', () => {
    const decision = decide(request(), standardTraining, EMPTY_BUDGET, '2031-10-01');
    expect(decision.schoolYear).toBe('2031-2032');
    expect(decision.status).toBe('awaiting-contribution');
    expect(decision.contributionCents).toBe(12_500);
  });

  it('R-CHQ-3: a school year before any rule data: refused', () => {
    const decision = decide(request(), standardTraining, EMPTY_BUDGET, '2019-10-01');
    expect(decision.schoolYear).toBe('2019-2020');
    expect(decision.status).toBe('rejected');
    expect(decision.reasons).toEqual([expect.objectContaining({ code: 'R-CHQ-3', path: '' })]);
  });

  it('the school year is the one today falls in', () => {
    expect(decide(request(), standardTraining, EMPTY_BUDGET, '2026-08-31').schoolYear).toBe('2025-2026');
  });

  it('R-CHQ-1, R-CHQ-2, R-CHQ-5, R-CHQ-6: every reason is reported at once', () => {
    // Act
    const decision = decide(
      request({ amountCents: 60_000 }, { worksInFlanders: false, educationLevel: 'higher', hasPersonalDevelopmentPlan: false }),
      undefined,
    );
    // Assess
    expect(decision.reasons.map((r) => r.code)).toEqual(['R-CHQ-1', 'R-CHQ-2', 'R-CHQ-6', 'R-CHQ-5']);
    expect(decision.budgetAfter).toBeUndefined();
  });
});
