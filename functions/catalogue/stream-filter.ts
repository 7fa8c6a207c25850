import type { FilterPattern } from '../../infra/local/event-filter';

/**
 * Stream records the republish consumer receives: any change to a registration item — its new image
 * (approved, changed) or its old image (deleted) has `type = registration`.
 */
export const registrationChangeFilters: FilterPattern[] = [
  { dynamodb: { NewImage: { type: { S: ['registration'] } } } },
  { dynamodb: { OldImage: { type: { S: ['registration'] } } } },
];
