import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  hasBlendedFollowUpOnFile,
  organisationBodySchema,
  generalContactOf,
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

  it('R-ORG-2: three contacts; a new organisation without general contact takes the dossier contact, without cheques contact none', () => {
    // Prepare
    const general = { name: 'Directie', email: 'directie@voorbeeld.be', phone: '+32 2 553 00 01' };
    const cheques = { name: 'Cheques', email: 'cheques@voorbeeld.be', phone: '+32 2 553 00 02' };
    // Act
    const first = organisationFromBody('0403170701', body(), '2026-01-01T10:00:00Z', null);
    const named = organisationFromBody('0403170701', body({ generalContact: general, chequesContact: cheques }), '2026-01-02T10:00:00Z', first);
    const kept = organisationFromBody('0403170701', body({ name: 'Andere naam' }), '2026-01-03T10:00:00Z', named);
    const cleared = organisationFromBody('0403170701', body({ chequesContact: null }), '2026-01-04T10:00:00Z', kept);
    // Assess
    expect(first.generalContact).toEqual(body().contact);
    expect(first.chequesContact).toBeNull();
    expect(named).toMatchObject({ generalContact: general, chequesContact: cheques });
    expect(kept).toMatchObject({ generalContact: general, chequesContact: cheques });
    expect(cleared).toMatchObject({ generalContact: general, chequesContact: null });
    expect(toOrganisationResponse(named)).toMatchObject({ contact: body().contact, generalContact: general, chequesContact: cheques });
  });

  it('R-ORG-2: a stored organisation from before the general contact reads the dossier contact as general contact', () => {
    const contact = body().contact;
    expect(generalContactOf({ contact })).toEqual(contact);
    expect(generalContactOf({ contact, generalContact: null })).toEqual(contact);
    const other = { ...contact, email: 'ander@voorbeeld.be' };
    expect(generalContactOf({ contact, generalContact: other })).toEqual(other);
  });

  it('R-ORG-2: a malformed general or cheques contact is refused with its path', () => {
    const result = organisationBodySchema.safeParse({ ...body(), generalContact: { name: '', email: 'x', phone: '1' }, chequesContact: { name: 'A' } });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining([
      'generalContact.name', 'generalContact.email', 'generalContact.phone', 'chequesContact.email', 'chequesContact.phone',
    ]));
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
