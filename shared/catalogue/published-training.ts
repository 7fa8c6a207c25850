/**
 * The published catalogue snapshot: what the public site (site/) and the open-data downloads read.
 * One strict schema is the contract: an unknown field, a missing field or a wrong value fails the
 * site build with a message naming the record (habit 4 in style.md). Pure: no I/O.
 *
 * Only `active` and `replaced` registrations are published; a `replaced` one names its successor in
 * `replacedBy` (R-REG-2). Stopped and removed registrations are not in the snapshot (R-REG-1, R-BO-5).
 */
import * as z from 'zod';
import { chequeCategories } from '../cheques/cheque-category';
import { isValidKbo } from '../organisations/kbo';
import { ODB_NUMBER_PATTERN } from '../registrations/odb-number';

/**
 * ODB number (R-BO-4): the one pattern of shared/registrations/odb-number.ts — `ODB-` + series letter
 * A/X/Y/Z + 6 digits (`ODB-A000123`), or the fixed credit-contract number `ODB-P00004`.
 */
export { ODB_NUMBER_PATTERN };
export const OdbNumber = z.string().regex(ODB_NUMBER_PATTERN, 'geen geldig ODB-nummer (ODB-A000123)');

export const KboNumber = z
  .string()
  .refine(isValidKbo, 'geen geldig KBO-nummer (10 cijfers, mod-97-controle)');

export const competenceGroups = ['basic', 'professionSpecific', 'general'] as const;
export const CompetenceGroup = z.enum(competenceGroups);
export type CompetenceGroup = z.infer<typeof CompetenceGroup>;

/** The cheque categories of shared/cheques/cheque-category.ts (R-CHQ-3…5). */
export { chequeCategories };
export const ChequeCategory = z.enum(chequeCategories);
export type ChequeCategory = z.infer<typeof ChequeCategory>;

export const incentiveCodes = ['opleidingscheques', 'vlaams-opleidingsverlof'] as const;
export const Incentive = z.enum(incentiveCodes);
export type Incentive = z.infer<typeof Incentive>;

export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const CefrLevel = z.enum(cefrLevels);
export type CefrLevel = z.infer<typeof CefrLevel>;

export const publishedStatuses = ['active', 'replaced'] as const;
export const PublishedStatus = z.enum(publishedStatuses);
export type PublishedStatus = z.infer<typeof PublishedStatus>;

const IsoDate = z.iso.date();
const Hours = z.number().positive().max(10_000);
// No transforms anywhere: the parsed snapshot equals the input, so the open-data JSON is the snapshot.
const Text = (max: number) => z.string().max(max).regex(/\S/, 'mag niet leeg zijn');

export const PublishedModule = z.strictObject({
  odbNumber: OdbNumber,
  title: Text(300),
  contactHours: Hours.nullable(),
  cefrLevel: CefrLevel.nullable(),
});
export type PublishedModule = z.infer<typeof PublishedModule>;

export const PublishedTraining = z
  .strictObject({
    odbNumber: OdbNumber,
    title: Text(300),
    provider: z.strictObject({ kbo: KboNumber, name: Text(200) }),
    validFrom: IsoDate,
    stopDate: IsoDate.nullable(),
    status: PublishedStatus,
    replacedBy: OdbNumber.nullable(),
    // R-REG-2: the day the successor took over (the public record shows it; older snapshots lack it)
    replacedFrom: IsoDate.nullable().optional(),
    contactHours: Hours.nullable(),
    studyPoints: z.number().positive().max(600).nullable(),
    modules: z.array(PublishedModule).max(200),
    competenceGroup: CompetenceGroup,
    competences: z.array(Text(200)).max(50),
    targetGroup: Text(2_000),
    websiteUrl: z.url({ protocol: /^https?$/, hostname: z.regexes.domain }),
    blended: z.boolean(),
    chequeCategory: ChequeCategory,
    incentives: z.array(Incentive).max(incentiveCodes.length),
    description: Text(20_000),
  })
  .superRefine((t, ctx) => {
    if (t.status === 'replaced' && t.replacedBy === null) {
      ctx.addIssue({ code: 'custom', path: ['replacedBy'], message: 'een vervangen registratie noemt haar opvolger' });
    }
    if (t.status === 'active' && t.replacedBy !== null) {
      ctx.addIssue({ code: 'custom', path: ['replacedBy'], message: 'een actieve registratie is niet vervangen' });
    }
    if (t.replacedBy === t.odbNumber) {
      ctx.addIssue({ code: 'custom', path: ['replacedBy'], message: 'een registratie vervangt zichzelf niet' });
    }
    if (t.contactHours === null && t.studyPoints === null) {
      ctx.addIssue({ code: 'custom', path: ['contactHours'], message: 'contacturen of studiepunten zijn verplicht' });
    }
    if (t.stopDate !== null && t.stopDate < t.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['stopDate'], message: 'de stopdatum ligt voor de startdatum' });
    }
    if (new Set(t.incentives).size !== t.incentives.length) {
      ctx.addIssue({ code: 'custom', path: ['incentives'], message: 'dubbele stimulans' });
    }
  });
export type PublishedTraining = z.infer<typeof PublishedTraining>;

export const CatalogueSnapshot = z
  .strictObject({
    publishedAt: z.iso.datetime({ offset: true }),
    trainings: z.array(PublishedTraining),
  })
  .superRefine((s, ctx) => {
    // Every ODB number (training or module) names exactly one page/record: a duplicate would make two
    // pages collide and a search by number ambiguous.
    const seen = new Map<string, number>();
    s.trainings.forEach((t, i) => {
      for (const n of [t.odbNumber, ...t.modules.map((m) => m.odbNumber)]) {
        const first = seen.get(n);
        if (first !== undefined && first !== i) {
          ctx.addIssue({ code: 'custom', path: ['trainings', i, 'odbNumber'], message: `ODB-nummer ${n} komt dubbel voor (ook in record ${first})` });
        } else if (first === i && n !== t.odbNumber) {
          ctx.addIssue({ code: 'custom', path: ['trainings', i, 'modules'], message: `ODB-nummer ${n} komt dubbel voor in dezelfde opleiding` });
        }
        seen.set(n, i);
      }
    });
  });
export type CatalogueSnapshot = z.infer<typeof CatalogueSnapshot>;

/** Size bucket used as a search filter; a training in study points is its own bucket. */
export type SizeBucket = 'lt32' | '32to100' | 'gt100' | 'studyPoints';

/** Total contact hours: the training's own, else the sum of its modules' (null when unknown). */
export function totalContactHours(t: Pick<PublishedTraining, 'contactHours' | 'modules'>): number | null {
  if (t.contactHours !== null) return t.contactHours;
  const hours = t.modules.map((m) => m.contactHours);
  if (hours.length === 0 || hours.some((h) => h === null)) return null;
  return hours.reduce<number>((a, h) => a + (h ?? 0), 0);
}

export function sizeBucket(t: Pick<PublishedTraining, 'contactHours' | 'studyPoints' | 'modules'>): SizeBucket {
  const hours = totalContactHours(t);
  if (hours === null) return 'studyPoints';
  if (hours < 32) return 'lt32';
  if (hours <= 100) return '32to100';
  return 'gt100';
}

/**
 * Readable, path-qualified messages for a failed snapshot parse, naming the record by index and ODB
 * number: `trainings[17] (ODB-A000123).provider.kbo: geen geldig KBO-nummer`.
 */
export function describeSnapshotIssues(error: z.ZodError, input: unknown, limit = 20): string[] {
  const trainings = (input as { trainings?: unknown[] } | null)?.trainings;
  const lines = error.issues.slice(0, limit).map((issue) => {
    const [head, index, ...rest] = issue.path;
    if (head === 'trainings' && typeof index === 'number') {
      const odb = (trainings?.[index] as { odbNumber?: unknown } | undefined)?.odbNumber;
      const name = typeof odb === 'string' ? ` (${odb})` : '';
      const tail = rest.length > 0 ? `.${rest.join('.')}` : '';
      return `trainings[${index}]${name}${tail}: ${issue.message}`;
    }
    return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
  });
  if (error.issues.length > limit) lines.push(`… and ${error.issues.length - limit} more`);
  return lines;
}
