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
    expect(findings).toEqual([expect.objectContaining({ code: 'R-APP-2', message: expect.stringContaining('opvolg') })]);
  });

  it('messages for people carry no rule ids (the code does)', () => {
    const app = validApplication({
      title: null, contactHours: 12, mentorTraining: null, blended: { distanceHours: 5 }, evcTrajectory: 'other', replacesOdbNumber: 'ODB-A000001',
      language: { code: 'fr', cefrLevel: 'C1' }, structure: 'modular', competences: { basic: ['foreignLanguage'], professionSpecific: ['x'], generalPillars: ['P1'] },
    });
    const findings = checkApplication(app, checkContext({ replacedRegistration: null, languageInUse: true, ownReferencesInUse: ['XL-ADV-01'] }));
    expect(findings.length).toBeGreaterThan(8);
    for (const finding of findings) expect(finding.message, finding.code).not.toMatch(/R-[A-Z]+-\d/);
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
    const app = validApplication({ evcTrajectory: 'recognised', title: 'BK EVC-traject kinderbegeleider baby’s en peuters', contactHours: 16, mentorTraining: true });
    expect(checkApplication(app, checkContext())).toEqual([]);
  });

  it('R-APP-6: an other EVC trajectory named "EVC-traject <naam>" is fine', () => {
    const app = validApplication({ evcTrajectory: 'other', title: 'EVC-traject logistiek medewerker', contactHours: 16, mentorTraining: true });
    expect(checkApplication(app, checkContext())).toEqual([]);
  });

  it('R-APP-6: a wrongly named EVC trajectory with other hours and no mentor mark is refused', () => {
    // Prepare
    const app = validApplication({ evcTrajectory: 'other', title: 'Traject EVC kinderbegeleider', contactHours: 20, mentorTraining: null });
    // Act
    const findings = withCode(checkApplication(app, checkContext()), 'R-APP-6');
    // Assess
    expect(findings.map((f) => f.path)).toEqual(['title', 'contactHours', 'mentorTraining']);
  });

  it('R-APP-6: the title convention follows the kind — a recognised trajectory needs "BK EVC-traject"', () => {
    const recognisedWithoutBk = validApplication({ evcTrajectory: 'recognised', title: 'EVC-traject logistiek medewerker', contactHours: 16, mentorTraining: true });
    const otherWithBk = validApplication({ evcTrajectory: 'other', title: 'BK EVC-traject logistiek medewerker', contactHours: 16, mentorTraining: true });
    expect(withCode(checkApplication(recognisedWithoutBk, checkContext()), 'R-APP-6').map((f) => f.path)).toEqual(['title']);
    expect(withCode(checkApplication(otherWithBk, checkContext()), 'R-APP-6').map((f) => f.path)).toEqual(['title']);
  });

  it('R-APP-6: a title that merely contains "EVC" triggers nothing (Opleiding tot EVC-assessor, 40 h)', () => {
    const assessor = validApplication({ title: 'Opleiding tot EVC-assessor', contactHours: 40, mentorTraining: null });
    const conventionalTitleOnly = validApplication({ title: 'EVC-traject logistiek medewerker', contactHours: 40, mentorTraining: null, evcTrajectory: null });
    expect(checkApplication(assessor, checkContext())).toEqual([]);
    expect(checkApplication(conventionalTitleOnly, checkContext())).toEqual([]);
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

describe('issue 10: rules that guard public money and providers (R-APP-3, R-APP-6, R-APP-7, R-REG-2, size)', () => {
  const module = (ref: string, overrides: Record<string, unknown> = {}) => ({
    title: ref, ownReference: ref, contactHours: 40, mentorTraining: null, blended: null, cefrLevel: null, ...overrides,
  });

  it('required: separatelyAssessedParts must be answered before submitting', () => {
    const findings = checkApplication(validApplication({ separatelyAssessedParts: null }), checkContext());
    expect(findings).toEqual([expect.objectContaining({ path: 'separatelyAssessedParts', code: 'required', severity: 'error' })]);
    expect(checkApplication(validApplication({ separatelyAssessedParts: true }), checkContext())).toEqual([]);
  });

  it('R-APP-3: a modular training where only some modules are blended is refused, also with training-level blended null', () => {
    // Prepare
    const app = validApplication({
      structure: 'modular', blended: null, contactHours: null,
      modules: [module('A', { blended: { distanceHours: 5 } }), module('B', { blended: false }), module('C', { blended: null })],
    });
    // Act
    const findings = withCode(checkApplication(app, checkContext({ organisation: ORGANISATION_WITH_LMS_ON_FILE })), 'R-APP-3');
    // Assess
    expect(findings.map((f) => f.path)).toEqual(['modules.1.blended', 'modules.2.blended']);
  });

  it('R-APP-3: a modular training with no blended module, or every module blended, passes', () => {
    const none = validApplication({ structure: 'modular', contactHours: null, modules: [module('A'), module('B')] });
    const all = validApplication({ structure: 'modular', contactHours: null, modules: [module('A', { blended: true }), module('B', { blended: true })] });
    expect(checkApplication(none, checkContext())).toEqual([]);
    expect(checkApplication(all, checkContext({ organisation: ORGANISATION_WITH_LMS_ON_FILE }))).toEqual([]);
  });

  it('blended-planned-time: a blended training given in study points alone is refused ([M] step 3)', () => {
    // Prepare
    const app = validApplication({ contactHours: null, studyPoints: 6, blended: { distanceHours: 20 } });
    // Act
    const findings = checkApplication(app, checkContext({ organisation: ORGANISATION_WITH_LMS_ON_FILE }));
    // Assess
    expect(findings).toEqual([expect.objectContaining({ path: 'contactHours', code: 'blended-planned-time', severity: 'error' })]);
    expect(checkApplication(validApplication({ contactHours: 40, studyPoints: 6, blended: { distanceHours: 20 } }), checkContext({ organisation: ORGANISATION_WITH_LMS_ON_FILE }))).toEqual([]);
    expect(checkApplication(validApplication({ contactHours: null, studyPoints: 6 }), checkContext())).toEqual([]);
  });

  it('R-APP-4/R-APP-5: the study-points messages speak of study points, never of "32 contacturen"', () => {
    const question = checkApplication(validApplication({ contactHours: null, studyPoints: 2, mentorTraining: null }), checkContext());
    const inadmissible = checkApplication(validApplication({ contactHours: null, studyPoints: 2, mentorTraining: false }), checkContext());
    expect(withCode(question, 'R-APP-4')[0]?.message).toContain('minder dan 3 studiepunten');
    expect(withCode(inadmissible, 'R-APP-5')[0]?.message).toContain('minder dan 3 studiepunten');
    for (const finding of [...question, ...inadmissible]) expect(finding.message).not.toMatch(/32 contacturen|32 uur/);
  });

  it('R-APP-7: a language training with one module per level A1…B2, B2 meeting three pillars, is accepted (no "dien de modules apart in")', () => {
    // Prepare
    const app = validApplication({
      title: 'Frans', structure: 'modular', contactHours: null, language: { code: 'fr', cefrLevel: null },
      competences: { basic: ['foreignLanguage'], professionSpecific: [], generalPillars: ['P1', 'P2', 'P3'] },
      modules: [module('FR-A1', { cefrLevel: 'A1' }), module('FR-A2', { cefrLevel: 'A2' }), module('FR-B1', { cefrLevel: 'B1' }), module('FR-B2', { cefrLevel: 'B2' })],
    });
    // Act
    const findings = checkApplication(app, checkContext());
    // Assess
    expect(findings).toEqual([]);
  });

  it('R-APP-7/R-CMP-4: a modular language training with another group is refused without telling to submit the modules apart', () => {
    const app = validApplication({
      title: 'Frans', structure: 'modular', contactHours: null, language: { code: 'fr', cefrLevel: null },
      competences: { basic: ['foreignLanguage'], professionSpecific: ['shortageOccupation'], generalPillars: ['P1', 'P2', 'P3'] },
      modules: [module('FR-A1', { cefrLevel: 'A1' }), module('FR-B2', { cefrLevel: 'B2' })],
    });
    const findings = withCode(checkApplication(app, checkContext()), 'R-CMP-4');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).not.toMatch(/apart in/);
  });

  it('R-APP-7: a second application for the same language is warned about, not refused', () => {
    const app = validApplication({ language: { code: 'fr', cefrLevel: 'A2' }, competences: { basic: ['foreignLanguage'], professionSpecific: [], generalPillars: [] } });
    expect(checkApplication(app, checkContext({ languageInUse: true }))).toEqual([
      expect.objectContaining({ path: 'language.code', code: 'R-APP-7', severity: 'warning' }),
    ]);
    expect(checkApplication(app, checkContext({ languageInUse: false }))).toEqual([]);
  });

  it('R-REG-2: replacesOdbNumber must be the provider\'s own active registration', () => {
    // Prepare
    const app = validApplication({ replacesOdbNumber: 'ODB-A000123', plannedStart: '2026-12-01' });
    const own = { providerKbo: '0403170701', status: 'active' as const };
    const at = (replacedRegistration: { providerKbo: string; status: 'active' | 'stopped' | 'replaced' | 'removed' } | null) =>
      withCode(checkApplication(app, checkContext({ providerKbo: '0403170701', replacedRegistration })), 'R-REG-2').filter((f) => f.severity === 'error');
    // Act + Assess
    expect(at(own)).toEqual([]);
    expect(at(null)).toEqual([expect.objectContaining({ path: 'replacesOdbNumber', code: 'R-REG-2' })]);
    expect(at({ ...own, providerKbo: '0202239951' })).toEqual([expect.objectContaining({ path: 'replacesOdbNumber', code: 'R-REG-2' })]);
    expect(at({ ...own, status: 'stopped' })[0]?.message).toContain('niet meer actief');
    expect(at({ ...own, status: 'replaced' })).toHaveLength(1);
  });
});
