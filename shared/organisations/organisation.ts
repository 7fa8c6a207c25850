import * as z from 'zod';
import { LMS_CODES, OTHER_LMS } from '../reference/lms';
import { kboSchema } from './kbo';

/** Organisation kind; decides the ODB number series (R-BO-4). */
export const ORGANISATION_KINDS = ['general', 'higherEducation', 'adultEducation', 'syntra'] as const;
export const organisationKindSchema = z
  .enum(ORGANISATION_KINDS, 'Kies het soort organisatie: general, higherEducation, adultEducation of syntra.')
  .meta({
    description:
      'Soort organisatie: general (algemeen), higherEducation (hoger onderwijs, ODB-X), adultEducation (volwassenenonderwijs, ODB-Y), syntra (SYNTRA-ondernemerschapstrajecten, ODB-Z)',
  });
export type OrganisationKind = z.infer<typeof organisationKindSchema>;

/** R-ORG-2: the contact person who receives every question and decision. */
export const contactSchema = z
  .object({
    name: z
      .string('Vul de naam van de contactpersoon in.')
      .trim()
      .min(1, 'Vul de naam van de contactpersoon in.')
      .max(200, 'De naam van de contactpersoon is te lang (max. 200 tekens).')
      .meta({ description: 'Naam van de contactpersoon' }),
    email: z
      .email('Geef een geldig e-mailadres op voor de contactpersoon.')
      .max(254, 'Het e-mailadres is te lang.')
      .meta({ description: 'E-mailadres; een algemeen adres (bv. info@organisatie.be) is aangeraden', example: 'info@organisatie.be' }),
    phone: z
      .string('Vul het telefoonnummer van de contactpersoon in.')
      .regex(/^\+?[0-9][0-9 ./()-]{6,22}$/, 'Geef een geldig telefoonnummer op (bv. +32 2 553 00 00).')
      .meta({ description: 'Telefoonnummer', example: '+32 2 553 00 00' }),
  })
  .meta({ description: 'Contactpersoon die alle vragen en beslissingen over aanvragen ontvangt (R-ORG-2)' });
export type Contact = z.infer<typeof contactSchema>;

const LMS_CHOICES = [...LMS_CODES, OTHER_LMS] as const;

/** R-ORG-4: which LMS the organisation uses — a code from the list, or "other" with its name. */
export const lmsSchema = z
  .object({
    system: z
      .enum(LMS_CHOICES, 'Kies een LMS uit de lijst, of "other" en vul de naam in.')
      .meta({ description: 'Code uit de LMS-lijst, of "other"' }),
    otherName: z
      .string('Vul de naam van het LMS in.')
      .max(200, 'De naam van het LMS is te lang (max. 200 tekens).')
      .optional()
      .meta({ description: 'Naam van het LMS; verplicht als system "other" is' }),
  })
  .superRefine((lms, ctx) => {
    // R-ORG-4: "other" needs the name of the system.
    if (lms.system === OTHER_LMS && (lms.otherName ?? '').trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['otherName'],
        message: 'Vul de naam van het LMS in als u "andere" kiest.',
        params: { rule: 'R-ORG-4' },
      });
    }
  })
  .meta({ description: 'Learning management system voor blended leren (R-ORG-4)' });
export type Lms = z.infer<typeof lmsSchema>;

/** Body of `PUT /v1/organisation` (fixed names: api.md). */
export const organisationBodySchema = z
  .object({
    name: z
      .string('Vul de naam in.')
      .trim()
      .min(1, 'Vul de naam in.')
      .max(300, 'De naam is te lang (max. 300 tekens).')
      .meta({ description: 'Naam van de organisatie' }),
    contact: contactSchema,
    generalContact: contactSchema.optional().meta({
      description:
        'Algemene contactpersoon (nieuwsbrieven, evaluaties, jaarlijkse controle van de contactgegevens; R-ORG-2). Weggelaten: de opgeslagen blijft; bij een nieuwe organisatie de dossiercontactpersoon',
    }),
    chequesContact: contactSchema.nullable().optional().meta({
      description:
        'Contactpersoon voor opleidingscheques; null als er geen is. Weggelaten: de opgeslagen blijft (bij een nieuwe organisatie null)',
    }),
    kind: organisationKindSchema,
    lms: lmsSchema.nullable().meta({ description: 'null als de organisatie geen blended leren aanbiedt' }),
  })
  .meta({ description: 'Organisatiegegevens (R-ORG-2, R-ORG-4)' });
export type OrganisationBody = z.infer<typeof organisationBodySchema>;

/** R-ORG-3: recorded by the back office; read-only for the provider. */
export const qualityRegistrationSchema = z
  .object({
    registered: z.boolean('Geef aan of de organisatie een kwaliteitsregistratie heeft.'),
    since: z.iso.date('Geef een datum op (JJJJ-MM-DD).').nullable(),
  })
  .meta({ description: 'WSE-kwaliteitsregistratie (R-ORG-3)' });
export type QualityRegistration = z.infer<typeof qualityRegistrationSchema>;

/** Body of `PUT /v1/backoffice/organisations/{kbo}/quality-registration`. */
export const qualityRegistrationBodySchema = z
  .object({
    registered: z.boolean('Geef aan of de organisatie een kwaliteitsregistratie heeft.'),
    since: z.iso.date('Geef de datum van registratie op (JJJJ-MM-DD).').meta({ description: 'Sinds wanneer' }),
  })
  .meta({ description: 'Kwaliteitsregistratie vastleggen (R-ORG-3)' });
export type QualityRegistrationBody = z.infer<typeof qualityRegistrationBodySchema>;

/** R-ORG-4: the follow-up document for blended learning, kept at organisation level. */
export const LMS_DOCUMENT_STATUSES = ['missing', 'pending', 'on-file'] as const;
export const lmsDocumentSchema = z
  .object({
    status: z.enum(LMS_DOCUMENT_STATUSES).meta({
      description: 'missing: nog niets; pending: uploadslot uitgegeven; on-file: document ontvangen',
    }),
    fileName: z.string().nullable(),
    uploadedAt: z.iso.datetime().nullable(),
  })
  .meta({ description: 'Document over de opvolging van het leerproces bij blended leren (R-ORG-4)' });
export type LmsDocument = z.infer<typeof lmsDocumentSchema>;

/** The stored organisation: the three contacts of [M] "Contactendatabank" always present (R-ORG-2). */
export interface Organisation extends Omit<OrganisationBody, 'generalContact' | 'chequesContact'> {
  kbo: string;
  /** R-ORG-2: newsletters, negative evaluations, the yearly contact check (R-REG-4, R-BO-5). */
  generalContact: Contact;
  /** R-ORG-2: the cheques contact, for organisations that accept cheques; null when none. */
  chequesContact: Contact | null;
  qualityRegistration: QualityRegistration;
  lmsDocument: LmsDocument;
  /** R-REG-4: when the contact details were last confirmed (ISO timestamp), for the yearly check. */
  contactConfirmedAt: string | null;
  updatedAt: string;
}

export const NO_QUALITY_REGISTRATION: QualityRegistration = { registered: false, since: null };
export const NO_LMS_DOCUMENT: LmsDocument = { status: 'missing', fileName: null, uploadedAt: null };

/** Response of `GET/PUT /v1/organisation`. */
export const organisationResponseSchema = organisationBodySchema
  .extend({
    kbo: kboSchema,
    generalContact: contactSchema.meta({ description: 'Algemene contactpersoon (nieuwsbrieven, evaluaties, jaarlijkse controle; R-ORG-2)' }),
    chequesContact: contactSchema.nullable().meta({ description: 'Contactpersoon voor opleidingscheques, of null (R-ORG-2)' }),
    qualityRegistration: qualityRegistrationSchema,
    lmsDocument: lmsDocumentSchema,
    contactConfirmedAt: z.iso.datetime().nullable().meta({ description: 'Laatste bevestiging van de contactgegevens (R-REG-4)' }),
  })
  .meta({ description: 'Organisatie zoals opgeslagen' });
export type OrganisationResponse = z.infer<typeof organisationResponseSchema>;

/**
 * R-ORG-2: the general contact of an organisation. Organisations stored before the general contact
 * existed have none: for them the dossier contact — the one person the provider told us about, who
 * already receives every question and decision — is the general contact too, until the provider
 * names another. Used when reading a stored organisation, so no reader meets a missing one.
 */
export function generalContactOf(org: { contact: Contact; generalContact?: Contact | null | undefined }): Contact {
  return org.generalContact ?? org.contact;
}

/**
 * A new or updated organisation from a PUT body. A first PUT starts without quality registration
 * and without LMS document; later PUTs keep what the back office and uploads recorded.
 * Changing contact details counts as confirming them (R-REG-4). R-ORG-2: a body without
 * `generalContact` keeps the stored one (a new organisation: the dossier contact); without
 * `chequesContact` keeps the stored one (a new organisation: none).
 */
export function organisationFromBody(
  kbo: string,
  body: OrganisationBody,
  now: string,
  existing: Organisation | null,
): Organisation {
  return {
    kbo,
    name: body.name,
    contact: body.contact,
    generalContact: body.generalContact ?? existing?.generalContact ?? body.contact,
    chequesContact: body.chequesContact === undefined ? existing?.chequesContact ?? null : body.chequesContact,
    kind: body.kind,
    lms: body.lms,
    qualityRegistration: existing?.qualityRegistration ?? NO_QUALITY_REGISTRATION,
    lmsDocument: existing?.lmsDocument ?? NO_LMS_DOCUMENT,
    contactConfirmedAt: now,
    updatedAt: now,
  };
}

/**
 * R-ORG-4: the organisation has both its LMS and the follow-up document on file, so a blended
 * application needs no training-specific follow-up document (R-APP-2).
 */
export function hasBlendedFollowUpOnFile(org: Pick<Organisation, 'lms' | 'lmsDocument'>): boolean {
  return org.lms !== null && org.lmsDocument.status === 'on-file';
}

export function toOrganisationResponse(org: Organisation): OrganisationResponse {
  return {
    kbo: org.kbo,
    name: org.name,
    contact: org.contact,
    generalContact: org.generalContact,
    chequesContact: org.chequesContact,
    kind: org.kind,
    lms: org.lms,
    qualityRegistration: org.qualityRegistration,
    lmsDocument: org.lmsDocument,
    contactConfirmedAt: org.contactConfirmedAt,
  };
}
