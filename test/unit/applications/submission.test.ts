import { describe, expect, it } from 'vitest';
import { checkApplication } from '../../../shared/applications/admissibility';
import { isInadmissible, submitOutcome } from '../../../shared/applications/submission';
import { checkContext, validApplication } from './application-fixture';

describe('submit outcome', () => {
  it('R-SUB-1: a complete application is accepted and goes to screening', () => {
    // Prepare
    const findings = checkApplication(validApplication(), checkContext());
    // Act
    const outcome = submitOutcome(findings, true);
    // Assess
    expect(outcome).toEqual({ outcome: 'accepted', event: 'submit', warnings: [] });
  });

  it('R-SUB-1: an incomplete application is refused and stays a draft', () => {
    const findings = checkApplication(validApplication({ title: null }), checkContext());
    const outcome = submitOutcome(findings, true);
    expect(outcome.outcome).toBe('refused');
  });

  it('R-ORG-3: without quality registration it is accepted but waits', () => {
    const outcome = submitOutcome(checkApplication(validApplication(), checkContext()), false);
    expect(outcome).toMatchObject({ outcome: 'accepted', event: 'submit-pending-quality-registration' });
  });

  it('R-APP-5: a complete application under 32 h, not a mentor training, becomes inadmissible', () => {
    // Prepare
    const findings = checkApplication(validApplication({ contactHours: 20, mentorTraining: false }), checkContext());
    // Act
    const outcome = submitOutcome(findings, true);
    // Assess
    expect(isInadmissible(findings)).toBe(true);
    expect(outcome).toMatchObject({ outcome: 'inadmissible', event: 'submit-inadmissible', reasons: [expect.objectContaining({ code: 'R-APP-5' })] });
  });

  it('R-CMP-3: a complete application without any competence group becomes inadmissible', () => {
    const findings = checkApplication(validApplication({ competences: { basic: [], professionSpecific: [], generalPillars: [] } }), checkContext());
    expect(submitOutcome(findings, false)).toMatchObject({ outcome: 'inadmissible', reasons: [expect.objectContaining({ code: 'R-CMP-3' })] });
  });

  it('R-APP-5: an incomplete application is refused first, inadmissibility is judged once complete', () => {
    const findings = checkApplication(validApplication({ contactHours: 20, mentorTraining: false, plannedStart: null }), checkContext());
    expect(isInadmissible(findings)).toBe(true);
    expect(submitOutcome(findings, true).outcome).toBe('refused');
  });

  it('R-APP-8: warnings do not block submitting', () => {
    const findings = checkApplication(validApplication({ plannedEnd: '2028-12-31' }), checkContext());
    const outcome = submitOutcome(findings, true);
    expect(outcome.outcome).toBe('accepted');
    expect(outcome.outcome === 'accepted' && outcome.warnings.length).toBe(2);
  });

  it('isInadmissible is false for ordinary errors and warnings', () => {
    const findings = checkApplication(validApplication({ workplaceHours: 99 }), checkContext());
    expect(isInadmissible(findings)).toBe(false);
  });
});
