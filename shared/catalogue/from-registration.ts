/**
 * The ONE mapping from a stored registration (shared/registrations/registration.ts) to the published
 * catalogue record (published-training.ts). Pure: the snapshot builder, the seeders and the tests all
 * use it, so what the site shows cannot drift from what the back office registered.
 *
 * Which registrations are published on `today` (the publication date, Europe/Brussels):
 * - `active` ones that are active on that date (R-BO-3: from validFrom; R-REG-1: not from the stop date
 *   on; R-BO-5: not from the removal date on) — `isActiveOn`;
 * - `replaced` ones that name their successor (R-REG-2), until their own stop or removal date, so an
 *   old number still leads to the training that replaced it;
 * - never `stopped` or `removed` ones (R-REG-1, R-BO-5).
 */
import type { IsoDate } from '../time/calendar';
import { compareDates } from '../time/calendar';
import { competenceGroupLabels } from './labels';
import {
  CatalogueSnapshot,
  PublishedTraining,
  competenceGroups,
  type CompetenceGroup,
  type Incentive,
  type PublishedModule,
} from './published-training';
import { isActiveOn, type PublishedRegistration } from '../registrations/registration';

/** The fields the mapping reads (a stored `Registration` or its published view). */
export type RegistrationLike = PublishedRegistration;

const incentiveCodes: Record<RegistrationLike['incentives'][number], Incentive> = {
  trainingCheques: 'opleidingscheques',
  trainingLeave: 'vlaams-opleidingsverlof',
};
const incentiveOrder: readonly Incentive[] = ['opleidingscheques', 'vlaams-opleidingsverlof'];

/** Whether the registration belongs in the catalogue published on `today` (see the module comment). */
export function isPublished(reg: Pick<RegistrationLike, 'status' | 'validFrom' | 'stopDate' | 'removalDate' | 'replacedBy'>, today: IsoDate): boolean {
  if (reg.status === 'active') return isActiveOn(reg, today);
  if (reg.status === 'replaced') {
    if (reg.replacedBy === null) return false;
    if (reg.stopDate !== null && compareDates(today, reg.stopDate) >= 0) return false;
    if (reg.removalDate !== null && compareDates(today, reg.removalDate) >= 0) return false;
    return true;
  }
  return false;
}

/** Zero or unknown amounts are not shown ("0 uur" says nothing); the schema wants positive numbers. */
const positiveOrNull = (n: number | null | undefined): number | null => (typeof n === 'number' && n > 0 ? n : null);

/**
 * The competence group the catalogue files the training under: the first of its groups in the order
 * basic → professionSpecific → general (the order `competenceGroupsOf` produces), `general` when none
 * is recorded.
 */
export function primaryCompetenceGroup(groups: readonly CompetenceGroup[]): CompetenceGroup {
  return competenceGroups.find((g) => groups.includes(g)) ?? 'general';
}

/**
 * The published record of a registration, without deciding whether it is published (`isPublished`)
 * and without validating it (`PublishedTraining.safeParse`). Registrations carry their competence
 * groups but not the individual competences, so `competences` lists the Dutch names of its groups.
 */
export function toPublishedTraining(reg: RegistrationLike): PublishedTraining {
  const modules: PublishedModule[] = reg.modules.map((m) => ({
    odbNumber: m.odbNumber,
    title: m.title,
    contactHours: positiveOrNull(m.contactHours),
    cefrLevel: m.cefrLevel,
  }));
  const incentives = new Set(reg.incentives.map((i) => incentiveCodes[i]));
  const groups = competenceGroups.filter((g) => reg.competenceGroups.includes(g));
  return {
    odbNumber: reg.odbNumber,
    title: reg.title,
    provider: { kbo: reg.provider.kbo, name: reg.provider.name },
    validFrom: reg.validFrom,
    stopDate: reg.stopDate,
    status: reg.status === 'replaced' ? 'replaced' : 'active',
    replacedBy: reg.status === 'replaced' ? reg.replacedBy : null,
    replacedFrom: reg.status === 'replaced' ? reg.replacedFrom ?? null : null,
    contactHours: positiveOrNull(reg.contactHours),
    studyPoints: positiveOrNull(reg.studyPoints),
    modules,
    competenceGroup: primaryCompetenceGroup(reg.competenceGroups),
    competences: groups.map((g) => competenceGroupLabels[g]),
    targetGroup: reg.targetGroup,
    websiteUrl: reg.websiteUrl,
    blended: reg.blended || reg.modules.some((m) => m.blended),
    chequeCategory: reg.chequeCategory,
    incentives: incentiveOrder.filter((i) => incentives.has(i)),
    description: reg.content,
  };
}

export interface RejectedRegistration {
  odbNumber: string;
  problems: string[];
}

export interface CatalogueBuild {
  snapshot: CatalogueSnapshot;
  /** Registrations that should be published but fail the strict schema: left out, and reported. */
  rejected: RejectedRegistration[];
}

/**
 * The catalogue snapshot published at `publishedAt` from all candidate registrations (typically the
 * `active` and `replaced` ones). Each record is checked with the strict schema; one bad record is left
 * out and reported instead of blocking every other change. Sorted by ODB number, so the same data gives
 * the same bytes. Throws when the snapshot as a whole is invalid (e.g. a duplicate ODB number).
 */
export type RecordOutcome =
  | { kind: 'published'; record: PublishedTraining }
  | { kind: 'unpublished' }
  | { kind: 'rejected'; rejected: RejectedRegistration };

/**
 * What one registration publishes on `today`: its validated record, nothing (not published: stopped,
 * removed, not yet valid, …), or a rejection (it should be published but fails the strict schema: left
 * out and reported, so one bad record does not block every other change).
 */
export function publishedRecord(reg: RegistrationLike, today: IsoDate): RecordOutcome {
  let candidate: PublishedTraining;
  try {
    if (!isPublished(reg, today)) return { kind: 'unpublished' };
    candidate = toPublishedTraining(reg);
  } catch (error) {
    return { kind: 'rejected', rejected: { odbNumber: String(reg.odbNumber), problems: [`(record): ${error instanceof Error ? error.message : String(error)}`] } };
  }
  const parsed = PublishedTraining.safeParse(candidate);
  if (parsed.success) return { kind: 'published', record: parsed.data };
  return { kind: 'rejected', rejected: { odbNumber: reg.odbNumber, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`) } };
}

/**
 * The catalogue snapshot published at `publishedAt` from all candidate registrations (typically the
 * `active` and `replaced` ones). Each record is checked with the strict schema (`publishedRecord`).
 * Sorted by ODB number, so the same data gives the same bytes. Throws when the snapshot as a whole is
 * invalid (e.g. a duplicate ODB number).
 */
export function buildCatalogue(registrations: Iterable<RegistrationLike>, publishedAt: string, today: IsoDate): CatalogueBuild {
  const trainings: PublishedTraining[] = [];
  const rejected: RejectedRegistration[] = [];
  for (const reg of registrations) {
    const outcome = publishedRecord(reg, today);
    if (outcome.kind === 'published') trainings.push(outcome.record);
    else if (outcome.kind === 'rejected') rejected.push(outcome.rejected);
  }
  // A replaced registration whose successor is not (or no longer) published keeps its number but
  // points nowhere; the site then shows the number without a link.
  trainings.sort((a, b) => (a.odbNumber < b.odbNumber ? -1 : a.odbNumber > b.odbNumber ? 1 : 0));
  const snapshot = CatalogueSnapshot.parse({ publishedAt, trainings });
  return { snapshot, rejected };
}
