import * as z from 'zod';
import { conflict, validationFailed, type Problem } from '../http/problem';
import { CEFR_LEVEL_CODES } from '../reference/cefr';
import { effectiveContactHours, competenceGroupsOf } from '../applications/admissibility';
import { CHEQUE_CATEGORIES, STRUCTURES, type Application } from '../applications/application';
import { addMonths, compareDates, endOfFollowingYear, laterDate, type IsoDate } from '../time/calendar';
import type { ChequeCategory } from '../cheques/cheque-category';
import { kboSchema } from '../organisations/kbo';
import type { Organisation } from '../organisations/organisation';
import { ODB_NUMBER_PATTERN } from './odb-number';

export const REGISTRATION_STATUSES = ['active', 'stopped', 'replaced', 'removed'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const INCENTIVES = ['trainingLeave', 'trainingCheques'] as const;
export type Incentive = (typeof INCENTIVES)[number];

/** R-BO-5: a positive evaluation extends the registration by this many months. */
export const EVALUATION_EXTENSION_MONTHS = 12;

const odbNumber = z.string().regex(ODB_NUMBER_PATTERN).meta({ description: 'ODB-registratienummer (R-BO-4)', example: 'ODB-A000123' });
const date = z.iso.date();

export const registrationModuleSchema = z
  .object({
    odbNumber,
    title: z.string(),
    ownReference: z.string(),
    contactHours: z.number().nullable(),
    studyPoints: z.number().nullable(),
    mentorTraining: z.boolean().nullable(),
    blended: z.boolean(),
    cefrLevel: z.enum(CEFR_LEVEL_CODES).nullable(),
  })
  .meta({ description: 'Module met een eigen ODB-nummer' });
export type RegistrationModule = z.infer<typeof registrationModuleSchema>;

/** A registered training as published (public catalogue and provider views). */
export const registrationSchema = z
  .object({
    odbNumber,
    title: z.string(),
    ownReference: z.string().meta({ description: 'Eigen referentie van de aanbieder' }),
    provider: z.object({ kbo: kboSchema, name: z.string() }),
    validFrom: date.meta({ description: 'Datum vanaf wanneer de registratie geldt (R-BO-3)' }),
    stopDate: date.nullable().meta({ description: 'Stopzettingsdatum: vanaf die dag niet meer in de databank (R-REG-1)' }),
    status: z.enum(REGISTRATION_STATUSES),
    replacedBy: odbNumber.nullable().meta({ description: 'Registratie die deze vervangt (R-REG-2)' }),
    replacedFrom: date
      .nullable()
      .optional()
      .meta({ description: 'Vanaf deze dag vervangt replacedBy deze registratie (de geldigheidsdatum van de opvolger, R-REG-2); tot dan blijft deze actief' }),
    replaces: odbNumber.nullable().meta({ description: 'Registratie die deze vervangt heeft (R-REG-2)' }),
    modules: z.array(registrationModuleSchema),
    chequeCategory: z.enum(CHEQUE_CATEGORIES).meta({ description: 'De door het departement toegekende chequecategorie (R-CHQ-4, R-CHQ-5), niet het voorstel van de aanbieder' }),
    structure: z.enum(STRUCTURES),
    competenceGroups: z
      .array(z.enum(['basic', 'professionSpecific', 'general']))
      .meta({ description: 'Competentiegroepen van de opleiding (filter in de databank)' }),
    contactHours: z.number().nullable(),
    studyPoints: z.number().nullable(),
    mentorTraining: z.boolean().nullable(),
    targetGroup: z.string(),
    content: z.string(),
    websiteUrl: z.string(),
    blended: z.boolean(),
    distanceHours: z.number().nullable(),
    finalAssessment: z.boolean().nullable(),
    leadsToQualification: z.boolean().nullable(),
    language: z.object({ code: z.string(), cefrLevel: z.enum(CEFR_LEVEL_CODES).nullable() }).nullable(),
    incentives: z.array(z.enum(INCENTIVES)).meta({ description: 'Incentives waarvoor de opleiding in aanmerking komt' }),
    evaluationDue: date.meta({ description: 'Datum van de volgende jaarlijkse evaluatie (R-BO-5)' }),
    removalDate: date.nullable().meta({ description: 'Na een negatieve evaluatie: 31 december van het volgende jaar (R-BO-5)' }),
  })
  .meta({ description: 'Geregistreerde opleiding' });
export type PublishedRegistration = z.infer<typeof registrationSchema>;

export interface Evaluation {
  outcome: 'positive' | 'negative';
  evaluatedOn: IsoDate;
}

/** The stored registration: the published fields plus what only the provider and back office see. */
export interface Registration extends PublishedRegistration {
  applicationId: string;
  stopReason: string | null;
  evaluations: Evaluation[];
}

export interface AllocatedOdbNumbers {
  training: string;
  /** One per module, in module order. */
  modules: string[];
}

/** How many ODB numbers an approval needs: one for the training and one per module (R-BO-4). */
export function odbNumbersNeeded(application: Pick<Application, 'modules'>): number {
  return 1 + (application.modules ?? []).length;
}

/** What the department grants with an approval (R-CHQ-4, R-CHQ-5): the provider's category is only a proposal. */
export interface Grant {
  chequeCategory: ChequeCategory;
}

/**
 * R-BO-3: an approved application becomes a registration with its ODB numbers and valid-from date.
 * The first evaluation is due a year after validFrom (R-BO-5). The cheque category is the GRANTED
 * one (R-CHQ-4), never the application's proposal.
 */
export function registrationFromApproval(
  application: Application,
  numbers: AllocatedOdbNumbers,
  validFrom: IsoDate,
  org: Pick<Organisation, 'kbo' | 'name'>,
  grant: Grant,
): Registration {
  const modules = application.modules ?? [];
  if (numbers.modules.length !== modules.length) {
    throw new RangeError(`Expected ${modules.length} module ODB numbers, got ${numbers.modules.length}`);
  }
  const contactHours = effectiveContactHours(application);
  return {
    odbNumber: numbers.training,
    title: application.title ?? '',
    ownReference: application.ownReference ?? '',
    provider: { kbo: org.kbo, name: org.name },
    validFrom,
    stopDate: null,
    status: 'active',
    replacedBy: null,
    replaces: application.replacesOdbNumber ?? null,
    modules: modules.map((module, index) => ({
      odbNumber: numbers.modules[index] ?? '',
      title: module.title ?? '',
      ownReference: module.ownReference ?? '',
      contactHours: module.contactHours ?? null,
      studyPoints: module.studyPoints ?? null,
      mentorTraining: module.mentorTraining ?? null,
      blended: module.blended !== null && module.blended !== undefined && module.blended !== false,
      cefrLevel: module.cefrLevel ?? null,
    })),
    chequeCategory: grant.chequeCategory,
    structure: application.structure ?? 'integral',
    competenceGroups: competenceGroupsOf(application.competences),
    contactHours: contactHours ?? null,
    studyPoints: application.studyPoints ?? null,
    mentorTraining: application.mentorTraining ?? null,
    targetGroup: application.targetGroup ?? '',
    content: application.content ?? '',
    websiteUrl: application.websiteUrl ?? '',
    blended: application.blended !== null && application.blended !== undefined,
    distanceHours: application.blended?.distanceHours ?? null,
    finalAssessment: application.finalAssessment ?? null,
    leadsToQualification: application.leadsToQualification ?? null,
    language: application.language ? { code: application.language.code, cefrLevel: application.language.cefrLevel ?? null } : null,
    incentives: [...INCENTIVES],
    evaluationDue: addMonths(validFrom, EVALUATION_EXTENSION_MONTHS),
    removalDate: null,
    applicationId: application.id,
    stopReason: null,
    evaluations: [],
  };
}

/** The published view (drops what only the provider and back office see). */
export function toPublishedRegistration(reg: Registration): PublishedRegistration {
  const { applicationId: _applicationId, stopReason: _stopReason, evaluations: _evaluations, ...published } = reg;
  return { ...published, replacedFrom: reg.replacedFrom ?? null };
}

/**
 * R-BO-3/R-REG-1/R-REG-2/R-BO-5: can new learners use the incentives for this training on `date`?
 * From validFrom; not from the stop date or the removal date on; never once replaced or removed.
 */
export function isActiveOn(reg: Pick<Registration, 'status' | 'validFrom' | 'stopDate' | 'removalDate'>, date: IsoDate): boolean {
  if (reg.status === 'replaced' || reg.status === 'removed') return false;
  if (compareDates(date, reg.validFrom) < 0) return false;
  if (reg.stopDate !== null && compareDates(date, reg.stopDate) >= 0) return false;
  if (reg.removalDate !== null && compareDates(date, reg.removalDate) >= 0) return false;
  return true;
}

// ── R-REG-1: stopping ──────────────────────────────────────────────────────────────────────────

export const stopRequestSchema = z
  .object({
    stopDate: z.iso.date('Geef een geldige stopzettingsdatum op (JJJJ-MM-DD).').meta({ description: 'Vanaf deze dag is de opleiding niet meer geregistreerd' }),
    reason: z
      .string('Geef een reden voor de stopzetting op.')
      .max(2_000, 'De reden is te lang (max. 2000 tekens).')
      .meta({ description: 'Reden van de stopzetting' }),
  })
  .meta({ description: 'Registratie stopzetten (R-REG-1)' });
export type StopRequest = z.infer<typeof stopRequestSchema>;

/** R-REG-1: the stop date is today or later and a reason is given. Every problem at once. */
export function validateStopRequest(request: StopRequest, today: IsoDate): Problem[] {
  const problems: Problem[] = [];
  if (compareDates(request.stopDate, today) < 0) {
    problems.push({ path: 'stopDate', code: 'R-REG-1', message: 'De stopzettingsdatum kan niet in het verleden liggen; kies vandaag of later.' });
  }
  if (request.reason.trim() === '') {
    problems.push({ path: 'reason', code: 'R-REG-1', message: 'Geef een reden voor de stopzetting op.' });
  }
  return problems;
}

/**
 * R-REG-1: records the stop date and reason (a replaced registration may be stopped too, R-REG-2).
 * The status becomes `stopped` when the date has come (now, or later by the `stop-dates` job).
 * Throws 400 for an invalid request, 409 when the registration is no longer active.
 */
export function stopRegistration(reg: Registration, request: StopRequest, today: IsoDate): Registration {
  if (reg.status === 'stopped' || reg.status === 'removed') {
    throw conflict(`Deze registratie is al ${reg.status === 'stopped' ? 'stopgezet' : 'verwijderd'}.`, { allowed: [] });
  }
  const problems = validateStopRequest(request, today);
  if (problems.length > 0) throw validationFailed(problems, 'De stopzetting bevat fouten. Zie de lijst met problemen.');
  return applyStopDate({ ...reg, stopDate: request.stopDate, stopReason: request.reason.trim() }, today);
}

const reached = (date: IsoDate | null | undefined, today: IsoDate): date is IsoDate => date !== null && date !== undefined && compareDates(date, today) <= 0;

/**
 * For the `stop-dates` job: a registration whose stop date has come becomes `stopped` (R-REG-1); an
 * active one whose successor's valid-from has come becomes `replaced` (R-REG-2). Once both dates have
 * come it is stopped, whatever their order. Idempotent: applied again it changes nothing.
 */
export function applyStopDate(reg: Registration, today: IsoDate): Registration {
  if (reg.status !== 'active' && reg.status !== 'replaced') return reg;
  if (reached(reg.stopDate, today)) return { ...reg, status: 'stopped' };
  if (reg.status === 'active' && reg.replacedBy !== null && reached(reg.replacedFrom, today)) return { ...reg, status: 'replaced' };
  return reg;
}

/**
 * R-REG-2: the approved new registration (`replacement`, valid from `replacedFrom`) replaces the old
 * one. So that there is never a day on which neither number can be used, the old one stays `active`
 * until `replacedFrom` (the `stop-dates` job marks it `replaced` that day); it names its successor
 * and the date at once, so its public record says what replaces it and from when. A valid-from of
 * today or earlier replaces it at once.
 */
export function markReplaced(old: Registration, replacement: string, replacedFrom: IsoDate, today: IsoDate): Registration {
  const marked = { ...old, replacedBy: replacement, replacedFrom };
  if (old.status === 'removed' || old.status === 'stopped') return marked;
  return applyStopDate(marked, today);
}

// ── R-BO-5: annual evaluation ──────────────────────────────────────────────────────────────────

export const evaluationBodySchema = z
  .object({
    outcome: z.enum(['positive', 'negative'], 'Kies "positive" of "negative".').meta({ description: 'Uitkomst van de jaarlijkse evaluatie (R-BO-5)' }),
  })
  .meta({ description: 'Jaarlijkse evaluatie (R-BO-5)' });
export type EvaluationBody = z.infer<typeof evaluationBodySchema>;

/**
 * R-BO-5: positive → the registration is extended by a year (next evaluation a year later) and a
 * pending removal is lifted; negative → removal on 31 December of the year after `today`.
 */
export function applyEvaluation(reg: Registration, outcome: Evaluation['outcome'], today: IsoDate): Registration {
  if (reg.status !== 'active') {
    throw conflict('Alleen een actieve registratie kan geëvalueerd worden.', { allowed: [] });
  }
  const evaluations = [...reg.evaluations, { outcome, evaluatedOn: today }];
  if (outcome === 'positive') {
    // R-BO-5: a year from the later of the due date and the evaluation date — a late evaluation never
    // sets a next evaluation in the past.
    return { ...reg, evaluations, evaluationDue: addMonths(laterDate(reg.evaluationDue, today), EVALUATION_EXTENSION_MONTHS), removalDate: null };
  }
  return { ...reg, evaluations, removalDate: endOfFollowingYear(today) };
}

/** For the `evaluation-removals` job: a registration whose removal date has come becomes `removed`. */
export function applyRemovalDate(reg: Registration, today: IsoDate): Registration {
  if (reg.removalDate === null || compareDates(reg.removalDate, today) > 0 || reg.status === 'removed') return reg;
  return { ...reg, status: 'removed' };
}
