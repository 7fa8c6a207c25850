import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/applications/application';
import { ProblemError } from '../../../shared/http/problem';
import {
  applyEvaluation,
  applyRemovalDate,
  applyStopDate,
  isActiveOn,
  markReplaced,
  odbNumbersNeeded,
  registrationFromApproval,
  registrationSchema,
  stopRegistration,
  stopRequestSchema,
  toPublishedRegistration,
  validateStopRequest,
  type Registration,
} from '../../../shared/registrations/registration';
import { validApplication } from '../applications/application-fixture';

const ORG = { kbo: '0403170701', name: 'Vormingscentrum Voorbeeld vzw' };
const GRANT = { chequeCategory: 'standard' } as const;

function approvedApplication(overrides: Partial<Application> = {}): Application {
  return {
    ...validApplication({
      structure: 'modular',
      contactHours: null,
      modules: [
        { title: 'Deel 1', ownReference: 'D1', contactHours: 20, mentorTraining: false, blended: null, cefrLevel: null },
        { title: 'Deel 2', ownReference: 'D2', contactHours: 24, mentorTraining: false, blended: null, cefrLevel: null },
      ],
      replacesOdbNumber: 'ODB-A000001',
    }),
    id: 'app-1',
    orgKbo: ORG.kbo,
    status: 'approved',
    createdAt: '2026-01-01T10:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
    submittedAt: '2026-01-02T10:00:00Z',
    referenceVersion: '2026-1',
    documents: [],
    problems: [],
    questions: [],
    deadlines: null,
    forwarding: null,
    decision: null,
    odbNumbers: null,
    ...overrides,
  };
}

function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    ...registrationFromApproval(approvedApplication(), { training: 'ODB-A000010', modules: ['ODB-A000011', 'ODB-A000012'] }, '2026-03-01', ORG, GRANT),
    ...overrides,
  };
}

describe('registration from approval', () => {
  it('R-BO-3: an approval gives an active registration with ODB numbers and valid-from date', () => {
    // Prepare
    const application = approvedApplication();
    // Act
    const reg = registrationFromApproval(application, { training: 'ODB-A000010', modules: ['ODB-A000011', 'ODB-A000012'] }, '2026-03-01', ORG, GRANT);
    // Assess
    expect(reg).toMatchObject({
      odbNumber: 'ODB-A000010',
      status: 'active',
      validFrom: '2026-03-01',
      stopDate: null,
      provider: ORG,
      replaces: 'ODB-A000001',
      contactHours: 44,
      competenceGroups: ['basic'],
      evaluationDue: '2027-03-01',
    });
    expect(reg.modules.map((m) => m.odbNumber)).toEqual(['ODB-A000011', 'ODB-A000012']);
    expect(registrationSchema.safeParse(toPublishedRegistration(reg)).success).toBe(true);
    expect(toPublishedRegistration(reg)).not.toHaveProperty('applicationId');
  });

  it('R-BO-4: one number for the training and one per module; a mismatch is a programming error', () => {
    expect(odbNumbersNeeded(approvedApplication())).toBe(3);
    expect(() => registrationFromApproval(approvedApplication(), { training: 'ODB-A000010', modules: [] }, '2026-03-01', ORG, GRANT)).toThrow(RangeError);
  });

  it('R-BO-3: active from validFrom on, not before', () => {
    const reg = registration();
    expect(isActiveOn(reg, '2026-02-28')).toBe(false);
    expect(isActiveOn(reg, '2026-03-01')).toBe(true);
  });
});

describe('stopping (R-REG-1)', () => {
  it('R-REG-1: a stop date today or later with a reason is accepted', () => {
    // Act
    const reg = stopRegistration(registration(), { stopDate: '2026-06-30', reason: 'Niet meer georganiseerd' }, '2026-05-01');
    // Assess
    expect(reg).toMatchObject({ stopDate: '2026-06-30', stopReason: 'Niet meer georganiseerd', status: 'active' });
    expect(isActiveOn(reg, '2026-06-29')).toBe(true);
    expect(isActiveOn(reg, '2026-06-30')).toBe(false);
  });

  it('R-REG-1: a stop date in the past and a blank reason are both reported', () => {
    // Act
    const problems = validateStopRequest({ stopDate: '2026-04-30', reason: ' ' }, '2026-05-01');
    // Assess
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['stopDate', 'R-REG-1'],
      ['reason', 'R-REG-1'],
    ]);
    expect(() => stopRegistration(registration(), { stopDate: '2026-04-30', reason: 'x' }, '2026-05-01')).toThrow(ProblemError);
  });

  it('R-REG-1: the schema requires both fields', () => {
    expect(stopRequestSchema.safeParse({ stopDate: '2026-06-30' }).success).toBe(false);
    expect(stopRequestSchema.safeParse({ stopDate: '2026-06-30', reason: 'Stopt' }).success).toBe(true);
  });

  it('R-REG-1: stopping today stops at once; the job stops it when the date comes', () => {
    const now = stopRegistration(registration(), { stopDate: '2026-05-01', reason: 'Stopt' }, '2026-05-01');
    const later = stopRegistration(registration(), { stopDate: '2026-06-01', reason: 'Stopt' }, '2026-05-01');
    expect(now.status).toBe('stopped');
    expect(applyStopDate(later, '2026-05-31').status).toBe('active');
    expect(applyStopDate(later, '2026-06-01').status).toBe('stopped');
  });

  it('R-REG-1: a stopped registration cannot be stopped again (409)', () => {
    const stopped = registration({ status: 'stopped', stopDate: '2026-04-01' });
    const error = (() => {
      try {
        stopRegistration(stopped, { stopDate: '2026-06-01', reason: 'x' }, '2026-05-01');
      } catch (e) {
        return e as ProblemError;
      }
      return null;
    })();
    expect(error?.status).toBe(409);
  });
});

describe('replacement (R-REG-2)', () => {
  it('R-REG-2: the old registration stays active until the successor is valid; from that day it is replaced', () => {
    // Act
    const old = markReplaced(registration(), 'ODB-A000099', '2026-06-01', '2026-04-10');
    // Assess: never a day on which neither number can be used
    expect(old).toMatchObject({ status: 'active', replacedBy: 'ODB-A000099', replacedFrom: '2026-06-01' });
    expect(isActiveOn(old, '2026-05-31')).toBe(true);
    expect(applyStopDate(old, '2026-05-31').status).toBe('active');
    const replaced = applyStopDate(old, '2026-06-01');
    expect(replaced.status).toBe('replaced');
    expect(isActiveOn(replaced, '2026-06-01')).toBe(false);
    expect(applyStopDate(replaced, '2026-06-02')).toEqual(replaced); // idempotent
    expect(toPublishedRegistration(replaced)).toMatchObject({ replacedBy: 'ODB-A000099', replacedFrom: '2026-06-01' });
  });

  it('R-REG-2: a successor valid from today or earlier replaces at once; a stop date that comes first wins', () => {
    expect(markReplaced(registration(), 'ODB-A000099', '2026-04-10', '2026-04-10').status).toBe('replaced');
    const stopsFirst = markReplaced(registration({ stopDate: '2026-05-01' }), 'ODB-A000099', '2026-06-01', '2026-04-10');
    expect(applyStopDate(stopsFirst, '2026-06-01').status).toBe('stopped');
  });

  it('R-REG-2: a replaced registration can still be stopped by its provider', () => {
    const stopped = stopRegistration(markReplaced(registration(), 'ODB-A000099', '2026-04-01', '2026-04-01'), { stopDate: '2026-05-01', reason: 'Vervangen' }, '2026-05-01');
    expect(stopped.status).toBe('stopped');
  });
});

describe('annual evaluation (R-BO-5)', () => {
  it('R-BO-5: a positive evaluation extends the registration by a year', () => {
    // Act
    const reg = applyEvaluation(registration(), 'positive', '2027-02-15');
    // Assess
    expect(reg.evaluationDue).toBe('2028-03-01');
    expect(reg.removalDate).toBeNull();
    expect(reg.evaluations).toEqual([{ outcome: 'positive', evaluatedOn: '2027-02-15' }]);
  });

  it('R-BO-5: a late positive evaluation extends a year from the evaluation date, never into the past', () => {
    // Prepare: due 2027-03-01, evaluated almost a year late
    const reg = applyEvaluation(registration(), 'positive', '2028-02-20');
    // Assess
    expect(reg.evaluationDue).toBe('2029-02-20');
  });

  it('R-BO-5: a negative evaluation removes it on 31 December of the following year', () => {
    // Act
    const reg = applyEvaluation(registration(), 'negative', '2027-02-15');
    // Assess
    expect(reg.removalDate).toBe('2028-12-31');
    expect(isActiveOn(reg, '2028-12-30')).toBe(true);
    expect(isActiveOn(reg, '2028-12-31')).toBe(false);
    expect(applyRemovalDate(reg, '2028-12-30').status).toBe('active');
    expect(applyRemovalDate(reg, '2028-12-31').status).toBe('removed');
  });

  it('R-BO-5: a removed registration cannot be evaluated (409)', () => {
    expect(() => applyEvaluation(registration({ status: 'removed' }), 'positive', '2027-02-15')).toThrow(ProblemError);
  });
});
