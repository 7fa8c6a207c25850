/**
 * Seeds REAL registration items (the registrations area's own item builder, `toRegistrationItem` and
 * `moduleItem` in functions/registrations/store.ts) and organisation items (functions/organisations)
 * into the main table, from the deterministic demo catalogue (demo-trainings.ts). ODB numbers are
 * allocated from the real counters (`allocateOdbNumbers`), so later approvals never collide with them.
 *
 * Used by the first `npm start` on an empty store (~200 trainings, unless DEMO_SEED=off) and by
 * `npm run seed -- --trainings N` (infra/local/cli/seed.ts) against the running stack. The stream
 * consumer then republishes the catalogue and the local site builder builds the site.
 */
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../../functions/adapters/aws-clients';
import { OrganisationVersionConflict, saveOrganisation } from '../../../functions/organisations/dynamo-store';
import { allocateOdbNumbers } from '../../../functions/registrations/dynamo-odb-allocator';
import { evaluationReminderItem, moduleItem, toRegistrationItem } from '../../../functions/registrations/items';
import { gsi } from '../../../functions/storage/keys';
import { addMonths, brusselsDate, compareDates, type IsoDate } from '../../../shared/time/calendar';
import type { PublishedTraining } from '../../../shared/catalogue/published-training';
import { NO_LMS_DOCUMENT, type Organisation, type OrganisationKind } from '../../../shared/organisations/organisation';
import { REGISTRATION_STATUSES, type Registration } from '../../../shared/registrations/registration';
import type { OdbSeries } from '../../../shared/registrations/odb-number';
import { demoTrainings } from './demo-trainings';

const kindBySeries: Record<OdbSeries, OrganisationKind> = { A: 'general', X: 'higherEducation', Y: 'adultEducation', Z: 'syntra' };
const seriesOf = (odbNumber: string) => odbNumber.charAt(4) as OdbSeries;

/** True when the table holds no registration in any status. */
export async function hasNoRegistrations(table: string): Promise<boolean> {
  for (const status of REGISTRATION_STATUSES) {
    const page = await dynamo().send(new QueryCommand({
      TableName: table, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': gsi.registrationStatus(status) }, Limit: 1,
    }));
    if ((page.Items ?? []).length > 0) return false;
  }
  return true;
}

/** Demo organisations behind the demo trainings (generic contact addresses, no personal data). */
export function demoOrganisations(trainings: readonly PublishedTraining[], now: Date): Organisation[] {
  const byKbo = new Map<string, Organisation>();
  for (const t of trainings) {
    if (byKbo.has(t.provider.kbo)) continue;
    const host = new URL(t.websiteUrl).hostname;
    byKbo.set(t.provider.kbo, {
      kbo: t.provider.kbo,
      name: t.provider.name,
      contact: { name: 'Dienst opleidingen', email: `opleidingen@${host.replace(/^www\./, '')}`, phone: '+32 2 553 00 00' },
      generalContact: { name: 'Directie', email: `info@${host.replace(/^www\./, '')}`, phone: '+32 2 553 00 00' },
      chequesContact: null,
      kind: kindBySeries[seriesOf(t.odbNumber)],
      lms: null,
      qualityRegistration: { registered: true, since: '2020-01-01' },
      lmsDocument: NO_LMS_DOCUMENT,
      contactConfirmedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
  }
  return [...byKbo.values()];
}

const cefrLanguage = (t: PublishedTraining) => (t.modules.some((m) => m.cefrLevel !== null)
  ? { code: /frans/i.test(t.title) ? 'fr' : 'nl', cefrLevel: null }
  : null);

/**
 * The stored registration behind a demo record (the reverse of the catalogue mapping), with its
 * status on `today`: a stop date that has come makes it `stopped`; every `stopEvery`-th active one is
 * stopped by its provider, so the demo data has a few stopped registrations that are not published.
 */
export function registrationFromDemo(t: PublishedTraining, index: number, today: IsoDate, stopEvery = 37): Registration {
  let stopDate = t.stopDate;
  let stopReason: string | null = stopDate === null ? null : 'De opleiding wordt niet meer georganiseerd.';
  if (t.status === 'active' && stopDate === null && index % stopEvery === stopEvery - 1 && compareDates(t.validFrom, today) < 0) {
    stopDate = today;
    stopReason = 'Het programma wordt herwerkt.';
  }
  const stopped = stopDate !== null && compareDates(stopDate, today) <= 0;
  let evaluationDue = addMonths(t.validFrom, 12);
  while (compareDates(evaluationDue, today) < 0) evaluationDue = addMonths(evaluationDue, 12);
  return {
    odbNumber: t.odbNumber,
    title: t.title,
    ownReference: `DEMO-${t.odbNumber.slice(4)}`,
    provider: { kbo: t.provider.kbo, name: t.provider.name },
    validFrom: t.validFrom,
    stopDate,
    status: stopped ? 'stopped' : t.status,
    replacedBy: t.replacedBy,
    replaces: null,
    modules: t.modules.map((m, i) => ({
      odbNumber: m.odbNumber,
      title: m.title,
      ownReference: `DEMO-${t.odbNumber.slice(4)}-M${i + 1}`,
      contactHours: m.contactHours,
      studyPoints: null,
      mentorTraining: m.contactHours !== null && m.contactHours < 32 ? false : null,
      blended: false,
      cefrLevel: m.cefrLevel,
    })),
    chequeCategory: t.chequeCategory,
    structure: t.modules.length > 0 ? 'modular' : 'integral',
    competenceGroups: [t.competenceGroup],
    contactHours: t.contactHours,
    studyPoints: t.studyPoints,
    mentorTraining: t.contactHours !== null && t.contactHours < 32 ? true : null,
    targetGroup: t.targetGroup,
    content: t.description,
    websiteUrl: t.websiteUrl,
    blended: t.blended,
    distanceHours: t.blended ? 8 : null,
    finalAssessment: true,
    leadsToQualification: t.modules.length > 2,
    language: cefrLanguage(t),
    incentives: t.incentives.map((i) => (i === 'opleidingscheques' ? 'trainingCheques' : 'trainingLeave')),
    evaluationDue,
    removalDate: null,
    applicationId: `demo-${t.odbNumber}`,
    stopReason: stopped || stopDate !== null ? stopReason : null,
    evaluations: [],
  };
}

/** Gives every demo ODB number (training and module) a freshly allocated number of the same series. */
export async function renumber(
  trainings: readonly PublishedTraining[],
  allocate: (series: OdbSeries, count: number) => Promise<string[]>,
): Promise<PublishedTraining[]> {
  const needed = new Map<OdbSeries, string[]>();
  for (const t of trainings) {
    for (const n of [t.odbNumber, ...t.modules.map((m) => m.odbNumber)]) {
      const list = needed.get(seriesOf(n)) ?? [];
      list.push(n);
      needed.set(seriesOf(n), list);
    }
  }
  const mapping = new Map<string, string>();
  for (const [series, olds] of needed) {
    const fresh = await allocate(series, olds.length);
    olds.forEach((old, i) => mapping.set(old, fresh[i] as string));
  }
  const to = (n: string) => mapping.get(n) ?? n;
  return trainings.map((t) => ({
    ...t,
    odbNumber: to(t.odbNumber),
    replacedBy: t.replacedBy === null ? null : to(t.replacedBy),
    modules: t.modules.map((m) => ({ ...m, odbNumber: to(m.odbNumber) })),
  }));
}

/** BatchWrite in chunks of 25, a few in parallel, retrying unprocessed items. */
export async function batchPut(table: string, items: readonly Record<string, unknown>[], onProgress?: (written: number) => void, parallel = 8): Promise<void> {
  let next = 0;
  let written = 0;
  const worker = async () => {
    while (next < items.length) {
      const chunk = items.slice(next, next + 25);
      next += 25;
      let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
        const result = await dynamo().send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = (result.UnprocessedItems?.[table] ?? []) as typeof pending;
      }
      written += chunk.length;
      onProgress?.(written);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

export interface SeedResult {
  organisations: number;
  registrations: number;
  published: number;
  items: number;
}

/**
 * Seeds `count` demo trainings (deterministic for `seed`) as registrations, with their organisations.
 * `onProgress(written, total)` reports the items written.
 */
export async function seedRegistrations(options: {
  table: string;
  count: number;
  seed?: number;
  /** Words of content per training (demoTrainings `words`); default the short template text. */
  words?: number;
  now?: Date;
  onProgress?: (written: number, total: number) => void;
}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const today = brusselsDate(now.toISOString());
  const demo = demoTrainings(options.count, options.seed ?? 1, options.words);
  const trainings = await renumber(demo, (series, count) => allocateOdbNumbers(options.table, series, count));
  const organisations = demoOrganisations(trainings, now);
  for (const org of organisations) {
    await saveOrganisation(options.table, org, null).catch((error: unknown) => {
      if (!(error instanceof OrganisationVersionConflict)) throw error;
    });
  }
  const registrations = trainings.map((t, i) => registrationFromDemo(t, i, today));
  const byNumber = new Map(registrations.map((r) => [r.odbNumber, r]));
  for (const r of registrations) {
    // R-REG-2: the successor names the registration it replaced.
    if (r.replacedBy !== null) {
      const successor = byNumber.get(r.replacedBy);
      if (successor) successor.replaces = r.odbNumber;
    }
  }
  const createdAt = now.toISOString();
  const items: Record<string, unknown>[] = [];
  for (const reg of registrations) {
    items.push({ ...toRegistrationItem(reg, 1, createdAt, now) });
    for (const m of reg.modules) items.push({ ...moduleItem(m.odbNumber, reg.odbNumber, reg.applicationId, now) });
    // R-BO-5: an active registration has its overdue-evaluation reminder, as approval writes it.
    if (reg.status === 'active') items.push({ ...evaluationReminderItem(reg) });
  }
  // Modules first: a published module number always resolves.
  items.sort((a, b) => (a.type === b.type ? 0 : a.type === 'registration' ? 1 : -1));
  await batchPut(options.table, items, (written) => options.onProgress?.(written, items.length));
  return {
    organisations: organisations.length,
    registrations: registrations.length,
    published: registrations.filter((r) => r.status === 'active' || r.status === 'replaced').length,
    items: items.length,
  };
}
