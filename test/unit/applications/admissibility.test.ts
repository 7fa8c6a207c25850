import { describe, expect, it } from 'vitest';
import { checkApplication, REQUIRED, UNIQUE_OWN_REFERENCE, DATE_ORDER } from '../../../shared/applications/admissibility';
import type { RuleFinding } from '../../../shared/http/problem';
import { checkContext, ORGANISATION_WITH_LMS_ON_FILE, validApplication } from './application-fixture';

const codes = (findings: RuleFinding[]) => findings.map((f) => f.code);
const withCode = (findings: RuleFinding[], code: string) => findings.filter((f) => f.code === code);

describe('checkApplication — the fixture', () => {
  it('a complete, admissible application has no findings', () => {
    // Prepare
    const app = validApplication();
    // Act
    const findings = checkApplication(app, checkContext());
    // Assess
    expect(findings).toEqual([]);
  });
});

describe('completeness', () => {
  it('required: an empty draft reports every missing field at once', () => {
    // Prepare
    const app = {};
    // Act
    const findings = checkApplication(app, checkContext());
    // Assess
    const paths = withCode(findings, REQUIRED).map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'title',
        'ownReference',
        'targetGroup',
        'websiteUrl',
        'content',
        'structure',
        'contactHours',
        'workplaceHours',
        'finalAssessment',
        'leadsToQualification',
        'competences',
        'decisionBody',
        'chequeCategory',
        'plannedStart',
      ]),
    );
    expect(findings.every((f) => f.severity === 'error' && f.message.length > 0)).toBe(true);
  });

  it('required: blank text counts as missing', () => {
    const findings = checkApplication(validApplication({ title: '   ' }), checkContext());
    expect(findings).toContainEqual(expect.objectContaining({ path: 'title', code: REQUIRED }));
  });

  it('required: studyPoints instead of contactHours is complete', () => {
    const findings = checkApplication(validApplication({ contactHours: null, studyPoints: 6 }), checkContext());
    expect(findings).toEqual([]);
  });

  it('required: a modular training needs modules, each with title, reference and hours', () => {
    // Prepare
    const noModules = validApplication({ structure: 'modular', contactHours: null, modules: [] });
    const incompleteModule = validApplication({ structure: 'modular', contactHours: null, modules: [{ title: 'Deel 1' }] });
    // Act
    const a = checkApplication(noModules, checkContext());
    const b = checkApplication(incompleteModule, checkContext());
    // Assess
    expect(a).toContainEqual(expect.objectContaining({ path: 'modules', code: REQUIRED }));
    expect(b.map((f) => f.path)).toEqual(expect.arrayContaining(['modules.0.ownReference', 'modules.0.contactHours']));
  });

  it('required: a PC without committee, blended without hours, language without level', () => {
    const findings = checkApplication(
      validApplication({ decisionBody: { kind: 'PC' }, blended: {}, language: { code: 'fr' } }),
      checkContext({ organisation: ORGANISATION_WITH_LMS_ON_FILE }),
    );
    expect(withCode(findings, REQUIRED).map((f) => f.path)).toEqual(
      expect.arrayContaining(['decisionBody.committee', 'blended.distanceHours', 'language.cefrLevel']),
    );
  });

  it('R-ORG-2: without organisation details nothing can be submitted', () => {
    const findings = checkApplication(validApplication(), checkContext({ organisation: null }));
    expect(findings).toContainEqual(expect.objectContaining({ code: 'R-ORG-2', severity: 'error' }));
  });

  it('R-ORG-2: with organisation details there is no such finding', () => {
    expect(codes(checkApplication(validApplication(), checkContext()))).not.toContain('R-ORG-2');
  });
});

describe('size and workplace learning', () => {
  it('R-APP-1: workplace hours above contact hours are refused', () => {
    // Prepare
    const app = validApplication({ contactHours: 40, workplaceHours: 41 });
    // Act
    const findings = checkApplication(app, checkContext());
    // Assess
    expect(findings).toEqual([expect.objectContaining({ path: 'workplaceHours', code: 'R-APP-1', severity: 'error' })]);
  });

  it('R-APP-1: workplace hours equal to contact hours are fine', () => {
    expect(checkApplication(validApplication({ contactHours: 40, workplaceHours: 40 }), checkContext())).toEqual([]);
  });

  it('R-APP-4: under 32 h the mentor-training question must be answered', () => {
    const findings = checkApplication(validApplication({ contactHours: 20, mentorTraining: null }), checkContext());
    expect(findings).toEqual([expect.objectContaining({ path: 'mentorTraining', code: 'R-APP-4', severity: 'error' })]);
  });

  it('R-APP-4: at 32 h or more the question is not needed', () => {
    expect(checkApplication(validApplication({ contactHours: 32, mentorTraining: null }), checkContext())).toEqual([]);
  });

  it('R-APP-4: a short module needs the question too', () => {
    const app = validApplication({
      modules: [{ title: 'Kort', ownReference: 'K1', contactHours: 8, mentorTraining: null, blended: null, cefrLevel: null }],
    });
    expect(checkApplication(app, checkContext())).toEqual([
      expect.objectContaining({ path: 'modules.0.mentorTraining', code: 'R-APP-4' }),
    ]);
  });

  it('R-APP-5: under 32 h and not a mentor training is inadmissible', () => {
    // Prepare
    const app = validApplication({ contactHours: 31, mentorTraining: false });
    // Act
    const findings = checkApplication(app, checkContext());
    // Assess
    expect(findings).toEqual([expect.objectContaining({ path: 'contactHours', code: 'R-APP-5', severity: 'error' })]);
  });

  it('R-APP-5: under 32 h as a mentor training is admissible', () => {
    expect(checkApplication(validApplication({ contactHours: 12, mentorTraining: true }), checkContext())).toEqual([]);
  });

  it('R-APP-5: under 3 study points (without contact hours) and not a mentor training is inadmissible', () => {
    const findings = checkApplication(validApplication({ contactHours: null, studyPoints: 2, mentorTraining: false }), checkContext());
    expect(codes(findings)).toEqual(['R-APP-5']);
  });

  it('R-APP-5: short modules may add up to the minimum of a modular training', () => {
    const module = (n: number) => ({ title: `M${n}`, ownReference: `M${n}`, contactHours: 16, mentorTraining: false, blended: null, cefrLevel: null });
    const app = validApplication({ structure: 'modular', contactHours: null, modules: [module(1), module(2)] });
    expect(checkApplication(app, checkContext())).toEqual([]);
  });
});

describe('blended learning', () => {
  it('R-APP-2: blended without LMS on file nor a training-specific document is refused', () => {
    // Prepare
    const app = validApplication({ blended: { distanceHours: 10 } });
    // Act
    const findings = checkApplication(app, checkContext());
    // Assess
    expect(findings).toEqual([expect.objectContaining({ path: 'blended', code: 'R-APP-2', severity: 'error' })]);
    expect(findings[0]?.message).toContain('LMS');
  });

  it('R-APP-2: blended with a training-specific follow-up document attached is fine', () => {
    const findings = checkApplication(
      validApplication({ blended: { distanceHours: 10 } }),
      checkContext({ documents: [{ kind: 'blendedFollowUp', status: 'uploaded' }] }),
    );
    expect(findings).toEqual([]);
  });

  it('R-APP-2: a follow-up document that is not uploaded yet does not count', () => {
    const findings = checkApplication(
      validApplication({ blended: { distanceHours: 10 } }),
      checkContext({ documents: [{ kind: 'blendedFollowUp', status: 'pending' }] }),
    );
    expect(codes(findings)).toEqual(['R-APP-2']);
  });

  it('R-ORG-4: the organisation LMS and follow-up document on file satisfy a blended application', () => {
    const findings = checkApplication(
      validApplication({ blended: { distanceHours: 10 } }),
      checkContext({ organisation: ORGANISATION_WITH_LMS_ON_FILE }),
    );
    expect(findings).toEqual([]);
  });

  it('R-ORG-4: an LMS without its follow-up document is not enough', () => {
    const findings = checkApplication(
      validApplication({ blended: { distanceHours: 10 } }),
      checkContext({ organisation: { lms: { system: 'canvas' }, lmsDocument: { status: 'pending', fileName: null, uploadedAt: null } } }),
    );
    expect(findings).toEqual([expect.objectContaining({ code: 'R-APP-2', message: expect.stringContaining('R-ORG-4') })]);
  });

  it('R-APP-3: a blended modular training with a module that is not blended is refused', () => {
    // Prepare
    const app = validApplication({
      structure: 'modular',
      blended: { distanceHours: 10 },
      modules: [
        { title: 'A', ownReference: 'A', contactHours: 20, mentorTraining: false, blended: { distanceHours: 5 }, cefrLevel: null },
        { title: 'B', ownReference: 'B', contactHours: 20, mentorTraining: false, blended: false, cefrLevel: null },
      ],
    });
    // Act
    const findings = checkApplication(app, checkContext({ organisation: ORGANISATION_WITH_LMS_ON_FILE }));
    // Assess
    expect(findings).toEqual([expect.objectContaining({ path: 'modules.1.blended', code: 'R-APP-3' })]);
  });

  it('R-APP-3: a blended modular training where every module is blended is fine', () => {
    const app = validApplication({
      structure: 'modular',
      blended: { distanceHours: 10 },
      modules: [
        { title: 'A', ownReference: 'A', contactHours: 20, mentorTraining: false, blended: true, cefrLevel: null },
        { title: 'B', ownReference: 'B', contactHours: 20, mentorTraining: false, blended: { distanceHours: 5 }, cefrLevel: null },
      ],
    });
    expect(checkApplication(app, checkContext({ organisation: ORGANISATION_WITH_LMS_ON_FILE }))).toEqual([]);
  });

  it('R-APP-3: a blended integral training may have modules that are not blended', () => {
    const app = validApplication({
      blended: { distanceHours: 10 },
      modules: [{ title: 'A', ownReference: 'A', contactHours: 40, mentorTraining: null, blended: null, cefrLevel: null }],
    });
    expect(checkApplication(app, checkContext({ organisation: ORGANISATION_WITH_LMS_ON_FILE }))).toEqual([]);
  });
});

describe('special kinds of training', () => {
  it('R-APP-6: a recognised EVC trajectory with 16 h as mentor training is fine', () => {
    const app = validApplication({ title: 'BK EVC-traject kinderbegeleider baby’s en peuters', contactHours: 16, mentorTraining: true });
    expect(checkApplication(app, checkContext())).toEqual([]);
  });

  it('R-APP-6: an other EVC trajectory named "EVC-traject <naam>" is fine', () => {
    const app = validApplication({ title: 'EVC-traject logistiek medewerker', contactHours: 16, mentorTraining: true });
    expect(checkApplication(app, checkContext())).toEqual([]);
  });

  it('R-APP-6: a wrongly named EVC trajectory with other hours and no mentor mark is refused', () => {
    // Prepare
    const app = validApplication({ title: 'Traject EVC kinderbegeleider', contactHours: 20, mentorTraining: null });
    // Act
    const findings = withCode(checkApplication(app, checkContext()), 'R-APP-6');
    // Assess
    expect(findings.map((f) => f.path)).toEqual(['title', 'contactHours', 'mentorTraining']);
  });

  it('R-APP-7: a language training below B2 as a basic competence is fine', () => {
    const app = validApplication({
      title: 'Frans',
      structure: 'integral',
      language: { code: 'fr', cefrLevel: null },
      competences: { basic: ['foreignLanguage'], professionSpecific: [], generalPillars: [] },
      modules: [
        { title: 'Frans A1', ownReference: 'FR-A1', contactHours: 40, mentorTraining: null, blended: null, cefrLevel: 'A1' },
        { title: 'Frans A2', ownReference: 'FR-A2', contactHours: 40, mentorTraining: null, blended: null, cefrLevel: 'A2' },
      ],
    });
    expect(checkApplication(app, checkContext())).toEqual([]);
  });

  it('R-APP-7: from B2 upward a language training needs three pillars and is not basic', () => {
    // Prepare
    const app = validApplication({
      title: 'Zakelijk Frans',
      language: { code: 'fr', cefrLevel: 'B2' },
      competences: { basic: ['foreignLanguage'], professionSpecific: [], generalPillars: ['P1'] },
    });
    // Act
    const findings = withCode(checkApplication(app, checkContext()), 'R-APP-7');
    // Assess
    expect(findings.map((f) => f.path)).toEqual(['competences.generalPillars', 'competences.basic.0']);
  });

  it('R-APP-7: from B2 upward with three pillars is fine', () => {
    const app = validApplication({
      language: { code: 'fr', cefrLevel: 'C1' },
      competences: { basic: [], professionSpecific: [], generalPillars: ['P1', 'P2', 'P4'] },
    });
    expect(checkApplication(app, checkContext())).toEqual([]);
  });

  it('R-APP-7: one module per CEFR level — a repeated or missing level is refused', () => {
    const module = (ref: string, cefrLevel: 'A1' | null) => ({ title: ref, ownReference: ref, contactHours: 40, mentorTraining: null, blended: null, cefrLevel });
    const app = validApplication({
      language: { code: 'fr' },
      competences: { basic: ['foreignLanguage'], professionSpecific: [], generalPillars: [] },
      modules: [module('a', 'A1'), module('b', 'A1'), module('c', null)],
    });
    const findings = withCode(checkApplication(app, checkContext()), 'R-APP-7');
    expect(findings.map((f) => f.path)).toEqual(['modules.1.cefrLevel', 'modules.2.cefrLevel']);
  });
});

describe('duration and re-registration (warnings)', () => {
  it('R-APP-8: longer than 12 months gives a warning, not an error', () => {
    // Prepare
    const app = validApplication({ plannedStart: '2026-09-01', plannedEnd: '2027-09-02' });
    // Act
    const findings = checkApplication(app, checkContext());
    // Assess
    expect(findings).toEqual([expect.objectContaining({ path: 'plannedEnd', code: 'R-APP-8', severity: 'warning' })]);
  });

  it('R-APP-8: over more than two school years gives a second warning', () => {
    const findings = checkApplication(validApplication({ plannedStart: '2026-06-01', plannedEnd: '2027-09-15' }), checkContext());
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['R-APP-8', 'warning'],
      ['R-APP-8', 'warning'],
    ]);
  });

  it('R-APP-8: exactly 12 months within two school years gives no warning', () => {
    expect(checkApplication(validApplication({ plannedStart: '2026-09-01', plannedEnd: '2027-09-01' }), checkContext())).toEqual([]);
  });

  it('date-order: an end before the start is an error', () => {
    const findings = checkApplication(validApplication({ plannedStart: '2026-09-01', plannedEnd: '2026-08-31' }), checkContext());
    expect(findings).toEqual([expect.objectContaining({ code: DATE_ORDER, severity: 'error' })]);
  });

  it('R-REG-2: a re-registration starting within 3 months gives a warning', () => {
    // Prepare
    const app = validApplication({ replacesOdbNumber: 'ODB-A000042', plannedStart: '2026-07-31' });
    // Act
    const findings = checkApplication(app, checkContext({ today: '2026-05-01' }));
    // Assess
    expect(findings).toContainEqual(expect.objectContaining({ path: 'plannedStart', code: 'R-REG-2', severity: 'warning' }));
  });

  it('R-REG-2: a re-registration starting 3 months or more later gives no warning', () => {
    const app = validApplication({ replacesOdbNumber: 'ODB-A000042', plannedStart: '2026-08-01', plannedEnd: '2027-06-30' });
    expect(checkApplication(app, checkContext({ today: '2026-05-01' }))).toEqual([]);
  });
});

describe('competences', () => {
  it('R-CMP-1: a code that is not in the reference list is refused', () => {
    const findings = checkApplication(
      validApplication({ competences: { basic: ['juggling'], professionSpecific: ['astrology'], generalPillars: [] } }),
      checkContext(),
    );
    expect(withCode(findings, 'R-CMP-1').map((f) => f.path)).toEqual(['competences.basic.0', 'competences.professionSpecific.0']);
  });

  it('R-CMP-1: codes from the reference lists are accepted', () => {
    const findings = checkApplication(
      validApplication({ competences: { basic: ['numeracy'], professionSpecific: ['stemProfession'], generalPillars: [] } }),
      checkContext(),
    );
    expect(findings).toEqual([]);
  });

  it('R-CMP-2: one or two pillars next to another group give a warning', () => {
    const findings = checkApplication(
      validApplication({ competences: { basic: ['numeracy'], professionSpecific: [], generalPillars: ['P1', 'P2'] } }),
      checkContext(),
    );
    expect(findings).toEqual([expect.objectContaining({ code: 'R-CMP-2', severity: 'warning' })]);
  });

  it('R-CMP-2: three pillars make the general group', () => {
    const findings = checkApplication(
      validApplication({ competences: { basic: [], professionSpecific: [], generalPillars: ['P1', 'P3', 'P5'] } }),
      checkContext(),
    );
    expect(findings).toEqual([]);
  });

  it('R-CMP-3: fewer than three pillars and nothing else is inadmissible', () => {
    // Prepare
    const app = validApplication({ competences: { basic: [], professionSpecific: [], generalPillars: ['P1', 'P2'] } });
    // Act
    const findings = checkApplication(app, checkContext());
    // Assess
    expect(findings).toEqual([expect.objectContaining({ path: 'competences', code: 'R-CMP-3', severity: 'error' })]);
  });

  it('R-CMP-3: one profession-specific competence is enough', () => {
    const app = validApplication({ competences: { professionSpecific: ['shortageOccupation'] } });
    expect(checkApplication(app, checkContext())).toEqual([]);
  });

  it('R-CMP-4: a modular training in two competence groups is refused', () => {
    const module = { title: 'M', ownReference: 'M1', contactHours: 40, mentorTraining: null, blended: null, cefrLevel: null };
    const app = validApplication({
      structure: 'modular',
      modules: [module],
      competences: { basic: ['numeracy'], professionSpecific: ['stemProfession'], generalPillars: [] },
    });
    expect(checkApplication(app, checkContext())).toEqual([expect.objectContaining({ path: 'competences', code: 'R-CMP-4' })]);
  });

  it('R-CMP-4: a modular training in one group is fine, an integral one may have several', () => {
    const module = { title: 'M', ownReference: 'M1', contactHours: 40, mentorTraining: null, blended: null, cefrLevel: null };
    const modular = validApplication({ structure: 'modular', modules: [module], competences: { professionSpecific: ['stemProfession'] } });
    const integral = validApplication({ competences: { basic: ['numeracy'], professionSpecific: ['stemProfession'] } });
    expect(checkApplication(modular, checkContext())).toEqual([]);
    expect(checkApplication(integral, checkContext())).toEqual([]);
  });
});

describe('decision body and own references', () => {
  it('R-DEC-1: a joint committee that did not volunteer cannot be chosen', () => {
    const findings = checkApplication(validApplication({ decisionBody: { kind: 'PC', committee: '999' } }), checkContext());
    expect(findings).toEqual([expect.objectContaining({ path: 'decisionBody.committee', code: 'R-DEC-1' })]);
  });

  it('R-DEC-1: a joint committee from the list can be chosen', () => {
    expect(checkApplication(validApplication({ decisionBody: { kind: 'PC', committee: '200' } }), checkContext())).toEqual([]);
  });

  it('unique-own-reference: a reference in use elsewhere, or twice among the modules, is refused', () => {
    const module = { title: 'M', ownReference: 'M1', contactHours: 40, mentorTraining: null, blended: null, cefrLevel: null };
    const findings = checkApplication(
      validApplication({ modules: [module, { ...module }] }),
      checkContext({ ownReferencesInUse: ['XL-ADV-01'] }),
    );
    expect(withCode(findings, UNIQUE_OWN_REFERENCE).map((f) => f.path)).toEqual(['ownReference', 'modules.1.ownReference']);
  });
});
