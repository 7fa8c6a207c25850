import type { RuleFinding } from '../http/problem';
import type { Organisation } from '../organisations/organisation';
import type { ReferenceData } from '../reference/reference-data';
import type { RegistrationStatus } from '../registrations/registration';
import type { ApplicationBody, Module } from './application';
import type { IsoDate } from '../time/calendar';
import type { ApplicationDocument } from './documents';

/** What a check of an application is given, the shape of one check, and the helpers checks share. */
export interface CheckContext {
  /** 'YYYY-MM-DD', Europe/Brussels. */
  today: IsoDate;
  /** The organisation's stored data; null when the provider has not filled it in yet (R-ORG-2). */
  organisation: Pick<Organisation, 'lms' | 'lmsDocument'> | null;
  /** Documents attached to this application. */
  documents: readonly Pick<ApplicationDocument, 'kind' | 'status'>[];
  reference: ReferenceData;
  /**
   * Of this application's own references (training and modules), those another of the
   * organisation's applications holds (submitted and not released): they are not unique.
   */
  ownReferencesInUse?: readonly string[];
  /** The provider's KBO number (R-REG-2: a replaced registration must be its own). */
  providerKbo?: string;
  /**
   * R-REG-2: the registration `replacesOdbNumber` names, as found (null: no such registration);
   * undefined when the application replaces nothing.
   */
  replacedRegistration?: { providerKbo: string; status: RegistrationStatus } | null;
  /** R-APP-7: another of the organisation's applications (submitted, not released) is for the same language. */
  languageInUse?: boolean;
}

export type Check = (app: ApplicationBody, context: CheckContext) => RuleFinding[];

export const error = (path: string, code: string, message: string): RuleFinding => ({ path, code, message, severity: 'error' });
export const warning = (path: string, code: string, message: string): RuleFinding => ({ path, code, message, severity: 'warning' });

export const isBlank = (value: string | null | undefined): boolean => value === null || value === undefined || value.trim() === '';
export const isMissing = (value: unknown): boolean => value === null || value === undefined;

export const modulesOf = (app: Pick<ApplicationBody, 'modules'>): Module[] => app.modules ?? [];
export const basicOf = (app: ApplicationBody): string[] => app.competences?.basic ?? [];
export const professionSpecificOf = (app: ApplicationBody): string[] => app.competences?.professionSpecific ?? [];
export const pillarsOf = (app: ApplicationBody): string[] => app.competences?.generalPillars ?? [];

export const isModuleBlended = (module: Module): boolean =>
  module.blended !== null && module.blended !== undefined && module.blended !== false;

export const isAnyBlended = (app: ApplicationBody): boolean => !isMissing(app.blended) || modulesOf(app).some(isModuleBlended);

/** Contact hours of the training: given, or the sum of its modules' when every module has them. */
export function effectiveContactHours(app: ApplicationBody): number | undefined {
  if (typeof app.contactHours === 'number') return app.contactHours;
  const modules = modulesOf(app);
  if (modules.length === 0) return undefined;
  let sum = 0;
  for (const module of modules) {
    if (typeof module.contactHours !== 'number') return undefined;
    sum += module.contactHours;
  }
  return sum;
}

