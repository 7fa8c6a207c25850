import * as z from 'zod';
import { evaluationReminderDue, nextRegistrationDue } from '../../shared/registrations/due';
import { registrationSchema, type Registration } from '../../shared/registrations/registration';
import { gsi, keys } from '../storage/keys';
import type { EvaluationReminder, StoredRegistration } from './store';

/**
 * How a registration is stored (no SDK here: the DynamoDB adapter `dynamo-store.ts`, the seeders and the
 * tests write these items): the domain object's fields at the top level, plus keys, list indexes (gsi1:
 * the organisation's registrations; gsi2: by status, active ones by evaluation date), the one pending
 * job in the `due` index, and `version` for optimistic concurrency. The catalogue reads these same
 * attributes from the stream and gsi2: keep them.
 */
export interface RegistrationItem extends Registration {
  pk: string;
  sk: string;
  type: 'registration';
  gsi1pk: string;
  gsi1sk: string;
  gsi2pk: string;
  gsi2sk: string;
  duePk?: string;
  dueAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A module's ODB number resolves to its training (R-BO-4: every module has its own number). */
export interface RegistrationModuleItem {
  pk: string;
  sk: string;
  type: 'registrationModule';
  odbNumber: string;
  trainingOdbNumber: string;
  applicationId: string;
  createdAt: string;
}

export function toRegistrationItem(reg: Registration, version: number, createdAt: string, now: Date): RegistrationItem {
  const due = nextRegistrationDue(reg);
  return {
    ...reg,
    ...keys.registration(reg.odbNumber),
    type: 'registration',
    gsi1pk: gsi.orgRegistrations(reg.provider.kbo),
    gsi1sk: `${reg.validFrom}#${reg.odbNumber}`,
    gsi2pk: gsi.registrationStatus(reg.status),
    // R-BO-5: active registrations sort by their evaluation date, so the back office's overview is one range Query
    gsi2sk: reg.status === 'active' ? `${reg.evaluationDue}#${reg.odbNumber}` : reg.odbNumber,
    ...(due ?? {}),
    version,
    createdAt,
    updatedAt: now.toISOString(),
  };
}

/**
 * A stored registration item, parsed at the boundary (issue 15): the published fields with their
 * schema, the internal ones, `version` and `createdAt`. Keys, indexes and due entry are dropped.
 */
const storedRegistrationItemSchema = registrationSchema.extend({
  type: z.literal('registration'),
  applicationId: z.string(),
  stopReason: z.string().nullable(),
  evaluations: z.array(z.object({ outcome: z.enum(['positive', 'negative']), evaluatedOn: z.iso.date() })),
  version: z.number().int().min(1),
  createdAt: z.string(),
});

export function fromRegistrationItem(item: Record<string, unknown>): StoredRegistration {
  const { type: _type, version, createdAt, ...fields } = storedRegistrationItemSchema.parse(item);
  const { replacedFrom, ...rest } = fields;
  const registration: Registration = { ...rest, ...(replacedFrom !== undefined ? { replacedFrom } : {}) };
  return { registration, version, createdAt };
}

export const registrationModuleItemSchema = z.object({
  type: z.literal('registrationModule'),
  odbNumber: z.string(),
  trainingOdbNumber: z.string(),
  applicationId: z.string(),
});

export function moduleItem(moduleOdbNumber: string, trainingOdbNumber: string, applicationId: string, now: Date): RegistrationModuleItem {
  return {
    ...keys.registrationModule(moduleOdbNumber),
    type: 'registrationModule',
    odbNumber: moduleOdbNumber,
    trainingOdbNumber,
    applicationId,
    createdAt: now.toISOString(),
  };
}

/**
 * R-BO-5: the entry that makes the `evaluation-overdue` job act on a registration — its own item beside
 * the registration (`REG#<odb>` / `EVALREMINDER`), so the registration's own due entry (stop, removal)
 * and its attributes (read by the catalogue) stay as they were. Written with the registration when its
 * evaluation date is set (approval, positive evaluation); the job removes the due entry and records
 * `mailedAt` in the transaction of the mail.
 */
export interface EvaluationReminderItem {
  pk: string;
  sk: string;
  type: 'evaluationReminder';
  odbNumber: string;
  evaluationDue: string;
  duePk?: string;
  dueAt?: string;
  mailedAt?: string;
}

export function evaluationReminderItem(reg: Pick<Registration, 'odbNumber' | 'evaluationDue'>): EvaluationReminderItem {
  return {
    ...keys.evaluationReminder(reg.odbNumber),
    type: 'evaluationReminder',
    odbNumber: reg.odbNumber,
    evaluationDue: reg.evaluationDue,
    ...evaluationReminderDue(reg.evaluationDue),
  };
}

const evaluationReminderItemSchema = z.object({
  type: z.literal('evaluationReminder'),
  odbNumber: z.string(),
  evaluationDue: z.iso.date(),
  dueAt: z.string(),
});

export function fromEvaluationReminderItem(item: Record<string, unknown>): EvaluationReminder {
  const { odbNumber, evaluationDue, dueAt } = evaluationReminderItemSchema.parse(item);
  return { odbNumber, evaluationDue, dueAt };
}
