/**
 * The cheque area's view of a registration (R-CHQ-1): a port, and its DynamoDB adapter that reads the
 * registration item the back-office area writes (keys.registration, shape `Registration`).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ChequeTraining } from '../../shared/cheques/decide';
import { isActiveOn, type Registration } from '../../shared/registrations/registration';
import { dynamo } from '../adapters/aws-clients';
import { keys } from '../storage/keys';

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

export function dynamoTrainingLookup(tableName: string): TrainingLookup {
  return {
    async find(odbNumber, today) {
      const { Item } = await dynamo().send(new GetCommand({ TableName: tableName, Key: keys.registration(odbNumber) }));
      if (!Item) return undefined;
      const registration = Item as RegistrationFields;
      return trainingFromRegistration(
        { ...registration, stopDate: registration.stopDate ?? null, removalDate: registration.removalDate ?? null },
        today,
      );
    },
  };
}
