/**
 * The cheque area's view of a registration (R-CHQ-1): a port, and its DynamoDB adapter that reads the
 * registration item the back-office area writes (keys.registration, shape `Registration`).
 */
import type { ChequeTraining } from '../../shared/cheques/decide';
import { isActiveOn, type Registration } from '../../shared/registrations/registration';
import { resolveOdbNumber } from '../registrations/dynamo-store';

export interface TrainingLookup {
  /** The training with this ODB number as it stands on `today` (YYYY-MM-DD), or undefined. */
  find(odbNumber: string, today: string): Promise<ChequeTraining | undefined>;
}

type RegistrationFields = Pick<
  Registration,
  'odbNumber' | 'status' | 'validFrom' | 'stopDate' | 'removalDate' | 'chequeCategory' | 'title' | 'provider'
>;

/**
 * R-CHQ-4, R-CHQ-5: the category is the registration's `chequeCategory`, the one the department granted
 * with its decision. Nothing else of the application (the provider's proposal) is read here.
 */
export function trainingFromRegistration(registration: RegistrationFields, today: string): ChequeTraining {
  return {
    odbNumber: registration.odbNumber,
    active: isActiveOn(registration, today),
    chequeCategory: registration.chequeCategory,
    title: registration.title,
    providerName: registration.provider.name,
  };
}

/** A training's or a module's ODB number (a module is requested under its own number, on its training's terms). */
export function dynamoTrainingLookup(tableName: string): TrainingLookup {
  return {
    async find(odbNumber, today) {
      const resolved = await resolveOdbNumber(tableName, odbNumber);
      if (!resolved) return undefined;
      const { registration, module } = resolved;
      const training = trainingFromRegistration(
        { ...registration, stopDate: registration.stopDate ?? null, removalDate: registration.removalDate ?? null },
        today,
      );
      return { ...training, odbNumber, ...(module ? { title: `${registration.title} — module ${module.title}` } : {}) };
    },
  };
}
