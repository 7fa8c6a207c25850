/**
 * The cheque area's view of a registration (R-CHQ-1): a port, and its DynamoDB adapter that reads the
 * registration item the back-office area writes (keys.registration, shape `Registration`).
 */
import type { ChequeTraining } from '../../shared/cheques/decide';
import { isActiveOn, type Registration } from '../../shared/registrations/registration';
import { resolveOdbNumber } from '../registrations/store';

export interface TrainingLookup {
  /** The training with this ODB number as it stands on `today` (YYYY-MM-DD), or undefined. */
  find(odbNumber: string, today: string): Promise<ChequeTraining | undefined>;
}

type RegistrationFields = Pick<Registration, 'odbNumber' | 'status' | 'validFrom' | 'stopDate' | 'removalDate' | 'chequeCategory'>;

export function trainingFromRegistration(registration: RegistrationFields, today: string): ChequeTraining {
  return {
    odbNumber: registration.odbNumber,
    active: isActiveOn(registration, today),
    chequeCategory: registration.chequeCategory,
  };
}

/** A training's or a module's ODB number (a module is requested under its own number, on its training's terms). */
export function dynamoTrainingLookup(tableName: string): TrainingLookup {
  return {
    async find(odbNumber, today) {
      const resolved = await resolveOdbNumber(tableName, odbNumber);
      if (!resolved) return undefined;
      const { registration } = resolved;
      return {
        ...trainingFromRegistration(
          { ...registration, stopDate: registration.stopDate ?? null, removalDate: registration.removalDate ?? null },
          today,
        ),
        odbNumber,
      };
    },
  };
}
