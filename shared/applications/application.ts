import * as z from 'zod';
import type { RuleFinding } from '../http/problem';
import { CEFR_LEVEL_CODES } from '../reference/cefr';
import { PILLAR_CODES } from '../reference/competences';
import { ODB_NUMBER_PATTERN } from '../registrations/odb-number';
import type { ApplicationDocument } from './documents';
import type { ApplicationStatus } from './state-machine';
import { chequeCategories, type ChequeCategory } from '../cheques/cheque-category';

/*
 * The application body (POST /v1/applications, PUT /v1/applications/{id}), fixed names from api.md.
 *
 * This schema validates a DRAFT: every field may be missing (or null where null means "not filled
 * in"), but what is given must have the right type and format. Whether the application is complete
 * and admissible is reported by `checkApplication` (admissibility.ts), not by this schema, so that a
 * provider can save work in progress and get every problem at once.
 *
 * Where null has a meaning of its own it is documented: `blended: null` = no blended learning,
 * `language: null` = not a language training, `replacesOdbNumber: null` = a new training.
 * No transforms or preprocessing, so `z.toJSONSchema` can describe it for OpenAPI.
 */

const MAX_HOURS = 10_000;

const text = (missing: string, max: number, description: string) =>
  z
    .string(missing)
    .max(max, `Deze tekst is te lang (max. ${max} tekens).`)
    .nullish()
    .meta({ description });

const hours = (description: string) =>
  z
    .number('Geef een aantal uren op (een getal).')
    .min(0, 'Het aantal uren kan niet negatief zijn.')
    .max(MAX_HOURS, `Het aantal uren is te hoog (max. ${MAX_HOURS}).`)
    .nullish()
    .meta({ description });

const yesNo = (description: string) => z.boolean('Antwoord met ja (true) of nee (false).').nullish().meta({ description });

const noDuplicates = (values: readonly string[]) => new Set(values).size === values.length;

export const STRUCTURES = ['integral', 'modular'] as const;

/** R-APP-6: the provider says explicitly that the application is an EVC trajectory, and which kind. */
export const EVC_TRAJECTORIES = ['recognised', 'other'] as const;
export type EvcTrajectory = (typeof EVC_TRAJECTORIES)[number];

/**
 * At most this many modules. Submitting claims the training's and every module's own reference in
 * ONE DynamoDB transaction (at most 100 actions: the application, its mail, the training's
 * reference, the language, and one per module), so the limit leaves room for those.
 */
export const MAX_MODULES = 90;
export type Structure = (typeof STRUCTURES)[number];

/** The cheque categories are defined once, with the cheque rules (R-CHQ-4, R-CHQ-5). */
export const CHEQUE_CATEGORIES = chequeCategories;
export type { ChequeCategory };

/** Blended learning (R-APP-2, R-APP-3): the planned hours of distance learning. */
export const blendedSchema = z
  .object({
    distanceHours: z
      .number('Geef het geplande aantal uren afstandsleren op (een getal).')
      .positive('Het aantal uren afstandsleren moet groter zijn dan 0.')
      .max(MAX_HOURS, `Het aantal uren is te hoog (max. ${MAX_HOURS}).`)
      .nullish()
      .meta({ description: 'Geplande uren afstandsleren (de tijd die nodig is om de leerstof door te nemen)' }),
  })
  .meta({ description: 'Blended leren; null als de opleiding niet blended is' });
export type Blended = z.infer<typeof blendedSchema>;

const cefrLevelSchema = z.enum(CEFR_LEVEL_CODES, 'Kies een ERK-niveau: A1, A2, B1, B2, C1 of C2.');

export const moduleSchema = z
  .object({
    title: text('Vul de naam van de module in.', 200, 'Naam van de module'),
    ownReference: text('Vul de eigen referentie van de module in.', 100, 'Eigen unieke referentie van de module'),
    content: text('Beschrijf de inhoud van de module.', 20_000, 'Inhoud van de module (optioneel)'),
    contactHours: hours('Contacturen van de module, inclusief werkplekleren'),
    studyPoints: z
      .number('Geef een aantal studiepunten op (een getal).')
      .min(0, 'Het aantal studiepunten kan niet negatief zijn.')
      .max(600, 'Het aantal studiepunten is te hoog (max. 600).')
      .nullish()
      .meta({ description: 'Studiepunten van de module (regulier hoger onderwijs)' }),
    mentorTraining: yesNo('Is de module een mentoropleiding? Verplicht onder 32 contacturen (R-APP-4)'),
    blended: z
      .union([z.boolean(), blendedSchema], 'Geef aan of de module blended is: null/false, true of { "distanceHours": n }.')
      .nullish()
      .meta({ description: 'Blended leren voor deze module: null of false (nee), true, of { "distanceHours": n }' }),
    cefrLevel: cefrLevelSchema.nullish().meta({ description: 'ERK-niveau, voor taalopleidingen: één module per niveau (R-APP-7)' }),
  })
  .meta({ description: 'Module (opleidingsonderdeel) met eigen gegevens; krijgt een eigen ODB-nummer' });
export type Module = z.infer<typeof moduleSchema>;

export const languageSchema = z
  .object({
    code: z
      .string('Geef de taalcode op (ISO 639-1, bv. "fr").')
      .regex(/^[a-z]{2}$/, 'Geef de taalcode op als twee kleine letters (ISO 639-1, bv. "fr").')
      .meta({ description: 'Taal (ISO 639-1), één aanvraag per taal (R-APP-7)', example: 'fr' }),
    cefrLevel: cefrLevelSchema.nullish().meta({ description: 'ERK-niveau als de opleiding één niveau heeft; anders per module' }),
  })
  .meta({ description: 'Taalopleiding; null als het geen taalopleiding is' });
export type Language = z.infer<typeof languageSchema>;

const codeList = (description: string) =>
  z
    .array(z.string('Gebruik een code uit de lijst.').max(100, 'Deze code is te lang.'), 'Geef een lijst van codes op.')
    .max(50, 'Te veel codes (max. 50).')
    .refine(noDuplicates, 'Elke code mag maar één keer voorkomen.')
    .optional()
    .meta({ description });

/** Self-analysis of labour-market orientation (R-CMP-1…4). */
export const competencesSchema = z
  .object({
    basic: codeList('Aangevinkte basiscompetenties (codes uit de referentielijst)'),
    professionSpecific: codeList('Aangevinkte beroepsspecifieke competenties (codes uit de referentielijst)'),
    generalPillars: z
      .array(z.enum(PILLAR_CODES, 'Kies pijlers uit P1, P2, P3, P4 en P5.'), 'Geef een lijst van pijlers op.')
      .max(5, 'Er zijn maar vijf pijlers.')
      .refine(noDuplicates, 'Elke pijler mag maar één keer voorkomen.')
      .optional()
      .meta({ description: 'Pijlers van de algemene arbeidsmarktcompetenties; minstens drie om tot die groep te behoren (R-CMP-2)' }),
  })
  .meta({ description: 'Zelfanalyse arbeidsmarktgerichtheid (R-CMP-1)' });
export type Competences = z.infer<typeof competencesSchema>;

/** R-DEC-1: the VOC, or one joint committee from the list of committees that volunteered. */
export const decisionBodySchema = z
  .discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('VOC') }).meta({ description: 'Vaardigheden nuttig voor meerdere beroepen: Vlaamse opleidingscommissie' }),
      z
        .object({
          kind: z.literal('PC'),
          committee: z
            .string('Kies een paritair comité uit de lijst.')
            .max(20, 'Deze code is te lang.')
            .nullish()
            .meta({ description: 'Code van een paritair comité uit de referentielijst', example: '200' }),
        })
        .meta({ description: 'Gericht op een specifiek beroep: een paritair comité dat zich kandidaat stelde' }),
    ],
    'Kies als beslissingsinstantie { "kind": "VOC" } of { "kind": "PC", "committee": "…" }.',
  )
  .meta({ description: 'Gewenste beslissingsinstantie (R-DEC-1); het departement beslist (R-DEC-2)' });
export type DecisionBodyChoice = z.infer<typeof decisionBodySchema>;

const date = (description: string) =>
  z.iso.date('Geef een geldige datum op (JJJJ-MM-DD).').nullish().meta({ description });

export const draftApplicationSchema = z
  .object({
    title: text('Vul de naam van de opleiding in.', 200, 'Naam van de opleiding; geeft een correct beeld van de inhoud'),
    ownReference: text('Vul de eigen referentie in.', 100, 'Eigen unieke referentie van de opleiding (uniek per organisatie)'),
    targetGroup: text('Beschrijf de doelgroep.', 5_000, 'Doelgroep en vereiste voorkennis'),
    websiteUrl: z
      .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'Geef een geldig webadres op (https://…).' })
      .max(2_000, 'Het webadres is te lang.')
      .nullish()
      .meta({ description: 'Webpagina van de opleiding (wordt gepubliceerd)', example: 'https://www.voorbeeld.be/opleiding' }),
    content: text('Beschrijf de inhoud en de leerdoelstellingen.', 20_000, 'Inhoud en leerdoelstellingen'),
    structure: z
      .enum(STRUCTURES, 'Kies "integral" (integraal) of "modular" (modulair).')
      .nullish()
      .meta({ description: 'integral: één samenhangend geheel; modular: modules waarvoor men apart inschrijft' }),
    contactHours: hours('Contacturen, inclusief werkplekleren; optioneel als studyPoints gegeven is'),
    studyPoints: z
      .number('Geef een aantal studiepunten op (een getal).')
      .min(0, 'Het aantal studiepunten kan niet negatief zijn.')
      .max(600, 'Het aantal studiepunten is te hoog (max. 600).')
      .nullish()
      .meta({ description: 'Studiepunten (regulier aanbod hoger onderwijs)' }),
    mentorTraining: yesNo('Mentoropleiding? Verplicht als contactHours < 32 (R-APP-4, R-APP-5)'),
    workplaceHours: hours('Uren werkplekleren, deel van de contacturen; 0 als er geen zijn (R-APP-1)'),
    blended: blendedSchema.nullish(),
    finalAssessment: yesNo('Hoort er een eindbeoordeling bij de opleiding?'),
    leadsToQualification: yesNo('Leidt de opleiding tot een (deel)kwalificatie?'),
    separatelyAssessedParts: yesNo('Bevat de opleiding onderdelen waarvoor men apart kan inschrijven en apart beoordeeld wordt? Verplicht bij indienen'),
    evcTrajectory: z
      .enum(EVC_TRAJECTORIES, 'Kies "recognised" (erkend beroepskwalificerend EVC-traject), "other" (ander EVC-traject) of null (geen EVC-traject).')
      .nullish()
      .meta({ description: 'EVC-traject (R-APP-6): null of weggelaten = geen EVC-traject; "recognised" = erkend beroepskwalificerend (naam "BK EVC-traject <naam>"); "other" = ander EVC-traject (naam "EVC-traject <naam>")' }),
    modules: z
      .array(moduleSchema, 'Geef de modules op als lijst.')
      .max(MAX_MODULES, `Te veel modules (max. ${MAX_MODULES}).`)
      .nullish()
      .meta({ description: 'Modules; verplicht voor een modulaire opleiding' }),
    language: languageSchema.nullish(),
    competences: competencesSchema.nullish(),
    decisionBody: decisionBodySchema.nullish(),
    chequeCategory: z
      .enum(CHEQUE_CATEGORIES, 'Kies een categorie: standard, secondaryDiploma, nt2, shortageOccupation, basicSkills of higherEducation.')
      .nullish()
      .meta({ description: 'Voorgestelde categorie voor opleidingscheques: het voorstel van de aanbieder; het departement kent de categorie toe bij de beslissing, en alleen die telt (R-CHQ-4, R-CHQ-5)' }),
    plannedStart: date('Geplande startdatum'),
    plannedEnd: date('Geplande einddatum (optioneel; voor de duurcontrole, R-APP-8)'),
    replacesOdbNumber: z
      .string('Geef een ODB-nummer op.')
      .regex(ODB_NUMBER_PATTERN, 'Dit is geen geldig ODB-nummer (bv. ODB-A000123).')
      .nullish()
      .meta({ description: 'ODB-nummer van de registratie die deze aanvraag vervangt (R-REG-2); null voor een nieuwe opleiding' }),
  })
  .meta({ description: 'Registratieaanvraag (ontwerp); volledigheid en ontvankelijkheid meldt /check' });

/** The body of POST /v1/applications and PUT /v1/applications/{id}: always a draft. */
export const applicationBodySchema = draftApplicationSchema;
export type ApplicationBody = z.infer<typeof draftApplicationSchema>;

/** A question from the back office and its answer (R-BO-1). */
export interface Question {
  question: string;
  askedAt: string;
  /** Last day to answer (R-BO-1), 'YYYY-MM-DD'. */
  deadline: string;
  answer: string | null;
  answeredAt: string | null;
  /** How the question was closed: answered, or moved on after the deadline. */
  closedBy: 'answer' | 'deadline' | null;
  /** R-BO-1: set when the deadline passed unanswered ("beoordeeld op basis van de beschikbare informatie"). */
  note?: string;
  /** R-BO-1: documents (of the application's document slots) the provider attached to the answer. */
  answerDocumentIds?: string[];
}

export interface Forwarding {
  /** 'VOC' or a joint-committee code. */
  to: string;
  advice: 'negative' | null;
  at: string;
  /** 'backoffice' for a normal forward, 'system' for the forced forward of R-BO-2. */
  by: 'backoffice' | 'system';
}

export interface Decision {
  outcome: 'approved' | 'rejected';
  validFrom: string | null;
  reason: string | null;
  decidedAt: string;
  /** R-CHQ-4/R-CHQ-5: the category the department granted (approval only); the application's is the proposal. */
  chequeCategory?: ChequeCategory | null;
  /** R-BO-4: the number series granted with the approval (null = ordinary). */
  series?: 'X' | 'Y' | 'Z' | null;
}

/** The stored application: the body fields plus what the process adds. */
export interface Application extends ApplicationBody {
  id: string;
  orgKbo: string;
  status: ApplicationStatus;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** REFERENCE_VERSION the application was checked against at submission. */
  referenceVersion: string | null;
  documents: ApplicationDocument[];
  /** Findings of the last check or refused submit; for `inadmissible`, the reasons. */
  problems: RuleFinding[];
  questions: Question[];
  deadlines: { decisionPeriodEnd: string; forcedForwardDate: string } | null;
  forwarding: Forwarding | null;
  decision: Decision | null;
  /** After approval (R-BO-3): the training's ODB number and one per module, in module order. */
  odbNumbers: { training: string; modules: string[] } | null;
  /** The organisation's name when the application was submitted (the back office's worklist searches it). */
  organisationName?: string | undefined;
}

/** The question that is still open, if any (R-BO-1). */
export function openQuestion(app: Pick<Application, 'questions'>): Question | null {
  return app.questions.find((q) => q.closedBy === null) ?? null;
}
