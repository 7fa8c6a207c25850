/**
 * Request and response bodies of the worker's cheque routes (api.md "Cheque request", fixed names).
 * These schemas validate, type and generate the OpenAPI document (`z.toJSONSchema`), so they contain
 * no transforms. Messages are Dutch (shown to people). The national register number is not in the body:
 * it comes from the token (`rrn` claim).
 */
import * as z from 'zod';
import { ChequeCategorySchema } from './cheque-category';
import { SchoolYearSchema } from './school-year';

const required = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${what} is verplicht.` : undefined;

/** Control and format characters (NUL, CR/LF, tabs, bidi overrides, zero-width joiners, …). */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
/** Anything that reads as a link in a mail: a scheme, `www.`, or a domain-like `name.tld/` or `name.tld`. */
const LINK_LIKE = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.|[a-z0-9-]+\.(?:[a-z]{2,24})(?:[\/:?#]|$|\s))/iu;

/**
 * A person's name (issue 12: the name goes into a mail to the address the request names): no control
 * or format characters, and nothing that reads as a link, so a name field cannot carry a URL into a mail.
 */
const PersonName = (what: string) =>
  z
    .string({ error: (issue) => required(what)(issue) ?? `${what} moet tekst zijn.` })
    .min(1, { error: `${what} mag niet leeg zijn.` })
    .max(100, { error: `${what} mag hoogstens 100 tekens lang zijn.` })
    .regex(/\S/, { error: `${what} mag niet alleen uit spaties bestaan.` })
    .refine((value) => !CONTROL_OR_FORMAT.test(value), { error: `${what} mag geen stuurtekens of onzichtbare tekens bevatten.` })
    .refine((value) => !LINK_LIKE.test(value), { error: `${what} mag geen webadres bevatten.` });

export const educationLevels = ['none', 'secondary', 'higher'] as const;
export const EducationLevelSchema = z
  .enum(educationLevels, {
    error: (issue) => required('Het opleidingsniveau')(issue) ?? 'Kies none, secondary of higher als opleidingsniveau.',
  })
  .meta({
    description:
      'Hoogste diploma: none (geen diploma secundair onderwijs, kortgeschoold), secondary (diploma secundair) of higher (diploma hoger onderwijs).',
  });
export type EducationLevel = z.infer<typeof EducationLevelSchema>;

const yesNo = (question: string) =>
  z.boolean({
    error: (issue) =>
      issue.input === undefined ? `Beantwoord de vraag "${question}".` : `"${question}": antwoord met true of false.`,
  });

/** Message for a strict object: names the unknown fields. */
const objectError = (notAnObject: string) => (issue: { code?: string; keys?: unknown }) =>
  issue.code === 'unrecognized_keys'
    ? `Onbekend veld: ${Array.isArray(issue.keys) ? issue.keys.join(', ') : ''}.`
    : notAnObject;

/** R-CHQ-2: the worker's personal data. */
export const ChequeWorkerSchema = z
  .strictObject(
    {
      firstName: PersonName('De voornaam').meta({ description: 'Voornaam van de werknemer.' }),
      lastName: PersonName('De achternaam').meta({ description: 'Achternaam van de werknemer.' }),
      email: z
        .email({ error: (issue) => required('Het e-mailadres')(issue) ?? 'Geef een geldig e-mailadres op.' })
        .max(254, { error: 'Het e-mailadres is te lang.' })
        .meta({ description: 'E-mailadres voor de bevestigings- en goedkeuringsmail.' }),
      educationLevel: EducationLevelSchema,
      worksInFlanders: yesNo('Werkt u in Vlaanderen?').meta({
        description: 'De werknemer werkt in Vlaanderen (voorwaarde, R-CHQ-2).',
      }),
      hasPersonalDevelopmentPlan: yesNo('Hebt u een persoonlijk ontwikkelingsplan (POP)?').meta({
        description:
          'De werknemer heeft een persoonlijk ontwikkelingsplan (POP) na loopbaanbegeleiding, en de opleiding staat erin (R-CHQ-6).',
      }),
    },
    { error: objectError('Geef de gegevens van de werknemer op.') },
  )
  .meta({ description: 'Persoonlijke gegevens van de werknemer (R-CHQ-2).' });
export type ChequeWorker = z.infer<typeof ChequeWorkerSchema>;

export const OdbNumberFieldSchema = z
  .string({ error: (issue) => required('Het ODB-registratienummer')(issue) ?? 'Het ODB-registratienummer moet tekst zijn.' })
  .min(1, { error: 'Vul het ODB-registratienummer van de opleiding in.' })
  .max(40, { error: 'Het ODB-registratienummer is te lang.' })
  .meta({ description: 'ODB-registratienummer van de opleiding, uit de opleidingsdatabank (R-CHQ-1).', examples: ['ODB-A000123'] });

export const AmountCentsSchema = z
  .int({ error: (issue) => required('Het bedrag')(issue) ?? 'Het bedrag is een geheel aantal eurocent.' })
  .positive({ error: 'Het bedrag moet groter zijn dan nul.' })
  .meta({ description: 'Gevraagd bedrag aan opleidingscheques, in eurocent (25000 = € 250,00).', examples: [25000] });

/** `POST /v1/cheque-requests` body. */
export const ChequeRequestBodySchema = z
  .strictObject(
    {
      odbNumber: OdbNumberFieldSchema,
      amountCents: AmountCentsSchema,
      worker: ChequeWorkerSchema,
    },
    { error: objectError('De aanvraag moet een JSON-object zijn.') },
  )
  .meta({ id: 'ChequeRequestBody', description: 'Aanvraag van opleidingscheques (R-CHQ-1…6).' });
export type ChequeRequestBody = z.infer<typeof ChequeRequestBodySchema>;

export const chequeRequestStatuses = [
  'submitted',
  'approved',
  'rejected',
  'awaiting-contribution',
  'issued',
  'expired',
  'cancelled',
] as const;
export const ChequeRequestStatusSchema = z.enum(chequeRequestStatuses).meta({
  description:
    'submitted (ingediend), approved (goedgekeurd), rejected (geweigerd), awaiting-contribution (wacht op de persoonlijke bijdrage), issued (cheques geleverd), expired (vervallen), cancelled (geannuleerd).',
});
export type ChequeRequestStatus = z.infer<typeof ChequeRequestStatusSchema>;

export const ProblemSchema = z
  .object({
    path: z.string().meta({ description: 'Pad in de aanvraag, bv. "worker.worksInFlanders"; leeg voor de hele aanvraag.' }),
    code: z.string().meta({ description: 'Stabiele code, meestal een regel-id zoals "R-CHQ-3".' }),
    message: z.string().meta({ description: 'Uitleg in het Nederlands.' }),
  })
  .meta({ id: 'ChequeReason', description: 'Een reden van een weigering (dezelfde vorm als de errors van een probleem).' });

const Timestamp = z.iso.datetime();
const IsoDate = z.iso.date();

/** A cheque request as the worker sees it (`GET /v1/cheque-requests/{id}`, and the POST response). */
export const ChequeRequestSchema = z
  .object({
    id: z.string().meta({ description: 'Id van de aanvraag.' }),
    status: ChequeRequestStatusSchema,
    schoolYear: SchoolYearSchema,
    odbNumber: z.string().meta({ description: 'ODB-registratienummer van de opleiding.' }),
    training: z
      .object({
        title: z.string().meta({ description: 'Titel van de opleiding.' }),
        providerName: z.string().meta({ description: 'Naam van de opleidingsverstrekker.' }),
      })
      .nullable()
      .meta({ description: 'De opleiding zoals ze geregistreerd was bij de aanvraag; null als de opleiding niet gevonden werd.' }),
    chequeCategory: ChequeCategorySchema.nullable().meta({
      description:
        'Categorie van de opleiding zoals het departement ze toekende bij de registratie (R-CHQ-4, R-CHQ-5); null als de opleiding niet gevonden werd.',
    }),
    amountCents: z.int().nonnegative().meta({ description: 'Gevraagd bedrag in eurocent.' }),
    contributionCents: z.int().nonnegative().meta({
      description: 'Persoonlijke bijdrage van de werknemer in eurocent (0 bij een weigering of volledige betaling door de overheid).',
    }),
    governmentCents: z.int().nonnegative().meta({ description: 'Deel van de overheid in eurocent.' }),
    reasons: z.array(ProblemSchema).meta({ description: 'Redenen van een weigering; leeg als de aanvraag niet geweigerd is.' }),
    worker: ChequeWorkerSchema,
    createdAt: Timestamp.meta({ description: 'Tijdstip van indienen (UTC).' }),
    updatedAt: Timestamp.meta({ description: 'Tijdstip van de laatste statuswijziging (UTC).' }),
    contributionDueAt: Timestamp.nullable().meta({
      description: 'Uiterste tijdstip om de persoonlijke bijdrage te betalen; null als er geen bijdrage te betalen is.',
    }),
    expiryDate: IsoDate.nullable().meta({ description: 'Vervaldatum van de geleverde cheques; null tot ze geleverd zijn.' }),
    unusedCents: z.int().nonnegative().nullable().meta({
      description: 'Niet gebruikt bedrag bij het vervallen van de cheques (teruggestort); null tot dan.',
    }),
  })
  .meta({ id: 'ChequeRequest', description: 'Een aanvraag van opleidingscheques.' });
export type ChequeRequest = z.infer<typeof ChequeRequestSchema>;

export const ChequeRequestListSchema = z
  .object({ items: z.array(ChequeRequestSchema) })
  .meta({ id: 'ChequeRequestList', description: 'De eigen aanvragen van de werknemer.' });

/** `GET /v1/cheques/entitlement?schoolYear=` query (schoolYear defaults to the current one). */
export const EntitlementQuerySchema = z.strictObject(
  { schoolYear: SchoolYearSchema.optional() },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Onbekende parameter: ${issue.keys.join(', ')}.` : undefined) },
);

/** `GET /v1/cheques/entitlement` response (api.md fixed names). */
export const EntitlementSchema = z
  .object({
    schoolYear: SchoolYearSchema,
    usedCents: z.int().nonnegative().meta({ description: 'Al aangevraagd (en niet vrijgegeven) in dit schooljaar, in eurocent.' }),
    remainingCents: z.int().nonnegative().meta({
      description: 'Nog aan te vragen voor een opleiding die geen graduaat of bachelor is, in eurocent.',
    }),
    remainingHigherEducationCents: z.int().nonnegative().meta({
      description: 'Nog aan te vragen voor een graduaat- of bacheloropleiding, in eurocent.',
    }),
    provisional: z.boolean().meta({
      description:
        'true als er voor dit schooljaar nog geen eigen regels zijn en de regels van het laatst bekende schooljaar voorlopig gelden (R-CHQ-5).',
    }),
  })
  .meta({ id: 'Entitlement', description: 'Gebruikt en resterend budget voor opleidingscheques in een schooljaar.' });
export type Entitlement = z.infer<typeof EntitlementSchema>;
