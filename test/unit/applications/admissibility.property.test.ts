import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkApplication } from '../../../shared/applications/admissibility';
import { draftApplicationSchema } from '../../../shared/applications/application';
import { DOCUMENT_KINDS } from '../../../shared/applications/documents';
import { CEFR_LEVEL_CODES } from '../../../shared/reference/cefr';
import { PILLAR_CODES } from '../../../shared/reference/competences';
import { REFERENCE_DATA } from '../../../shared/reference/reference-data';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const hours = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0, max: 10_000, noNaN: true }));
const blended = fc.record({ distanceHours: maybe(fc.double({ min: 0.5, max: 500, noNaN: true })) }, { requiredKeys: [] });
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('BK EVC-traject x', 'EVC', 'EVC-traject', ' '));

const moduleArb = fc.record(
  {
    title: maybe(text),
    ownReference: maybe(fc.constantFrom('A', 'B', 'C', '')),
    contactHours: maybe(hours),
    studyPoints: maybe(fc.integer({ min: 0, max: 60 })),
    mentorTraining: maybe(fc.boolean()),
    blended: fc.oneof(fc.constant(null), fc.boolean(), blended),
    cefrLevel: maybe(fc.constantFrom(...CEFR_LEVEL_CODES)),
  },
  { requiredKeys: [] },
);

const codes = (list: readonly { code: string }[]) => fc.uniqueArray(fc.oneof(fc.constantFrom(...list.map((e) => e.code)), fc.string({ maxLength: 5 })), { maxLength: 4 });

const draftArb = fc.record(
  {
    title: maybe(text),
    ownReference: maybe(fc.constantFrom('A', 'X', '')),
    targetGroup: maybe(fc.string({ maxLength: 20 })),
    websiteUrl: maybe(fc.constant('https://www.voorbeeld.be/a')),
    content: maybe(fc.string({ maxLength: 20 })),
    structure: maybe(fc.constantFrom('integral', 'modular')),
    contactHours: maybe(hours),
    studyPoints: maybe(fc.integer({ min: 0, max: 600 })),
    mentorTraining: maybe(fc.boolean()),
    workplaceHours: maybe(hours),
    blended: maybe(blended),
    finalAssessment: maybe(fc.boolean()),
    leadsToQualification: maybe(fc.boolean()),
    separatelyAssessedParts: maybe(fc.boolean()),
    modules: maybe(fc.array(moduleArb, { maxLength: 4 })),
    language: maybe(fc.record({ code: fc.constantFrom('fr', 'de', 'nl'), cefrLevel: maybe(fc.constantFrom(...CEFR_LEVEL_CODES)) }, { requiredKeys: ['code'] })),
    competences: maybe(
      fc.record(
        {
          basic: codes(REFERENCE_DATA.basicCompetences),
          professionSpecific: codes(REFERENCE_DATA.professionSpecificCompetences),
          generalPillars: fc.uniqueArray(fc.constantFrom(...PILLAR_CODES), { maxLength: 5 }),
        },
        { requiredKeys: [] },
      ),
    ),
    decisionBody: maybe(fc.oneof(fc.constant({ kind: 'VOC' }), fc.record({ kind: fc.constant('PC'), committee: maybe(fc.constantFrom('200', '124', '999', '')) }))),
    chequeCategory: maybe(fc.constantFrom('standard', 'nt2', 'higherEducation')),
    plannedStart: maybe(date),
    plannedEnd: maybe(date),
    replacesOdbNumber: maybe(fc.constantFrom('ODB-A000001', 'ODB-X123456', 'ODB-P00004')),
  },
  { requiredKeys: [] },
);

const contextArb = fc.record({
  today: date,
  organisation: maybe(
    fc.record({
      lms: maybe(fc.constant({ system: 'moodle' as const })),
      lmsDocument: fc.record({ status: fc.constantFrom('missing' as const, 'pending' as const, 'on-file' as const), fileName: fc.constant(null), uploadedAt: fc.constant(null) }),
    }),
  ),
  documents: fc.array(fc.record({ kind: fc.constantFrom(...DOCUMENT_KINDS), status: fc.constantFrom('pending' as const, 'uploaded' as const) }), { maxLength: 3 }),
  reference: fc.constant(REFERENCE_DATA),
});

describe('checkApplication — property', () => {
  it('never throws and returns well-formed findings for any draft that passes the schema', () => {
    fc.assert(
      fc.property(fc.oneof(draftArb, fc.anything()), contextArb, (candidate, context) => {
        // Prepare
        const parsed = draftApplicationSchema.safeParse(candidate);
        fc.pre(parsed.success);
        if (!parsed.success) return;
        // Act
        const findings = checkApplication(parsed.data, context);
        // Assess
        for (const finding of findings) {
          expect(typeof finding.path).toBe('string');
          expect(finding.code).toMatch(/^(R-[A-Z]+-\d+|required|unique-own-reference|date-order|blended-planned-time)$/);
          expect(finding.message.length).toBeGreaterThan(0);
          expect(['error', 'warning']).toContain(finding.severity);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
