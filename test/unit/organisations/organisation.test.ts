import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  hasBlendedFollowUpOnFile,
  organisationBodySchema,
  organisationFromBody,
  organisationResponseSchema,
  toOrganisationResponse,
  type OrganisationBody,
} from '../../../shared/organisations/organisation';
import { LMS_CODES, LMS_SYSTEMS } from '../../../shared/reference/lms';
import { REFERENCE_VERSION } from '../../../shared/reference/version';
import { GENERAL_PILLARS, PILLAR_CODES } from '../../../shared/reference/competences';
import { JOINT_COMMITTEES } from '../../../shared/reference/joint-committees';

const body = (overrides: Partial<OrganisationBody> = {}): OrganisationBody => ({
  name: 'Vormingscentrum Voorbeeld vzw',
  contact: { name: 'Team opleidingen', email: 'info@voorbeeld.be', phone: '+32 2 553 00 00' },
  kind: 'general',
  lms: null,
  ...overrides,
});

describe('organisation body', () => {
  it('R-ORG-2: accepts complete contact details', () => {
    expect(organisationBodySchema.safeParse(body()).success).toBe(true);
  });

  it('R-ORG-2: refuses missing or malformed contact details, every problem at once', () => {
    // Act
    const result = organisationBodySchema.safeParse({ name: '', contact: { name: '', email: 'geen-mail', phone: 'x' }, kind: 'company' });
    // Assess
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['name', 'contact.name', 'contact.email', 'contact.phone', 'kind', 'lms']),
    );
    expect(result.error?.issues.find((i) => i.path.join('.') === 'name')?.message).toBe('Vul de naam in.');
  });

  it('R-ORG-4: an LMS from the list is accepted', () => {
    expect(organisationBodySchema.safeParse(body({ lms: { system: 'moodle' } })).success).toBe(true);
  });

  it('R-ORG-4: "other" needs the name of the LMS', () => {
    // Act
    const without = organisationBodySchema.safeParse(body({ lms: { system: 'other' } }));
    const withName = organisationBodySchema.safeParse(body({ lms: { system: 'other', otherName: 'Eigen platform' } }));
    // Assess
    expect(without.error?.issues).toEqual([
      expect.objectContaining({ path: ['lms', 'otherName'], code: 'custom', params: { rule: 'R-ORG-4' } }),
    ]);
    expect(withName.success).toBe(true);
  });

  it('R-ORG-4: an LMS that is not in the list is refused', () => {
    const result = organisationBodySchema.safeParse({ ...body(), lms: { system: 'myLms' } });
    expect(result.error?.issues[0]?.path).toEqual(['lms', 'system']);
  });

  it('R-ORG-4: blended follow-up is on file only with an LMS and its document', () => {
    const onFile = { status: 'on-file' as const, fileName: 'x.pdf', uploadedAt: '2026-01-01T00:00:00Z' };
    expect(hasBlendedFollowUpOnFile({ lms: { system: 'canvas' }, lmsDocument: onFile })).toBe(true);
    expect(hasBlendedFollowUpOnFile({ lms: null, lmsDocument: onFile })).toBe(false);
    expect(hasBlendedFollowUpOnFile({ lms: { system: 'canvas' }, lmsDocument: { ...onFile, status: 'pending' } })).toBe(false);
  });

  it('R-ORG-3/R-REG-4: a PUT keeps the quality registration and confirms the contact details', () => {
    // Prepare
    const first = organisationFromBody('0403170701', body(), '2026-01-01T10:00:00Z', null);
    const registered = { ...first, qualityRegistration: { registered: true, since: '2026-02-01' } };
    // Act
    const updated = organisationFromBody('0403170701', body({ name: 'Nieuwe naam' }), '2026-03-01T10:00:00Z', registered);
    // Assess
    expect(first.qualityRegistration).toEqual({ registered: false, since: null });
    expect(updated.qualityRegistration).toEqual({ registered: true, since: '2026-02-01' });
    expect(updated.contactConfirmedAt).toBe('2026-03-01T10:00:00Z');
    expect(organisationResponseSchema.safeParse(toOrganisationResponse(updated)).success).toBe(true);
  });

  it('the body and response schemas generate JSON Schema', () => {
    expect(() => z.toJSONSchema(organisationBodySchema, { io: 'input' })).not.toThrow();
    expect(() => z.toJSONSchema(organisationResponseSchema)).not.toThrow();
  });
});

describe('reference data', () => {
  it('has a version and consistent code lists', () => {
    expect(REFERENCE_VERSION).toMatch(/^\d{4}-\d+$/);
    expect(LMS_SYSTEMS.map((e) => e.code)).toEqual([...LMS_CODES]);
    expect(GENERAL_PILLARS.map((e) => e.code)).toEqual([...PILLAR_CODES]);
    expect(JOINT_COMMITTEES.map((e) => e.code)).toEqual(expect.arrayContaining(['200', '124', '302', '330']));
  });
});
