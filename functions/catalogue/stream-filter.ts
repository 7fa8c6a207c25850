/**
 * A Lambda event-source filter pattern over a stream record (what CDK's FilterCriteria and the local
 * stream poller both take). Declared here, not imported from infra/: arrows point inward (issue 15).
 */
export type RecordFilterPattern = { [key: string]: RecordFilterPattern | string[] };

/**
 * Stream records the republish consumer receives: any change to a registration item — its new image
 * (approved, changed) or its old image (deleted) has `type = registration`.
 */
export const registrationChangeFilters: RecordFilterPattern[] = [
  { dynamodb: { NewImage: { type: { S: ['registration'] } } } },
  { dynamodb: { OldImage: { type: { S: ['registration'] } } } },
];
