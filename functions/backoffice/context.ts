import { notFound } from '../../shared/http/problem';
import type { StoredApplication } from '../applications/store';
import type { BackofficePorts } from './ports';

/** Who acts (R-BO-6): the token's `sub`. */
export type ActorId = string;

/** Deterministic outbox ids: one mail per cause, so a retried use case cannot send a second one. */
export const questionMailId = (applicationId: string, questionNumber: number) => `question:${applicationId}:${questionNumber}`;
export const rejectionMailId = (applicationId: string) => `decision-rejected:${applicationId}`;
export const amendmentMailId = (applicationId: string, version: number) => `amended:${applicationId}:${version}`;

/** A submitted application; drafts are the provider's own work: the back office only sees submitted ones. */
export async function loadApplication(ports: Pick<BackofficePorts, 'applications'>, id: string): Promise<StoredApplication> {
  const app = await ports.applications.get(id);
  if (!app || app.submittedAt === null) throw notFound('Deze aanvraag bestaat niet of is nog niet ingediend.');
  return app;
}
