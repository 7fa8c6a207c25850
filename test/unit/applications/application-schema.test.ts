import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { draftApplicationSchema } from '../../../shared/applications/application';
import { decisionRequestSchema, forwardBodySchema, isKnownDecisionBody, questionBodySchema } from '../../../shared/applications/backoffice-bodies';
import { documentUploadRequestSchema } from '../../../shared/applications/documents';
import { REFERENCE_DATA } from '../../../shared/reference/reference-data';
import { validApplication } from './application-fixture';

describe('draft application schema', () => {
  it('accepts an empty draft and a complete application', () => {
    expect(draftApplicationSchema.safeParse({}).success).toBe(true);
    expect(draftApplicationSchema.safeParse(validApplication()).success).toBe(true);
  });

  it('still checks types and formats, every problem at once, in Dutch', () => {
    // Prepare
    const body = {
      title: 5,
      websiteUrl: 'ftp://x.be',
      structure: 'half',
      contactHours: -1,
      plannedStart: '2026-02-30',
      replacesOdbNumber: 'ODB-123',
      competences: { generalPillars: ['P6'], basic: ['a', 'a'] },
      decisionBody: { kind: 'XYZ' },
      language: { code: 'French' },
      modules: [{ cefrLevel: 'D1' }],
    };
    // Act
    const result = draftApplicationSchema.safeParse(body);
    // Assess
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining([
        'title',
        'websiteUrl',
        'structure',
        'contactHours',
        'plannedStart',
        'replacesOdbNumber',
        'competences.generalPillars.0',
        'competences.basic',
        'decisionBody.kind',
        'language.code',
        'modules.0.cefrLevel',
      ]),
    );
    expect(result.error?.issues.every((i) => !/Invalid|Expected/.test(i.message))).toBe(true);
  });

  it('generates a JSON Schema (for OpenAPI) with every fixed name', () => {
    const schema = z.toJSONSchema(draftApplicationSchema, { io: 'input' });
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining([
        'title', 'ownReference', 'targetGroup', 'websiteUrl', 'content', 'structure', 'contactHours', 'studyPoints',
        'mentorTraining', 'workplaceHours', 'blended', 'finalAssessment', 'leadsToQualification', 'separatelyAssessedParts',
        'modules', 'language', 'competences', 'decisionBody', 'chequeCategory', 'plannedStart', 'replacesOdbNumber',
      ]),
    );
  });
});

describe('back-office bodies', () => {
  it('R-BO-1: a question must not be empty', () => {
    expect(questionBodySchema.safeParse({ question: '  ' }).success).toBe(false);
    expect(questionBodySchema.safeParse({ question: 'Kan u het programma toevoegen?' }).success).toBe(true);
  });

  it('R-DEC-2: forward to the VOC or a listed joint committee, with optional negative advice', () => {
    expect(forwardBodySchema.parse({ to: 'VOC' })).toEqual({ to: 'VOC', advice: null });
    expect(forwardBodySchema.safeParse({ to: 'PC200', advice: 'positive' }).success).toBe(false);
    expect(isKnownDecisionBody('200', REFERENCE_DATA)).toBe(true);
    expect(isKnownDecisionBody('999', REFERENCE_DATA)).toBe(false);
  });

  it('R-BO-3: approval needs validFrom, rejection a reason', () => {
    expect(decisionRequestSchema.safeParse({ outcome: 'approved', validFrom: '2026-09-01', chequeCategory: 'standard' }).success).toBe(true);
    expect(decisionRequestSchema.safeParse({ outcome: 'approved', chequeCategory: 'standard' }).error?.issues[0]?.path).toEqual(['validFrom']);
    expect(decisionRequestSchema.safeParse({ outcome: 'rejected', reason: '' }).error?.issues[0]?.path).toEqual(['reason']);
  });

  it('R-CHQ-4, R-BO-4: an approval carries the granted cheque category (required) and a series (null, X, Y or Z)', () => {
    const approval = { outcome: 'approved', validFrom: '2026-09-01' } as const;
    expect(decisionRequestSchema.safeParse(approval).error?.issues.map((issue) => issue.path)).toEqual([['chequeCategory']]);
    expect(decisionRequestSchema.safeParse({ ...approval, chequeCategory: 'nt2', series: 'X' }).success).toBe(true);
    expect(decisionRequestSchema.safeParse({ ...approval, chequeCategory: 'nt2', series: 'A' }).success).toBe(false);
  });

  it('documents: only allowed types and sizes; no paths in the name', () => {
    expect(documentUploadRequestSchema.parse({ name: 'brochure.pdf', contentType: 'application/pdf', size: 1000 }).kind).toBe('other');
    expect(documentUploadRequestSchema.safeParse({ name: '../x.pdf', contentType: 'application/pdf', size: 1 }).success).toBe(false);
    expect(documentUploadRequestSchema.safeParse({ name: 'x.exe', contentType: 'application/x-msdownload', size: 1 }).success).toBe(false);
    expect(documentUploadRequestSchema.safeParse({ name: 'x.pdf', contentType: 'application/pdf', size: 30_000_000 }).success).toBe(false);
  });
});
